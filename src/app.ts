// Composition root: the only place that picks the storage backend and wires services together.
import type { Config } from './config/options.ts';
import type { Store } from './storage/store.ts';
import { SqliteStore } from './storage/sqlite/store.ts';
import { PostgresStore } from './storage/postgres/store.ts';
import { IngestService } from './services/ingest.ts';
import { ReprocessService } from './services/reprocess.ts';
import { StoryService } from './services/stories.ts';

export interface App {
  config: Config;
  store: Store;
  ingest: IngestService;
  stories: StoryService;
  reprocess: ReprocessService;
  close(): Promise<void>;
}

export async function createApp(config: Config): Promise<App> {
  const store: Store = config.databaseUrl
    ? await PostgresStore.connect(config.databaseUrl)
    : SqliteStore.open(config.db);
  await store.migrate();
  const stories = new StoryService(store);
  const ingest = new IngestService(store, stories);
  const reprocess = new ReprocessService(store, ingest, stories);
  return { config, store, ingest, stories, reprocess, close: () => store.close() };
}

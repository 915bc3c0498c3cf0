// Composition root: the only place that picks the storage backend and wires services together.
import type { Config } from './config/options.ts';
import type { Store } from './storage/store.ts';
import { SqliteStore } from './storage/sqlite/store.ts';
import { PostgresStore } from './storage/postgres/store.ts';
import { IngestService } from './services/ingest.ts';
import { ReprocessService } from './services/reprocess.ts';

export interface App {
  config: Config;
  store: Store;
  ingest: IngestService;
  reprocess: ReprocessService;
  close(): Promise<void>;
}

export async function createApp(config: Config): Promise<App> {
  const store: Store = config.databaseUrl
    ? await PostgresStore.connect(config.databaseUrl)
    : SqliteStore.open(config.db);
  await store.migrate();
  const ingest = new IngestService(store);
  const reprocess = new ReprocessService(store, ingest);
  return { config, store, ingest, reprocess, close: () => store.close() };
}

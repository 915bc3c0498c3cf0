// `storyline demo`: the quick-start job — ingest the bundled sample corpus into an empty store and list what it holds.
import { fileURLToPath } from 'node:url';
import { articleSummary } from '../services/views.ts';
import { EXIT_OK, openApp, parse, type Io } from './common.ts';

export const help = 'demo [--db FILE]   ingest the bundled samples when the store is empty, then list the articles';
export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/seeds', import.meta.url));

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {});
  const app = await openApp(io, values.db);
  try {
    if ((await app.store.countArticles()) === 0) {
      const report = await app.ingest.ingest([SAMPLES_DIR]);
      io.stdout(`ingested ${report.ingested} sample articles into ${app.config.db}\n`);
      for (const f of report.failed) io.stderr(`error: ${f.error}\n`);
    }
    for (const a of (await app.store.listArticles({ limit: 50 })).map(articleSummary)) {
      io.stdout(`${a.id}\t${a.published ?? 'date unknown'}\t${a.outlet ?? '-'}\t${a.title ?? '(untitled)'}\n`);
    }
    return EXIT_OK;
  } finally {
    await app.close();
  }
}

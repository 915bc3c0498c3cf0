// `storyline export --format json|ndjson|csv [--out FILE]`: every article, streamed.
import { createWriteStream } from 'node:fs';
import { exportArticles, type ExportFormat } from '../services/export.ts';
import { EXIT_OK, openApp, parse, usageError, type Io } from './common.ts';

export const help = 'export --format json|ndjson|csv [--out FILE]';

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { format: { type: 'string' }, out: { type: 'string' } });
  const format = (values.format ?? 'json') as ExportFormat;
  if (!['json', 'ndjson', 'csv'].includes(format)) usageError(`--format must be json, ndjson or csv, got '${values.format}'`);
  const app = await openApp(io, values.db);
  try {
    if (values.out) {
      const file = createWriteStream(values.out);
      const n = await exportArticles(app.store, format, (s) => file.write(s));
      await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
      io.stderr(`exported ${n} articles to ${values.out}\n`);
    } else {
      await exportArticles(app.store, format, io.stdout);
    }
    return EXIT_OK;
  } finally {
    await app.close();
  }
}

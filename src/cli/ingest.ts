// `storyline ingest <path|url|->...`: store articles from files, folders, stdin, URLs, feeds and WARC archives.
import { EXIT_OK, EXIT_SOME_FAILED, openApp, parse, printJson, progress, usageError, type Io } from './common.ts';

export const help = 'ingest <path|url|->... [--json] [--db FILE]   store articles from files, folders, stdin, URLs, feeds, WARC';

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {});
  if (positionals.length === 0) usageError('ingest needs at least one input: a file, folder, URL, or - for stdin');
  const app = await openApp(io, values.db);
  try {
    const bar = progress(io, 'ingesting');
    const report = await app.ingest.ingest(positionals, { stdin: io.stdin, maxBytes: app.config.maxBytes, fetchTimeoutMs: app.config.fetchTimeoutMs, onItem: (n) => bar.tick(n) });
    bar.end();
    if (values.json) printJson(io, report);
    else {
      for (const a of report.articles) io.stdout(`${a.id}\t${a.input}${a.duplicate_of ? `\tduplicate of ${a.duplicate_of}` : ''}\n`);
      io.stdout(`ingested ${report.ingested} (${report.duplicates} duplicates), failed ${report.failed.length}\n`);
    }
    for (const f of report.failed) io.stderr(`error: ${f.error}\n`);
    return report.failed.length ? EXIT_SOME_FAILED : EXIT_OK;
  } finally {
    await app.close();
  }
}

// `storyline reprocess`: re-run extraction over every kept raw input (after an extractor improvement).
import { EXIT_OK, EXIT_SOME_FAILED, openApp, parse, printJson, progress, type Io } from './common.ts';

export const help = 'reprocess [--json]   re-extract every stored article from its kept raw bytes';

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {});
  const app = await openApp(io, values.db);
  try {
    const bar = progress(io, 'reprocessing');
    const report = await app.reprocess.reprocessAll((n, total) => bar.tick(n, total));
    bar.end();
    if (values.json) printJson(io, report);
    else io.stdout(`reprocessed ${report.processed} (${report.changed} changed), failed ${report.failed.length}\n`);
    for (const f of report.failed) io.stderr(`error: ${f.error}\n`);
    return report.failed.length ? EXIT_SOME_FAILED : EXIT_OK;
  } finally {
    await app.close();
  }
}

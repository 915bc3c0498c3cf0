// `storyline eval <suite> <dir>`: score Storyline on a benchmark folder (formats in shared/eval/README.md).
import { existsSync } from 'node:fs';
import { EXIT_OK, parse, printJson, usageError, type Io } from './common.ts';
import type { EvalResult } from '../eval/metrics.ts';

/** Suite name → module under src/eval/suites exporting `run(dir)`. */
export const SUITES: Record<string, string> = {
  extraction: 'extraction', 'extraction-text': 'extraction-text', pubdate: 'pubdate',
  quotes: 'quotes', timex: 'timex', ner: 'ner', stories: 'stories', seeds: 'seeds',
};

export const help = `eval <suite> <dir> [--json]   suites: ${Object.keys(SUITES).join(', ')}`;

export async function runSuite(suite: string, dir: string): Promise<EvalResult> {
  const mod = (await import(`../eval/suites/${SUITES[suite]}.ts`)) as { run: (dir: string) => Promise<EvalResult> };
  return mod.run(dir);
}

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {});
  const [suite, dir] = positionals;
  if (!suite || !SUITES[suite]) usageError(`eval needs a suite: ${Object.keys(SUITES).join(', ')}`);
  if (!dir) usageError(`eval ${suite} needs a folder`);
  if (!existsSync(dir)) usageError(`eval ${suite}: folder '${dir}' does not exist`);
  const result = await runSuite(suite, dir);
  if (values.json) printJson(io, result);
  else {
    io.stdout(`${result.suite} (n=${result.n})\n`);
    for (const [k, v] of Object.entries(result.metrics)) io.stdout(`  ${k}: ${v}\n`);
    for (const [name, m] of Object.entries(result.files ?? {})) io.stdout(`  ${name}: ${Object.entries(m).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  }
  return EXIT_OK;
}

// Adds a multilingual extraction fixture: copies a page into test/multilingual/fixtures/<slug>/ and writes what the pipeline makes of it as expected.json, for review.
//
//   node --import tsx scripts/add-fixture.ts <file.txt|file.html> <slug> [--url URL] [--reason TEXT]
//   node --import tsx scripts/add-fixture.ts --print <file>      shows the pipeline's reading, writes nothing
//
// Re-running on an existing slug refreshes the observed fields it checks and keeps the reason, the URL and
// the reviewed chrome list. Every field of a new expected.json must be read and corrected by hand before it
// is committed: the script records what the pipeline says, not what is right.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FIXTURES_DIR, INPUT_FILES, observe, observedOf, runPipeline, type Expected, type FixtureFile } from '../test/multilingual/fixture-lib.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, reason: { type: 'string' }, print: { type: 'boolean' } },
});

const [file, slug] = positionals;
if (!file || (!slug && !values.print)) {
  process.stderr.write('usage: add-fixture.ts <file.txt|file.html> <slug> [--url URL] [--reason TEXT] | --print <file>\n');
  process.exit(2);
}
const inputName = extname(file).toLowerCase().startsWith('.htm') ? 'input.html' : 'input.txt';

if (values.print) {
  const article = runPipeline(file, INPUT_FILES[inputName], values.url ?? null);
  const shown = { ...observe(observedOf(article)), outletSource: article.outletSource, publishedDetail: article.published?.detail ?? null };
  process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  process.stdout.write(`--- body ---\n${article.text}\n`);
  process.exit(0);
}

const dir = join(FIXTURES_DIR, slug!);
const previous: FixtureFile | null = existsSync(join(dir, 'expected.json'))
  ? (JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as FixtureFile)
  : null;
const reason = values.reason ?? previous?.reason;
if (!reason) {
  process.stderr.write('a new fixture needs --reason: what the page exercises, in one sentence\n');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const target = join(dir, inputName);
// A fixture holds one input: a page re-added in the other format replaces the old one.
for (const name of Object.keys(INPUT_FILES)) if (name !== inputName) rmSync(join(dir, name), { force: true });
if (resolve(file) !== resolve(target)) copyFileSync(file, target);

const url = values.url ?? previous?.url ?? null;
const article = runPipeline(target, INPUT_FILES[inputName], url);
const observed: Expected = observe(observedOf(article));
// A refreshed fixture keeps checking only the fields its reviewer kept.
if (previous) for (const key of Object.keys(observed) as Array<keyof Expected>) if (!(key in previous.expected)) delete observed[key];
const fixture: FixtureFile = {
  reason,
  url,
  expected: { ...observed, bodyMustNotContain: previous?.expected.bodyMustNotContain ?? [] },
};
writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(fixture, null, 2)}\n`);
process.stdout.write(`wrote ${join(dir, 'expected.json')}; review every field against the page before committing\n`);

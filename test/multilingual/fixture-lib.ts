// Multilingual extraction fixtures: folders of one input page and its expected.json, read, run through the pipeline and compared.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processDocument } from '../../src/pipeline/run.ts';
import type { ExtractedArticle } from '../../src/domain/article.ts';

export const FIXTURES_DIR = join(import.meta.dirname, 'fixtures');

/** Input file names a fixture folder may hold, with the content type the ingest path gives them. */
export const INPUT_FILES: Record<string, string> = { 'input.txt': 'text/plain', 'input.html': 'text/html' };

/** What one fixture promises about the extracted article; a field left out is not checked. */
export interface Expected {
  title?: string | null;
  standfirst?: string | null;
  byline?: string | null;
  section?: string | null;
  outlet?: string | null;
  dateline?: string | null;
  language?: string | null;
  /** ISO value of the publication date, or null for "unknown". */
  published?: string | null;
  bodyStartsWith?: string;
  bodyEndsWith?: string;
  /** Page chrome that must be left out of the body (menus, share prompts, related headlines). */
  bodyMustNotContain?: string[];
}

export interface FixtureFile {
  /** What the page exercises, in one sentence. */
  reason: string;
  /** The page's URL when the fixture needs one (host-based outlet, URL dates); null for a bare file. */
  url: string | null;
  expected: Expected;
}

export interface Fixture extends FixtureFile {
  slug: string;
  input: string;
  contentType: string;
}

/** Chars of the body's first and last paragraph written into a new expected.json. */
const EDGE_CHARS = 60;

/** The fixture in one folder; throws when the folder lacks an input or expected.json. */
export function readFixture(dir: string, slug: string): Fixture {
  const name = Object.keys(INPUT_FILES).find((f) => existsSync(join(dir, f)));
  if (!name) throw new Error(`fixture ${slug}: no input.txt or input.html`);
  const file = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as FixtureFile;
  return { ...file, slug, input: join(dir, name), contentType: INPUT_FILES[name] };
}

/** Every fixture folder under FIXTURES_DIR, in name order. */
export function listFixtures(root = FIXTURES_DIR): Fixture[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((slug) => readFixture(join(root, slug), slug));
}

/** Runs the real pipeline on one input, as `storyline ingest` does for a file. */
export function runPipeline(input: string, contentType: string, url: string | null): ExtractedArticle {
  return processDocument({ input, url, bytes: readFileSync(input), contentType, fetchedAt: new Date().toISOString() });
}

/** The fields of an extracted article that fixtures check, as the pipeline returns them or the CLI prints them. */
export interface Observed {
  title: string | null;
  standfirst: string | null;
  byline: string | null;
  section: string | null;
  outlet: string | null;
  dateline: string | null;
  language: string | null;
  published: string | null;
  text: string;
}

export function observedOf(article: ExtractedArticle): Observed {
  return { ...article, published: article.published?.value ?? null };
}

/** What the pipeline made of a page, in the shape of `Expected` (chrome list left for a reviewer to fill). */
export function observe(got: Observed): Required<Omit<Expected, 'bodyMustNotContain'>> {
  const paragraphs = got.text.split('\n\n');
  return {
    title: got.title,
    standfirst: got.standfirst,
    byline: got.byline,
    section: got.section,
    outlet: got.outlet,
    dateline: got.dateline,
    language: got.language,
    published: got.published,
    bodyStartsWith: paragraphs[0].slice(0, EDGE_CHARS),
    bodyEndsWith: paragraphs[paragraphs.length - 1].slice(-EDGE_CHARS),
  };
}

const FIELDS = ['title', 'standfirst', 'byline', 'section', 'outlet', 'dateline', 'language', 'published'] as const;

/** Differences between what a fixture expects and what the pipeline made, one line each; empty when all agree. */
export function differences(expected: Expected, got: Observed): string[] {
  const out: string[] = [];
  for (const f of FIELDS) {
    if (expected[f] !== undefined && expected[f] !== got[f]) out.push(`${f}: expected ${show(expected[f])}, got ${show(got[f])}`);
  }
  if (expected.bodyStartsWith !== undefined && !got.text.startsWith(expected.bodyStartsWith)) {
    out.push(`body starts with ${show(got.text.slice(0, EDGE_CHARS))}, expected ${show(expected.bodyStartsWith)}`);
  }
  if (expected.bodyEndsWith !== undefined && !got.text.endsWith(expected.bodyEndsWith)) {
    out.push(`body ends with ${show(got.text.slice(-EDGE_CHARS))}, expected ${show(expected.bodyEndsWith)}`);
  }
  for (const chrome of expected.bodyMustNotContain ?? []) {
    if (got.text.includes(chrome)) out.push(`body keeps chrome ${show(chrome)}`);
  }
  return out;
}

function show(value: string | null | undefined): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

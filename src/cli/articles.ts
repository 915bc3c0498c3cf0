// `storyline articles` and `storyline article <id>`: list stored articles, or show one in full.
import { articleSummary, articleView } from '../services/views.ts';
import { EXIT_OK, EXIT_SOME_FAILED, isoDateFlag, openApp, parse, parseId, printJson, type Io } from './common.ts';

export const help = 'articles [--outlet X] [--lang xx] [--from D] [--to D] [--limit N] [--offset N] [--json]';
export const helpOne = 'article <id> [--json]   one article with its metadata and text';

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    outlet: { type: 'string' }, lang: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
    limit: { type: 'string' }, offset: { type: 'string' },
  });
  const app = await openApp(io, values.db);
  try {
    const list = await app.store.listArticles({
      outlet: values.outlet, language: values.lang, from: isoDateFlag(values.from, 'from'), to: isoDateFlag(values.to, 'to'),
      limit: values.limit ? parseId(values.limit, '--limit') : 1000, offset: values.offset ? Number(values.offset) || 0 : 0,
    });
    const rows = list.map(articleSummary);
    if (values.json) printJson(io, rows);
    else for (const r of rows) io.stdout(`${r.id}\t${r.published ?? 'unknown'}\t${r.outlet ?? '-'}\t${r.title ?? '(untitled)'}${r.duplicate_of ? `\t[duplicate of ${r.duplicate_of}]` : ''}\n`);
    return EXIT_OK;
  } finally {
    await app.close();
  }
}

export async function runOne(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {});
  const id = parseId(positionals[0]);
  const app = await openApp(io, values.db);
  try {
    const a = await app.store.getArticle(id);
    if (!a) {
      io.stderr(`error: article ${id}: not found\n`);
      return EXIT_SOME_FAILED;
    }
    const v = articleView(a);
    if (values.json) printJson(io, v);
    else {
      io.stdout(`${v.title ?? '(untitled)'}\n`);
      const meta: Array<[string, unknown]> = [
        ['outlet', v.outlet && `${v.outlet} (${v.outlet_source})`], ['published', v.published && `${v.published} (${v.published_detail})`],
        ['language', v.language], ['dateline', v.dateline], ['byline', v.byline], ['section', v.section], ['url', v.url],
        ['input', v.input], ['duplicate of', v.duplicate_of && `${v.duplicate_of} (${v.duplicate_reason})`],
      ];
      for (const [k, val] of meta) if (val) io.stdout(`${k}: ${val}\n`);
      io.stdout(`\n${v.standfirst ? v.standfirst + '\n\n' : ''}${v.text}\n`);
    }
    return EXIT_OK;
  } finally {
    await app.close();
  }
}

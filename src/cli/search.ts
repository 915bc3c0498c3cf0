// `storyline search <query>`: ranked full-text search with highlighted snippets and filters.
import { EXIT_OK, isoDateFlag, openApp, parse, parseId, printJson, usageError, type Io } from './common.ts';

export const help = 'search <query> [--outlet X] [--lang xx] [--from D] [--to D] [--sort relevance|date] [--limit N] [--json]';

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    outlet: { type: 'string' }, lang: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
    sort: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' },
  });
  const query = positionals.join(' ').trim();
  if (!query) usageError('search needs a query');
  if (values.sort && values.sort !== 'relevance' && values.sort !== 'date') usageError(`--sort must be relevance or date, got '${values.sort}'`);
  const app = await openApp(io, values.db);
  try {
    const hits = await app.store.search(query, {
      outlet: values.outlet, language: values.lang, from: isoDateFlag(values.from, 'from'), to: isoDateFlag(values.to, 'to'),
      sort: values.sort as 'relevance' | 'date' | undefined,
      limit: values.limit ? parseId(values.limit, '--limit') : 20, offset: values.offset ? Number(values.offset) || 0 : 0,
    });
    if (values.json) printJson(io, hits.map((h) => ({ id: h.id, title: h.title, snippet: h.snippet, score: h.score, outlet: h.outlet, published: h.published, language: h.language })));
    else for (const h of hits) io.stdout(`${h.id}\t${h.score.toFixed(3)}\t${h.title ?? '(untitled)'}\n\t${h.snippet.replace(/<\/?mark>/g, '*')}\n`);
    return EXIT_OK;
  } finally {
    await app.close();
  }
}

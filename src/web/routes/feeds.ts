// Feeds out: RSS 2.0 (feed.xml) and Atom (feed.atom) for a story and for a search.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Article } from '../../domain/article.ts';
import type { WebContext } from '../context.ts';
import { atom, rss, type Feed } from '../feeds.ts';
import { queryString } from '../html.ts';
import { feedQuery, HttpError, idParams, notFound, parseInput } from '../params.ts';
import { runSearch } from '../queries.ts';
import { searchState } from '../templates/search.ts';

/** Items in one feed: readers poll, so the newest are what matter. */
export const FEED_ITEMS = 50;
/** Characters of article text in an item's summary when the article has no standfirst. */
const SUMMARY_CHARS = 400;

function summary(a: Article): string {
  if (a.standfirst) return a.standfirst;
  const text = a.text.replace(/\s+/g, ' ').trim();
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS).replace(/\s+\S*$/, '')} …` : text;
}

function send(reply: FastifyReply, feed: Feed, format: 'xml' | 'atom'): FastifyReply {
  return format === 'xml'
    ? reply.type('application/rss+xml; charset=utf-8').send(rss(feed))
    : reply.type('application/atom+xml; charset=utf-8').send(atom(feed));
}

export function feedRoutes(web: WebContext) {
  const { app, site, publicUrl } = web;
  return async function plugin(f: FastifyInstance): Promise<void> {
    for (const format of ['xml', 'atom'] as const) {
      f.get(`/stories/:id/feed.${format}`, async (req, reply) => {
        const { id } = parseInput(idParams, req.params);
        const story = await site.story(id);
        if (!story) throw notFound('story');
        const newest = [...story.articles].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || b.id - a.id).slice(0, FEED_ITEMS);
        const articles = (await Promise.all(newest.map((a) => app.store.getArticle(a.id)))).filter((a): a is Article => a !== null);
        return send(reply, {
          title: story.title ?? `Story ${id}`,
          description: `${story.articles.length} articles from ${story.outlets.length} outlets`,
          link: `${publicUrl}/stories/${id}`,
          self: `${publicUrl}/stories/${id}/feed.${format}`,
          items: articles.map((a) => ({
            id: a.id, title: a.title ?? `Article ${a.id}`, link: `${publicUrl}/articles/${a.id}`,
            published: a.published?.value ?? null, summary: summary(a), outlet: a.outlet,
          })),
        }, format);
      });

      f.get(`/search/feed.${format}`, async (req, reply) => {
        const params = parseInput(feedQuery, req.query);
        if (!params.q.trim() && !params.person) throw new HttpError(400, 'bad_request', "'q' is required");
        // A feed follows what is new, so it is always newest first.
        const { hits } = await runSearch(app, { ...params, sort: 'date' }, { limit: FEED_ITEMS, offset: 0 });
        const qs = queryString(searchState(params));
        return send(reply, {
          title: `Search: ${params.q || params.person || ''}`,
          description: `Articles matching ${params.q || params.person || ''}`,
          link: `${publicUrl}/search${qs}`,
          self: `${publicUrl}/search/feed.${format}${qs}`,
          items: hits.map((h) => ({
            id: h.id, title: h.title ?? `Article ${h.id}`, link: `${publicUrl}/articles/${h.id}`,
            published: h.published, summary: plainSnippet(h.snippet), outlet: h.outlet,
          })),
        }, format);
      });
    }
  };
}

/** A store snippet as plain text: tags dropped, the escaped characters decoded (the feed escapes them again). */
function plainSnippet(snippet: string): string {
  return snippet.replace(/<\/?mark>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
}

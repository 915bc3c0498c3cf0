// HTML pages of one UI language; registered once per language under its prefix.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LOCALES, type Locale } from '../i18n/index.ts';
import { pageContext, sendPage, type WebContext } from '../context.ts';
import { homeQuery, homeSortQuery, idParams, notFound, PAGE_SIZE, pageQuery, parseInput, searchQuery, slugParams } from '../params.ts';
import { hotStories, runSearch } from '../queries.ts';
import { homePage } from '../templates/home.ts';
import { MAX_ENTITIES, MAX_SPEAKERS, storyPage, storySections } from '../templates/story.ts';
import { articlePage } from '../templates/article.ts';
import { searchPage } from '../templates/search.ts';
import { outletPage, outletsPage, peoplePage, personPage } from '../templates/directory.ts';
import { privacyPage } from '../templates/privacy.ts';
import type { AttributedQuote } from '../../pipeline/story/assemble.ts';
import { trustedHtml } from '../html.ts';

/** People offered in the search page's person menu. */
const PERSON_MENU = 100;
/** Stories listed on an outlet page. */
const OUTLET_STORIES = 10;

export function pageRoutes(web: WebContext, locale: Locale) {
  const { app, site } = web;
  return async function plugin(f: FastifyInstance): Promise<void> {
    f.get('/', async (req, reply) => {
      // The entry page: a returning reader who let the site remember their language lands in it. Only on arrival
      // from elsewhere (a typed address, a bookmark, another site); a link on this site to the English home
      // page, like the language switcher's, is a choice and is followed.
      const preferred = locale === 'en' ? web.community?.preferredLocale(req) ?? null : null;
      if (preferred) {
        reply.header('cache-control', 'private, no-store');
        if (preferred !== 'en' && !fromThisSite(req, web.publicUrl)) {
          const query = req.url.indexOf('?');
          return reply.redirect(`${LOCALES[preferred].prefix}/${query >= 0 ? req.url.slice(query) : ''}`, 302);
        }
      }
      const q = parseInput(homeQuery, req.query);
      const filter = { language: q.language, outlet: q.outlet };
      const ranking = web.community?.ranking;
      if (!ranking) {
        const [stories, total, facets] = await Promise.all([
          app.stories.list({ ...filter, limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE }),
          app.stories.count(filter),
          site.getFacets(),
        ]);
        return sendPage(reply, homePage(await pageContext(web, req, reply, locale), { stories, total, page: q.page, pageSize: PAGE_SIZE, filter, facets }));
      }
      // With readers' votes: "most recent" (the news order, as without accounts) or "hot with readers", and on the
      // first unfiltered page the "Hot with readers" block.
      const { sort } = parseInput(homeSortQuery, req.query);
      const offset = (q.page - 1) * PAGE_SIZE;
      const [listed, total, facets] = await Promise.all([
        sort === 'hot'
          ? hotStories(app, ranking, filter)
          : app.stories.list({ ...filter, limit: PAGE_SIZE, offset }).then((stories) => stories.map((story) => ({ story, points: null }))),
        app.stories.count(filter),
        site.getFacets(),
      ]);
      const ctx = await pageContext(web, req, reply, locale);
      const rows = sort === 'hot' ? listed.slice(offset, offset + PAGE_SIZE) : listed;
      const hot = q.page === 1 && !filter.language && !filter.outlet ? await ctx.community?.hotWithReaders?.() : undefined;
      return sendPage(reply, homePage(ctx, {
        stories: rows.map((r) => r.story), total, page: q.page, pageSize: PAGE_SIZE, filter, facets, hot,
        order: {
          sort, windowHours: ranking.windowHours,
          points: new Map(rows.flatMap((r) => (r.points === null ? [] : [[r.story.id, r.points] as [number, number]]))),
          ranked: sort === 'hot' ? listed.length : null,
        },
      }));
    });

    f.get('/stories/:id', async (req, reply) => {
      const { id } = parseInput(idParams, req.params);
      const { page } = parseInput(pageQuery, req.query);
      const story = await site.story(id);
      if (!story) throw notFound('story');
      // The sections depend only on the language, the story view (replaced when the story changes), the page of
      // the article list and the outlet list; the frame around them carries the reader's own parts.
      const key = `${locale}/stories/${id}?page=${page}`;
      const deps = [story, await site.getFacets()];
      const ctx = await pageContext(web, req, reply, locale);
      let sections = site.pages.get(key, deps);
      if (sections === undefined) {
        const personSlugs = await site.slugs('PER', [...story.people.slice(0, MAX_ENTITIES), ...story.whoSaidWhat.slice(0, MAX_SPEAKERS).map((g) => g.speaker)]);
        sections = storySections(ctx, { story, page, personSlugs }).value;
        site.pages.set(key, deps, sections);
      }
      return sendPage(reply, storyPage(ctx, story, trustedHtml(sections), await ctx.community?.story?.(story.id)));
    });

    f.get('/articles/:id', async (req, reply) => {
      const { id } = parseInput(idParams, req.params);
      const article = await app.store.getArticle(id);
      if (!article) throw notFound('article');
      const [analyses, membership, related, original] = await Promise.all([
        app.store.getAnalyses([id]),
        app.store.getMembership(id),
        app.stories.related(id),
        article.duplicateOf !== null ? app.store.getArticle(article.duplicateOf) : null,
      ]);
      const quotes = ((analyses.get(id) as { quotes?: AttributedQuote[] } | undefined)?.quotes ?? []);
      const storyRow = membership ? await app.store.getStory(membership.storyId) : null;
      const personSlugs = await site.slugs('PER', quotes.flatMap((q) => (q.speaker ? [q.speaker] : [])));
      const ctx = await pageContext(web, req, reply, locale);
      return sendPage(reply, articlePage(ctx, {
        article, quotes, personSlugs, original, related,
        story: storyRow ? { id: storyRow.id, title: storyRow.title } : null,
        shareUrl: `${web.publicUrl}${ctx.t.path(`/articles/${id}`)}`,
        community: await ctx.community?.article?.({ id: article.id, outlet: article.outlet, storyId: storyRow?.id ?? null }),
      }));
    });

    f.get('/search', async (req, reply) => {
      const q = parseInput(searchQuery, req.query);
      const { page, ...params } = q;
      const [result, facets, people] = await Promise.all([
        runSearch(app, params, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, true),
        site.getFacets(),
        app.store.listEntities({ type: 'PER', limit: PERSON_MENU }),
      ]);
      if (result.person && !people.some((p) => p.key === result.person!.key)) people.push(result.person);
      return sendPage(reply, searchPage(await pageContext(web, req, reply, locale), { params, page, hits: result.hits, hasNext: result.hasMore, total: result.total, facets, people }));
    });

    f.get('/outlets', async (req, reply) => {
      const facets = await site.getFacets();
      return sendPage(reply, outletsPage(await pageContext(web, req, reply, locale), facets.outlets));
    });

    f.get('/outlets/:slug', async (req, reply) => {
      const { slug } = parseInput(slugParams, req.params);
      const { page } = parseInput(pageQuery, req.query);
      const outlet = await site.outletBySlug(slug);
      if (!outlet) throw notFound('outlet');
      const [stories, articles] = await Promise.all([
        page === 1 ? app.stories.list({ outlet: outlet.name, limit: OUTLET_STORIES }) : [],
        app.store.listArticles({ outlet: outlet.name, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      ]);
      const pages = Math.max(1, Math.ceil(outlet.articles / PAGE_SIZE));
      return sendPage(reply, outletPage(await pageContext(web, req, reply, locale), { outlet, stories, articles, page, pages }));
    });

    f.get('/people', async (req, reply) => {
      const { page } = parseInput(pageQuery, req.query);
      const people = await app.store.listEntities({ type: 'PER', limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
      return sendPage(reply, peoplePage(await pageContext(web, req, reply, locale), people.slice(0, PAGE_SIZE), page, people.length > PAGE_SIZE));
    });

    // With accounts, their plugin serves the privacy policy (its cookies, what an account keeps); without, this says
    // that the site keeps nothing about its readers.
    if (!web.community) {
      f.get('/privacy', async (req, reply) => sendPage(reply, privacyPage(await pageContext(web, req, reply, locale))));
    }

    f.get('/people/:slug', async (req, reply) => {
      const { slug } = parseInput(slugParams, req.params);
      const { page } = parseInput(pageQuery, req.query);
      const person = await app.store.getEntityBySlug('PER', slug);
      if (!person) throw notFound('person');
      const quotes = await app.store.speakerQuotes(person.key, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
      const pages = Math.max(1, Math.ceil(person.quotes / PAGE_SIZE));
      return sendPage(reply, personPage(await pageContext(web, req, reply, locale), { person, quotes, page, pages }));
    });
  };
}

/**
 * Whether the request follows a link on this site: the browser says so in Sec-Fetch-Site (sent even where the
 * Referer is turned off), or the Referer names this host (or the public address's).
 */
function fromThisSite(req: FastifyRequest, publicUrl: string): boolean {
  if (req.headers['sec-fetch-site'] === 'same-origin') return true;
  const referer = req.headers.referer;
  if (!referer) return false;
  try {
    const host = new URL(referer).host;
    return host === req.headers.host || host === new URL(publicUrl).host;
  } catch {
    return false;
  }
}

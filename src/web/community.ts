// What an optional community plugin adds to the site's pages and API document, as slots the web app renders
// without knowing how they are made: the account menu, notices, the article and story blocks, the readers'
// ranking of the home page, API endpoints.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SafeHtml } from './html.ts';
import type { Locale } from './i18n/index.ts';
import type { OpenApiPart } from './openapi.ts';

/** The article a block is about. */
export interface CommunityArticle {
  id: number;
  outlet: string | null;
  storyId: number | null;
}

/** The community's parts of one page, for one requester. Each renders on demand, so an unused part costs nothing. */
export interface PageCommunity {
  /** Extra <head> content: the parts' stylesheet. */
  head: SafeHtml;
  /** The account menu in the site header: log in and register, or the reader's name and their pages. */
  menu(): SafeHtml;
  /** Above the page's content: the cookie question when it is open, a confirmation after a form. */
  notices(): SafeHtml;
  /** Links the site footer carries before the privacy policy: log in and register for a visitor, none once signed in. */
  footerLinks(): SafeHtml[];
  /** Votes, discussion, follows and "Add to Collection" for an article; absent where a page has no article. */
  article?(a: CommunityArticle): Promise<SafeHtml>;
  /** The same for a story. */
  story?(id: number): Promise<SafeHtml>;
  /** "Hot with readers" for the home page: the posts and articles readers vote up; empty while there are none. */
  hotWithReaders?(): Promise<SafeHtml>;
  /** Whether what was rendered is for this requester only (their name, a form token): no shared cache may keep it. */
  personal(): boolean;
}

/** A story as the readers' ranking needs it: its id and the dates its age is taken from. */
export interface RankableStory {
  id: number;
  last: string | null;
  updatedAt: string;
}

/** The readers' order of the home page's stories: their votes and age, by the community's own formula. */
export interface CommunityRanking {
  /**
   * Stories in the readers' order, each with its points. The site supplies the candidates, both after the page's
   * filters: its most recent stories, and stories by id (those holding what readers vote up).
   */
  rankStories<T extends RankableStory>(source: { recent(limit: number): Promise<T[]>; byIds(ids: number[]): Promise<T[]> }): Promise<Array<{ story: T; points: number }>>;
  /** Hours of age that ten times the points make up, for the page's note on the order. */
  windowHours: number;
}

export interface CommunityHooks {
  /** The parts for this request; it may set cookies on the reply (a form's token). */
  page(req: FastifyRequest, reply: FastifyReply, locale: Locale, page: { assets: { css: string; js: string; icon: string }; outletSlugs: ReadonlyMap<string, string> }): Promise<PageCommunity>;
  /**
   * The language a returning reader chose, when they accepted the optional cookie that remembers it; null
   * otherwise. The site's entry page sends a reader arriving from elsewhere there.
   */
  preferredLocale(req: FastifyRequest): Locale | null;
  /** The plugin's JSON API, merged into /api/v1/openapi.json. */
  openapi: OpenApiPart;
  /** The readers' order for the home page's stories. */
  ranking?: CommunityRanking;
}

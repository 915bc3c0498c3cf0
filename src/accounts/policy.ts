// The community's limits in one table: lifetimes, rate limits, edit windows, field lengths and ranking constants.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Session lifetimes follow OWASP ASVS 4.0 V3.3.2 at level 2: re-authentication after 12 hours of use or
 * 30 minutes idle. Both are options (`sessionIdleMinutes`, `sessionMaxHours`) for sites that choose otherwise.
 */
export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_MAX_MS = 12 * HOUR;
/** A session's last-seen time is written at most this often, so reading pages does not write on every request. */
export const SESSION_TOUCH_MS = MINUTE;

/** A password reset link works once, for one hour. */
export const RESET_TTL_MS = HOUR;

export interface Limit {
  /** Attempts allowed inside the window. */
  max: number;
  windowMs: number;
}

/**
 * Failed log-ins per account: five in 15 minutes, then the account refuses log-ins (even correct ones) until the
 * oldest failure leaves the window. Five is enough for typos; it holds an online guesser to 480 tries a day.
 */
export const LOGIN_ACCOUNT_LIMIT: Limit = { max: 5, windowMs: 15 * MINUTE };
/** Failed log-ins per client address: higher than per account, since one address can serve a whole office. */
export const LOGIN_IP_LIMIT: Limit = { max: 20, windowMs: 15 * MINUTE };
/** Reset e-mails per account: three an hour stops a mailbox being flooded; more requests get the same answer and no mail. */
export const RESET_ACCOUNT_LIMIT: Limit = { max: 3, windowMs: HOUR };
export const RESET_IP_LIMIT: Limit = { max: 10, windowMs: HOUR };
/** New accounts per client address per hour. */
export const REGISTER_IP_LIMIT: Limit = { max: 10, windowMs: HOUR };
/** Throttle entries older than the longest window are pruned. */
export const THROTTLE_KEEP_MS = HOUR;

/** Posts can be edited or deleted by their author for one hour; comments can be edited for one hour. */
export const EDIT_WINDOW_MS = HOUR;

/** Distinct readers' reports that hide a comment until a moderator looks at it. */
export const REPORTS_TO_HIDE = 3;

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/;
/** ASVS V2.1.1/V2.1.2: at least 12 characters, at least 64 allowed; 128 bounds the hashing work per request. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
/** RFC 5321's limit on a forward path. */
export const EMAIL_MAX = 254;
export const TITLE_MAX = 200;
export const POST_BODY_MAX = 20_000;
export const COMMENT_MAX = 10_000;
export const COLLECTION_NAME_MAX = 80;
export const REPORT_REASON_MAX = 500;
export const TOKEN_NAME_MAX = 80;
export const URL_MAX = 2048;

/**
 * Ranking (Lobsters-style hotness): hotness = sign(p)·log10(max(|p|, 1)) + created / HOTNESS_WINDOW_SECONDS,
 * where p is up minus down votes and `created` the item's time in Unix seconds. Time enters linearly and votes
 * logarithmically, so ten times the points is worth one window of age: with 22 hours (Lobsters' value) a post
 * with 10 points ranks with a fresh post submitted 22 hours later, and 100 points with one 44 hours later.
 * One vote either way moves nothing (log10 1 = 0): an item needs two more ups than downs to rise, two more
 * downs to sink. Hotness is fixed at submission and each vote, so ranking is an index scan and needs no
 * recomputation. The same formula ranks everything the readers' votes order: /posts, the home page's "Hot with
 * readers" and its stories (see `storyHotness`).
 */
export const HOTNESS_WINDOW_SECONDS = 22 * 60 * 60;

/** `createdAt` is ISO; one that does not parse counts as the epoch, so an item with an unreadable date ranks last. */
export function hotness(points: number, createdAt: string): number {
  const order = Math.log10(Math.max(Math.abs(points), 1));
  const sign = points > 0 ? 1 : points < 0 ? -1 : 0;
  const ms = Date.parse(createdAt);
  return sign * order + (Number.isFinite(ms) ? ms : 0) / 1000 / HOTNESS_WINDOW_SECONDS;
}

/**
 * A story's hotness on the home page: the same formula, with the story's points (its articles' points plus those
 * of readers' link posts of them, a reader counting once per article; stories take no votes of their own) and the time of its latest article
 * (`last`), or of its last update when no article is dated. A story gains freshness whenever an article joins it,
 * as in the news order; votes lift it or sink it from there.
 */
export function storyHotness(points: number, story: { last: string | null; updatedAt: string }): number {
  return hotness(points, story.last ?? story.updatedAt);
}

/**
 * "Hot with readers" on the home page lists this many posts and articles with more up than down votes, hottest
 * first: a glance, like a front page's sidebar; /posts has the rest.
 */
export const HOT_WITH_READERS = 5;
/**
 * The home page's "hot with readers" order ranks the HOT_STORY_POOL most recently active stories (matching the
 * filters) together with the stories of the HOT_STORY_EXTRA hottest voted articles and link posts, so an older
 * story readers keep voting up still finds its place. A story outside both is older than every story of the
 * pool, and has no hot item of its own: each 22 hours of that gap take ten times the points to make up. The pool
 * bounds the work of one page to its stories' members and their scores, read by key, whatever the votes table holds.
 */
export const HOT_STORY_POOL = 100;
export const HOT_STORY_EXTRA = 30;

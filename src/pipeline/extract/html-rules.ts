// Word lists and patterns for HTML extraction: what page chrome looks like, kept apart from the algorithm.

/**
 * Elements that are page furniture wherever they appear: navigation, figures with their captions (the
 * article's prose never sits inside a figure) and date stamps (<time> outside a sentence; see html-clean.ts).
 */
export const CHROME_TAGS = new Set(['NAV', 'FIGURE', 'FIGCAPTION', 'TIME']);

/**
 * Also furniture inside the extracted article, but kept while Readability scores the page: a page's
 * <header> often wraps the headline block that anchors Readability's choice of container.
 */
export const ARTICLE_CHROME_TAGS = new Set(['HEADER']);

/**
 * Class/id fragments of small page parts that are never article text: captions and credits, bylines and
 * timestamps, newsletter and promo boxes, breadcrumbs, and hover cards that repeat a linked name's profile.
 * Broad on purpose: html-clean.ts only removes a match that holds little text (MAX_CHROME_PROSE_CHARS).
 */
export const CHROME_CLASS =
  /caption|credit|byline|dateline|timestamp|\bdate\b|\btime\b|copyright|attribution|promo|newsletter|signup|sign-up|breadcrumb|author|related|print|read-?more|more-|rollover|tooltip|popover|hovercard/i;

/** As ARTICLE_CHROME_TAGS, for class names: header blocks (headline, deck, meta line) inside the article. */
export const ARTICLE_CHROME_CLASS = /header/i;

/**
 * Social posts embedded in a story (tweets, Instagram posts) are quotations the story relies on; their
 * wrappers carry names Readability treats as chrome ("social-media-embed"), so the post is lifted out first.
 */
export const EMBEDDED_POST_CLASS = /\b(?:twitter-tweet|instagram-media|tiktok-embed)\b/;
export const EMBED_WRAPPER_CLASS = /social|embed|tweet|twitter|instagram|tiktok/i;

/**
 * Title separators between a headline and the site or section name ("Headline | Site", "Site: Headline").
 * Only pipes divide unconditionally; other segments go only when they name the site, so a headline's own
 * colon ("Flood season: council votes") stays.
 */
export const TITLE_SEPARATOR = /\s+[|\-–—·•»«~\/:]\s+|\s+::\s+|:\s+/;

/** A pipe almost always divides a headline from site furniture, so pipe segments go even without a site-name match. */
export const TITLE_PIPE = /\s+\|\s+/;

/**
 * Words that introduce a byline rather than belong to a name. Prepositions that also start surnames
 * ("von", "di", "de") are left out: "Di Maio" must survive.
 */
export const BYLINE_PREFIX =
  /^(?:(?:written|words|reported|posted|story|text|photos?)\s+by|by|por|par|door|av|af|autor(?:a|in)?|author|автор|yazar)\s*[:\-–]?\s+/i;

/** Words that mark a job title or desk, never part of a person's name in a byline. */
export const BYLINE_ROLE_WORDS = new Set([
  'writer', 'reporter', 'correspondent', 'editor', 'editors', 'staff', 'contributor', 'columnist', 'producer',
  'analyst', 'senior', 'chief', 'desk', 'bureau', 'services', 'service', 'wire', 'wires', 'newsroom', 'team',
  'journalist', 'photographer', 'special', 'contributing', 'associate', 'managing', 'deputy', 'political',
  'business', 'sports', 'entertainment', 'science', 'health', 'technology', 'tech', 'auto', 'investigations',
]);

/** Where a byline's name part ends: a date, a weekday, a time, an email, a separator before metadata. */
export const BYLINE_TAIL =
  /\s*(?:[|•·]|\s[-–—]\s|\bupdated\b|\bpublished\b|\bposted\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bon\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\S+@\S+\.\S+|\bemail\b|\bfollow\b|\btwitter\b).*$/i;

/**
 * Separators between several authors of one byline. Case-sensitive on purpose: the one-letter joiners
 * ("e", "y") are lower case, and a capital "E." is a middle initial ("Sarah E. Needleman").
 */
export const BYLINE_JOINERS = /\s*(?:,|;|&|\b[Aa]nd\b|\bAND\b|\bund\b|\bet\b|\by\b|\be\b)\s*/;

/** Byline parts that are not a person's name: handles, paths, web addresses and file names ("humans.txt"), anything with digits. */
export const NOT_A_NAME = /[@/\\]|\d|\.(?:com|net|org|co|txt|html?|php|in|uk|de|fr|ru)\b/i;

/** Class/id fragments of page elements that hold the article's standfirst (deck) rather than its body. */
export const STANDFIRST_CLASS = /standfirst|(?:^|[\s_-])dek(?:$|[\s_-])|subhead|sub-head|subtitle|summary|article-?lead|strapline|teaser|excerpt|intro/i;

/** Class/id fragments of breadcrumb trails. */
export const BREADCRUMB_CLASS = /breadcrumb/i;

/** Breadcrumb entries that name the site's front page, not a section. */
export const BREADCRUMB_HOME = /^(?:home|homepage|start|accueil|inicio|início|startseite|главная|ana sayfa|home page)$/i;

/** Class/id fragments of elements carrying the byline in the page (read before cleaning removes them). */
export const BYLINE_CLASS = /byline|author-name|authorname|author__name|writer|contributor/i;

/**
 * Whole-block labels left by page furniture: ad slots, comment counters, section labels of teaser lists,
 * a byline's "By" whose name sat in a removed element. Matched against the block's full text.
 */
export const BOILERPLATE_LABEL = new RegExp(
  '^(?:' + [
    'advert(?:isement)?s?', 'ads?', 'sponsored(?: content)?', 'anzeige', 'werbung', 'publicidad', 'publicité', 'pubblicità', 'iklan', 'реклама',
    'comments?', 'no comments', '\\d+ comments?', 'leave a (?:comment|reply)', 'reply', 'share(?: this(?: article| story)?)?', 'print', 'email',
    'more', 'more stories', 'related', 'related (?:news|articles?|posts?|stories|content|coverage)', 'see also', 'see more', 'also read', 'read also',
    'read more', 'read next', 'recommended(?: for you)?', 'you may also like', 'you might also like', 'recent (?:articles|posts|news)',
    'popular(?: this week| now)?', 'most (?:read|popular|viewed)', 'trending(?: now)?', 'latest news', 'top stories', "don'?t miss",
    'skip to (?:main )?content', 'continue reading(?: below)?', 'story continues below', 'advertisement continues below',
    'photos?', 'fotos?', 'фото', 'image', 'video', 'watch', 'listen', 'review', 'close', 'caption', 'menu', 'search', 'loading',
    'by', 'von', 'por', 'par',
  ].join('|') + ')\\s*[:.…!|]*\\s*$', 'iu');

/** Weekday and month names that follow a publication stamp's verb ("Updated Monday", "Posted Nov 19"). */
const DATE_WORD = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';

/**
 * Block openings that mark a non-article line: cross-links, publication stamps, credits, calls to action.
 * Matched at the start of short blocks (see MAX_BOILERPLATE_WORDS in html-clean.ts). Openings that a news
 * sentence can share ("Sources said", "Credit Suisse", "Related to", "Also on Tuesday", "Updated figures")
 * only count with the colon or date that makes them furniture.
 */
export const BOILERPLATE_START = new RegExp(
  '^[\\s\\[(·|•-]*(?:' + [
    'read more', 'read also', 'also read', 'see more', 'see also', "don'?t miss", 'more on this', 'more from',
    'related(?: posts?| articles?| stor(?:y|ies)| news| coverage| content| reading)?\\s*:', 'also on \\S+\\.\\w+',
    '(?:watch|listen|source|sources|credits?|photo|photograph|pictured|tags|categories)\\s*:',
    `(?:first |last )?(?:posted|published|updated|modified)(?:\\s*:|\\s+(?:on|at)\\b|\\s+\\d+|\\s+(?:${DATE_WORD})\\b)`,
    'filed under', 'image copyright', 'image caption', 'image credit', 'image source', 'photo credit',
    'reporting by', 'additional reporting by', 'editing by', 'writing by', 'compiled by',
    'this (?:post|article|page) (?:may contain|contains) affiliate', 'this slideshow requires', 'this website uses cookies',
    'we use cookies', 'by using this (?:site|website)', 'like this (?:story|article)', 'want more stories',
    'sign up', 'subscribe', 'get the latest', 'click here', 'follow us', 'have a tip', 'got a tip', 'tell us what',
  ].join('|') + ')(?![\\p{L}\\p{N}])', 'iu');

/**
 * Phrases that only calls to action and site promotion use; a short block containing one is not article text.
 * Phrases a story can use ("posted on Facebook and Twitter", "customers who subscribe to") are left out.
 */
export const CALL_TO_ACTION =
  /\b(?:click here|sign up (?:for|to) (?:our|the)\b|subscribe to our\b|newsletters?\b.*\binbox|delivered (?:to|right in) your inbox|(?:follow|visit|like|join|find) (?:us|him|her|them|me|\S+(?: \S+)?) on (?:facebook|twitter|instagram|youtube)|all rights reserved|contributed (?:reporting|to this report))/i;

// Word lists and patterns for HTML extraction: what page chrome looks like, kept apart from the algorithm.

/** Title separators between a headline and the site or section name ("Headline | Site", "Site - Headline"). */
export const TITLE_SEPARATOR = /\s+[|\-–—·•»«~\/:]\s+|\s+::\s+/;

/** A pipe almost always divides a headline from site furniture, so pipe segments go even without a site-name match. */
export const TITLE_PIPE = /\s+\|\s+/;

/** Words that introduce a byline rather than belong to a name, in the languages of the news we see. */
export const BYLINE_PREFIX =
  /^(?:(?:written|words|reported|posted|story|text|photos?)\s+by|by|von|por|par|di|door|av|af|de|autor(?:a|in)?|author|автор|yazar)\s*[:\-–]?\s+/i;

/** Words that mark a job title or desk, never part of a person's name in a byline. */
export const BYLINE_ROLE_WORDS = new Set([
  'writer', 'reporter', 'correspondent', 'editor', 'editors', 'staff', 'contributor', 'columnist', 'producer',
  'analyst', 'senior', 'chief', 'desk', 'bureau', 'services', 'service', 'wire', 'wires', 'newsroom', 'team',
  'journalist', 'photographer', 'special', 'contributing', 'associate', 'managing', 'deputy', 'political',
  'business', 'sports', 'entertainment', 'science', 'health', 'technology', 'tech', 'auto', 'investigations',
]);

/** Where a byline's name part ends: a date, a time, an email, a separator before metadata. */
export const BYLINE_TAIL =
  /\s*(?:[|•·]|\s[-–—]\s|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+(?:\w+day|\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\S+@\S+|\bemail\b|\bfollow\b|\btwitter\b).*$/i;

/** Separators between several authors of one byline. */
export const BYLINE_JOINERS = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/i;

/** Class/id fragments of page elements that hold the article's standfirst (deck) rather than its body. */
export const STANDFIRST_CLASS = /standfirst|(?:^|[\s_-])dek(?:$|[\s_-])|subhead|sub-head|subtitle|summary|article-?lead|strapline|teaser|excerpt|intro/i;

/** Class/id fragments of breadcrumb trails. */
export const BREADCRUMB_CLASS = /breadcrumb/i;

/** Breadcrumb entries that name the site's front page, not a section. */
export const BREADCRUMB_HOME = /^(?:home|homepage|start|accueil|inicio|início|startseite|главная|ana sayfa|home page)$/i;

/** Class/id fragments of elements carrying the byline in the page (read before cleaning removes them). */
export const BYLINE_CLASS = /byline|author-name|authorname|author__name|writer|contributor/i;

/** Longest block (in words) that the boilerplate patterns below may remove; longer text is prose even if it matches. */
export const MAX_BOILERPLATE_WORDS = 40;

/**
 * Whole-block labels left by page furniture: ad slots, comment counters, section labels of teaser lists.
 * Matched against the block's full text.
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
  ].join('|') + ')\\s*[:.…!|]*\\s*$', 'iu');

/**
 * Block openings that mark a non-article line: cross-links, publication stamps, credits, calls to action.
 * Matched at the start of blocks no longer than MAX_BOILERPLATE_WORDS.
 */
export const BOILERPLATE_START = new RegExp(
  '^[\\s\\[(·|•-]*(?:' + [
    'read more', 'read also', 'also read', 'related(?: post| article| story| news| coverage| content| reading)?s?', 'see more', 'see also', 'also on',
    'more on this', 'more from', "don'?t miss", 'watch', 'listen',
    '(?:first |last )?(?:posted|published|updated|modified)(?: on| at)?', 'filed under', 'tags', 'categories',
    'image copyright', 'image caption', 'image credit', 'image source', 'photo credit', 'photograph', 'pictured', 'credit',
    'reporting by', 'additional reporting by', 'editing by', 'writing by', 'compiled by', 'source', 'sources',
    'this (?:post|article|page) (?:may contain|contains) affiliate', 'this slideshow requires', 'this website uses cookies',
    'we use cookies', 'by using this (?:site|website)', 'like this (?:story|article)', 'want more stories',
    'sign up', 'subscribe', 'get the latest', 'click here', 'follow us', 'have a tip', 'got a tip', 'tell us what',
  ].join('|') + ')\\b', 'iu');

/**
 * Phrases that only calls to action and site promotion use; a short block containing one is not article text.
 */
export const CALL_TO_ACTION = /\b(?:click here|sign up (?:for|to)|subscribe (?:to|now|today)|newsletters?\b.*\binbox|delivered (?:to|right in) your inbox|follow (?:us|him|her|them|me) on|(?:on|at) (?:facebook|twitter|instagram)(?:,| and| or)|share it with|opt-out|all rights reserved|contributed (?:reporting|to this report))\b/i;

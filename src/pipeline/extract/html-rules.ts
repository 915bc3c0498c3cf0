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

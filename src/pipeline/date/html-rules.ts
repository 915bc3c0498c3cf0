// Where HTML pages state their publication date: meta names, JSON-LD types, class-name hints and URL shapes, as data.

/**
 * Meta names/properties/itemprops (lower case) that carry the publication date, best first.
 * Collected from Open Graph, Dublin Core, schema.org microdata and the publishing systems
 * (Sailthru, Parse.ly, cXense, Brightspot...) seen on news pages.
 */
export const PUBLISHED_META: string[] = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'article:published',
  'article:published_date', 'article.published', 'published_time', 'published-time', 'datepublished',
  'date-published', 'date_published', 'publish-date', 'publish_date', 'publishdate', 'publishdatetime',
  'publication_date', 'publication-date', 'published-date', 'published_date', 'pubdate', 'pub_date', 'og:pubdate',
  'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date',
  'sailthru.date', 'parsely-pub-date', 'cxenseparse:recs:publishtime', 'bt:pubdate', 'nastooh:publishdate',
  'citation_publication_date', 'citation_date', 'originalpublicationdate', 'rnews:datepublished',
  'article_date_original', 'article.created', 'release_date', 'release:date', 'analyticsattributes.articledate',
  'displaydate', 'prism.publicationdate', 'uploaddate', 'datecreated', 'date', 'created', 'dc.created',
];

/** Meta names that carry a modification date: used only when nothing states the publication. */
export const MODIFIED_META: string[] = [
  'article:modified_time', 'og:article:modified_time', 'article:modified', 'article:modified_date',
  'article:updated_time', 'og:updated_time', 'datemodified', 'date-modified', 'last-modified', 'last-updated',
  'lastmod', 'dc.date.modified', 'dcterms.modified', 'bt:moddate', 'revision_date', 'updated',
];

/** A meta name outside the lists that still says "published", as a weaker hint. */
export const PUBLISHED_META_HINT = /publish(?!er)|pubdate|issued/i;
export const MODIFIED_HINT = /modif|updat|edit|revis|lastmod/i;

/** JSON-LD keys holding a publication date, best first (uploadDate: videos; dateCreated: some CMSs). */
export const JSONLD_PUBLISHED_KEYS = ['datePublished', 'dateCreated', 'uploadDate'] as const;
export const JSONLD_MODIFIED_KEY = 'dateModified';

/** schema.org types whose date is the page's own (not a comment's, an event's or the site's). */
export const JSONLD_ARTICLE_TYPE = /Article|BlogPosting|Report|NewsArticle|WebPage|VideoObject|Posting|Story|Blog|Review|Recipe|MediaObject|Clip|Episode/i;

/**
 * Elements whose class or id names a date: one selector, read once per page. The matching is
 * case-insensitive; the words cover English and the CMS vocabularies seen in other languages
 * ("datum", "fecha", "data", "tarih").
 */
export const DATE_ELEMENT_SELECTOR = [
  'time', 'abbr[title]',
  '[itemprop~="datePublished" i]', '[itemprop~="dateCreated" i]',
  '[class*="date" i]', '[id*="date" i]', '[class*="time" i]', '[id*="time" i]',
  '[class*="publish" i]', '[class*="posted" i]', '[class*="byline" i]', '[class*="meta" i]',
  '[class*="datum" i]', '[class*="fecha" i]', '[class*="data" i]', '[class*="tarih" i]', '[class*="info" i]',
].join(', ');

/** Class/id words that mark an element as holding the publication date rather than another one. */
export const PUBLISHED_CLASS_HINT = /publish|posted|pubdate|entry-date|post-date|article-date|created|dateline|byline/i;

/** Class/id words of elements whose date is not the article's own: updates, comments, lists of other stories. */
export const OTHER_DATE_CLASS_HINT = /modif|updat|comment|related|recent|popular|thumb|teaser|widget|sidebar|footer|latest|weather|event|reply/i;

/**
 * Parts of container class/id names ("td-related-posts", "sidebar-left", "mostrecent") that hold
 * other stories. Matched on whole hyphen/underscore-separated parts, so layout names such as
 * "has-post-thumbnail" or "story--updating" do not count.
 */
export const OTHER_STORIES_PART = new Set([
  'related', 'recent', 'popular', 'sidebar', 'widget', 'comment', 'comments', 'teaser', 'teasers', 'latest',
  'trending', 'recommended', 'mostrecent', 'mostpopular', 'mostread', 'relacionadas', 'relacionados',
  'correlatas', 'similar',
]);

/** Elements whose text never holds the article's date (they contain code or other stories). */
export const SKIPPED_TAGS = new Set([
  'HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'SELECT', 'OPTION', 'TEXTAREA', 'CANVAS', 'OBJECT',
]);

/** Tags whose text quotes other moments: photo captions, embedded posts. Their dates are not the page's. */
export const QUOTED_TAGS = new Set(['FIGURE', 'FIGCAPTION', 'BLOCKQUOTE']);
export const QUOTED_CLASS = /caption|credit|embed|tweet/i;

/** Tags after which the page's text breaks into a new block (so dates from two blocks never merge). */
export const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'TR', 'TD', 'TH', 'TABLE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV',
  'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BR', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'DD', 'DT', 'DL', 'TIME',
]);

/** Tags whose text is navigation or site chrome, where dates belong to other pages. */
export const CHROME_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE']);

/** Lines that hold copyright notices: their years (and dates) are the site's, not the article's. */
export const COPYRIGHT_LINE = /©|&copy;|\bcopyright\b|\(c\)\s*\d{4}|all rights reserved|todos los derechos|tous droits|alle rechte|все права/i;

/** Page languages/locales whose numeric dates read month first (US English; bare "en" is mostly US pages). */
export const MONTH_FIRST_LANG = /^en(?:[-_]us)?$/i;

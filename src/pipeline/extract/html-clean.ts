// Removes page chrome around an article: elements before and after Readability picks the container, blocks after.
import {
  ARTICLE_CHROME_CLASS, ARTICLE_CHROME_TAGS, BOILERPLATE_LABEL, BOILERPLATE_START, CALL_TO_ACTION, CHROME_CLASS,
  CHROME_TAGS, EMBED_WRAPPER_CLASS, EMBEDDED_POST_CLASS,
} from './html-rules.ts';
import { HEADING_TAGS, textKey, type TextBlock } from './html-text.ts';

/**
 * An element holding more than this many characters of text outside links is article, whatever its class
 * says ("post tag-review", Blogger's "date-outer" around the whole post). Captions, bylines and stamps on the
 * dev pages hold under 300; 600 leaves room for a long caption and stays far below any article body.
 */
const MAX_CHROME_PROSE_CHARS = 600;
/**
 * Longest block (in words) that the boilerplate patterns may remove; longer text is prose even when it opens
 * with "Related" or mentions a newsletter. Calibrated on zyte-dev: 40 catches every promo line seen there.
 */
const MAX_BOILERPLATE_WORDS = 40;
/** Share of a block's characters inside links from which it counts as a link (teaser headline, "more" link). */
const LINK_BLOCK_DENSITY = 0.9;
/**
 * A list is a teaser list when at least this many of its items are links. One or two linked items are calls to
 * action inside the story ("Get it on Amazon", "Also at Walmart"); calibrated on zyte-dev, 2 cost recall.
 */
const MIN_TEASER_LIST_ITEMS = 3;

export type ChromeStage = 'page' | 'article';

/**
 * Removes furniture elements under `root`. The 'page' stage runs before Readability scores the page; the
 * 'article' stage runs inside Readability's result and adds header blocks, which the page stage must keep
 * (removing a page's <header> can cost Readability the anchor of its choice).
 */
export function removeChrome(root: Element, stage: ChromeStage): void {
  const drop: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (isChrome(el, stage) && proseChars(el) <= MAX_CHROME_PROSE_CHARS) drop.push(el);
  }
  // Removing an ancestor first detaches its matched descendants too; remove() on a detached node is harmless.
  for (const el of drop) el.remove();
}

function isChrome(el: Element, stage: ChromeStage): boolean {
  const tag = el.tagName.toUpperCase();
  // A <time> inside a paragraph is part of a sentence ("on <time>Monday</time>"); elsewhere it is a stamp.
  if (tag === 'TIME') return !el.closest('p');
  if (CHROME_TAGS.has(tag) || (stage === 'article' && ARTICLE_CHROME_TAGS.has(tag))) return true;
  const names = classAndId(el);
  if (names.length < 2) return false;
  if (CHROME_CLASS.test(names)) return true;
  return stage === 'article' && ARTICLE_CHROME_CLASS.test(names);
}

/** Characters of text under `el` outside links, scripts and styles, stopping once past the chrome limit. */
function proseChars(el: Element): number {
  let n = 0;
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c && n <= MAX_CHROME_PROSE_CHARS; c = c.nextSibling) {
      if (c.nodeType === 3) n += (c.nodeValue ?? '').trim().length;
      else if (c.nodeType === 1 && !PROSE_SKIP_TAGS.has((c as Element).tagName.toUpperCase())) walk(c);
    }
  };
  walk(el);
  return n;
}

const PROSE_SKIP_TAGS = new Set(['A', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/** Lifts embedded social posts out of their widget wrappers so Readability keeps them (see EMBEDDED_POST_CLASS). */
export function unwrapEmbeddedPosts(root: Element): void {
  for (const post of Array.from(root.querySelectorAll('blockquote'))) {
    if (!EMBEDDED_POST_CLASS.test(post.getAttribute('class') ?? '')) continue;
    let wrapper: Element = post;
    for (let p = post.parentElement; p && p !== root && onlyChild(p) && EMBED_WRAPPER_CLASS.test(classAndId(p)); p = p.parentElement) wrapper = p;
    if (wrapper !== post) wrapper.replaceWith(post);
  }
}

/** True when the element's only child element (scripts aside) is the path we came up. */
function onlyChild(el: Element): boolean {
  let n = 0;
  for (const c of Array.from(el.children)) if (c.tagName !== 'SCRIPT') n++;
  return n === 1;
}

export interface BlockContext {
  /** The article title: a heading repeating it is the page's headline block, not body. */
  title: string | null;
}

/** Drops blocks that are chrome by their text or place: the headline block, teaser links, furniture labels, promo and credit lines. */
export function cleanBlocks(blocks: readonly TextBlock[], context: BlockContext): TextBlock[] {
  const titleKey = context.title ? textKey(context.title) : '';
  const linkItemsPerList = new Map<Element, number>();
  for (const b of blocks) {
    const list = b.element.parentElement;
    if (b.tag === 'li' && list && isLink(b)) linkItemsPerList.set(list, (linkItemsPerList.get(list) ?? 0) + 1);
  }
  // Headings before the first paragraph are the headline block (title, deck), which the metadata carries.
  const firstBody = blocks.findIndex((b) => !HEADING_TAGS.has(b.tag));
  return blocks.filter((b, i) => {
    if (HEADING_TAGS.has(b.tag) && (firstBody < 0 || i < firstBody)) return false;
    if (isLink(b)) {
      if (b.tag !== 'li') return false;
      const list = b.element.parentElement;
      if (list && (linkItemsPerList.get(list) ?? 0) >= MIN_TEASER_LIST_ITEMS) return false;
    }
    if (BOILERPLATE_LABEL.test(b.text)) return false;
    if (wordCount(b.text) <= MAX_BOILERPLATE_WORDS && (BOILERPLATE_START.test(b.text) || CALL_TO_ACTION.test(b.text))) return false;
    if (titleKey && HEADING_TAGS.has(b.tag) && textKey(b.text) === titleKey) return false;
    return true;
  });
}

/** A block that is (almost) all link text, unless the text is a bare URL the author chose to print. */
function isLink(b: TextBlock): boolean {
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(b.text)) return false;
  return b.linkChars >= LINK_BLOCK_DENSITY * b.text.length;
}

function wordCount(s: string): number {
  let n = 1;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
  return n;
}

function classAndId(e: Element): string {
  const c = e.getAttribute('class');
  const id = e.getAttribute('id');
  return c && id ? `${c} ${id}` : c ?? id ?? '';
}

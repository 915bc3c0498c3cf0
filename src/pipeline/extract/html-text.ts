// Turns a DOM subtree into text blocks (paragraphs, headings, list items) with the evidence the cleaners need.

/** One paragraph-level piece of text, as a reader sees it. */
export interface TextBlock {
  /** Whitespace-normalised text. */
  text: string;
  /** Lower-case tag of the element that opened the block ("p", "h2", "li", "td"...). */
  tag: string;
  /** Characters of `text` that sit inside links. */
  linkChars: number;
  /** The element that opened the block. */
  element: Element;
}

/** Elements that start a new block of text. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);

/** Table cells stay on their row's line, separated by a space, so a row reads as one line. */
const CELL_TAGS = new Set(['TD', 'TH']);

/** Never text for a reader. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD']);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Splits `root` into blocks in document order; empty blocks are dropped. */
export function textBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let text = '';
  let linkChars = 0;
  let owner: Element = root;

  const flush = (): void => {
    const normalised = text.replace(/\s+/g, ' ').trim();
    if (normalised) {
      blocks.push({ text: normalised, tag: owner.tagName.toLowerCase(), linkChars: Math.min(linkChars, normalised.length), element: owner });
    }
    text = '';
    linkChars = 0;
  };

  const walk = (node: Node, inLink: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      text += value;
      if (inLink) linkChars += value.replace(/\s+/g, ' ').trim().length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) {
      flush();
      owner = el;
    } else if (CELL_TAGS.has(tag)) {
      text += ' ';
    }
    const link = inLink || tag === 'A';
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child, link);
    if (isBlock) {
      flush();
      // Text after a nested block belongs to the enclosing block again.
      owner = (el.parentElement && root.contains(el.parentElement)) ? closestBlock(el.parentElement, root) : root;
    }
  };

  walk(root, false);
  flush();
  return blocks;
}

function closestBlock(el: Element, root: Element): Element {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    if (BLOCK_TAGS.has(e.tagName.toUpperCase())) return e;
  }
  return root;
}

/** Blocks joined the way the contract wants article text: one paragraph per block, blank line between. */
export function joinBlocks(blocks: readonly TextBlock[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}

/** Letters and digits only, lower case: compares headings, titles and names regardless of punctuation and spacing. */
export function textKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

// Removes page chrome around an article: elements before Readability scores the page, blocks after it.
import type { TextBlock } from './html-text.ts';
import { BOILERPLATE_LABEL, BOILERPLATE_START, CALL_TO_ACTION, MAX_BOILERPLATE_WORDS } from './html-rules.ts';

const mk = (v: string | undefined) => { const R = v ? v.split(',') : []; return { TAGS: new Set(R.filter((r) => r.startsWith('tag:')).map((r) => r.slice(4).toUpperCase())), CLS: R.filter((r) => r.startsWith('cls:')).map((r) => new RegExp(r.slice(4), 'i')) }; };
const PRE = mk(process.env.RULES), POST = mk(process.env.POSTRULES ?? process.env.RULES);
const MAX_PROSE = Number(process.env.MAXPROSE ?? 600);

export function stripChrome(body: Element | null, post = false): void {
  if (!body) return;
  const { TAGS, CLS } = post ? POST : PRE;
  const proseOf = (root: Element): number => { let n = 0; for (const p of Array.from(root.querySelectorAll('p'))) { const l = (p.textContent ?? '').length; if (l >= 100) n += l; } return n; };
  const total = proseOf(body);
  const drop: Element[] = [];
  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (TAGS.has(el.tagName)) { drop.push(el); continue; }
    if (process.env.HIDDEN && (el.hasAttribute('hidden') || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? ''))) { drop.push(el); continue; }
    if (CLS.length) {
      const ci = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      if (ci.length > 1 && CLS.some((c) => c.test(ci)) && proseOf(el) <= MAX_PROSE) drop.push(el);
    }
  }
  if (process.env.DEBUGDROP) for (const el of drop) console.error("DROP", el.tagName, classAndIdOf(el), (el.textContent ?? "").replace(/\s+/g, " ").slice(0, 100));
  for (const el of drop) el.remove();
}

const B = new Set((process.env.BRULES ?? '').split(','));
const LINKY = Number(process.env.LINKY ?? 0.9);
const LISTMIN = Number(process.env.LISTMIN ?? 3);
export function cleanBlocks(blocks: TextBlock[]): TextBlock[] {
  const dens = (b: TextBlock) => /^(https?:\/\/|www\.)\S+$/i.test(b.text) ? 0 : b.linkChars / b.text.length;
  const linkItems = new Map<Element, number>();
  for (const b of blocks) if (b.tag === 'li' && dens(b) >= LINKY && b.element.parentElement) linkItems.set(b.element.parentElement, (linkItems.get(b.element.parentElement) ?? 0) + 1);
  return blocks.filter((b) => {
    const ld = dens(b);
    if (B.has('linklist') && b.tag === 'li' && ld >= LINKY && (linkItems.get(b.element.parentElement!) ?? 0) >= LISTMIN) return false;
    if (B.has('linkli') && b.tag === 'li' && ld >= LINKY) return false;
    if (B.has('linkh') && /^h\d$/.test(b.tag) && ld >= LINKY) return false;
    if (B.has('linkp') && b.tag === 'p' && ld >= LINKY) return false;
    if (B.has('linkany') && ld >= LINKY) return false;
    const words = b.text.split(' ').length;
    if (B.has('label') && BOILERPLATE_LABEL.test(b.text)) return false;
    if (B.has('start') && words <= MAX_BOILERPLATE_WORDS && BOILERPLATE_START.test(b.text)) return false;
    if (B.has('cta') && words <= MAX_BOILERPLATE_WORDS && CALL_TO_ACTION.test(b.text)) return false;
    return true;
  });
}
function classAndIdOf(e: Element): string { return `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`; }

const EMBED = /\b(twitter-tweet|instagram-media|tiktok-embed)\b/;
const WRAP = /social|embed|tweet|twitter|instagram/i;
export function unwrapEmbeds(body: Element | null): void {
  if (!body || !process.env.UNWRAP) return;
  for (const q of Array.from(body.querySelectorAll('blockquote'))) {
    if (!EMBED.test(q.getAttribute('class') ?? '')) continue;
    let top: Element = q;
    for (let p = q.parentElement; p && p !== body && Array.from(p.children).filter((c) => c.tagName !== 'SCRIPT').length === 1 && WRAP.test(classAndIdOf(p)); p = p.parentElement) top = p;
    if (top !== q) top.replaceWith(q);
  }
}

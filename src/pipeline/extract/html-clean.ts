// Removes page chrome around an article: elements before Readability scores the page, blocks after it.
import type { TextBlock } from './html-text.ts';

const R = process.env.RULES ? process.env.RULES.split(',') : [];
const TAGS = new Set(R.filter((r) => r.startsWith('tag:')).map((r) => r.slice(4).toUpperCase()));
const CLS = R.filter((r) => r.startsWith('cls:')).map((r) => new RegExp(r.slice(4), 'i'));
const MAX_PROSE = Number(process.env.MAXPROSE ?? 600);

export function stripChrome(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const proseOf = (root: Element): number => { let n = 0; for (const p of Array.from(root.querySelectorAll('p'))) { const l = (p.textContent ?? '').length; if (l >= 100) n += l; } return n; };
  const total = proseOf(body);
  const drop: Element[] = [];
  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (TAGS.has(el.tagName)) { drop.push(el); continue; }
    if (CLS.length) {
      const ci = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      if (ci.length > 1 && CLS.some((c) => c.test(ci)) && proseOf(el) <= MAX_PROSE) drop.push(el);
    }
  }
  if (process.env.DEBUGDROP) for (const el of drop) console.error("DROP", el.tagName, classAndIdOf(el), (el.textContent ?? "").replace(/\s+/g, " ").slice(0, 100));
  for (const el of drop) el.remove();
}

export function cleanBlocks(blocks: TextBlock[]): TextBlock[] {
  return blocks;
}
function classAndIdOf(e: Element): string { return `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`; }

import { Readability } from '@mozilla/readability';
import type { HtmlExtraction } from '../contracts.ts';
const BLOCK = new Set(['P','DIV','H1','H2','H3','H4','H5','H6','LI','UL','OL','BLOCKQUOTE','PRE','TABLE','TR','TD','TH','SECTION','ARTICLE','FIGURE','FIGCAPTION','BR','HEADER','FOOTER','DL','DT','DD','HR']);
function text(el: Element): string {
  const parts: string[] = []; let cur = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) { cur += n.nodeValue; return; }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).tagName;
    const block = BLOCK.has(tag);
    if (block) { parts.push(cur); cur = ''; }
    for (const c of Array.from(n.childNodes)) walk(c);
    if (block) { parts.push(cur); cur = ''; }
  };
  walk(el); parts.push(cur);
  return parts.map(s => s.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
}
export function extractHtml(doc: Document, url: string | null): HtmlExtraction {
  const r = new Readability(doc, { serializer: (n: Node) => n as Element }).parse();
  const t = r?.content ? text(r.content as unknown as Element) : '';
  return { title: null, standfirst: null, byline: null, section: null, siteName: null, declaredLanguage: null, text: t };
}

// Outlet detection: which outlet published an article, from its site name, its own credits in the text, the name the page gives itself, or its host.
import type { DatelineGuess, OutletGuess } from '../contracts.ts';
import { isParagraph, words } from '../../lib/lines.ts';
import { HOST_OUTLETS, OUTLET_ALIASES } from './outlet-data.ts';

/** Publisher credits sit in the lede; later paragraphs cite other outlets ("told Reuters" in a quote). */
const LEDE_PARAGRAPHS = 3;
/** A paragraph of prose, as opposed to a menu line or headline of a whole-page capture. */
const PROSE_MIN_WORDS = 12;
/** A capture opens with the page title and the site's logo text: the outlet's own name is looked for this far. */
const SITE_NAME_LINES = 3;

const L = String.raw`[\p{L}\p{N}]`;

/** Builds the pattern of one credit shape for one alias (already escaped for a regular expression). */
type CreditRule = (alias: string) => RegExp;

/**
 * Credits by which an outlet signs its own copy, strongest first. A wire tag ("/TASS/", "(Reuters) —",
 * "(ИА REGNUM).", "— РИА Новости.") is the agency's signature; "told RT" or "TASS has learned" is the outlet
 * speaking of its own reporting; a Persian lede opening "به گزارش خبرگزاری فارس،" ("as Fars News Agency
 * reports") is how Iranian agencies sign theirs. Citations of another outlet ("in an interview with TASS",
 * "according to Reuters", "Reuters reported") are deliberately absent: any outlet writes them about any other.
 */
const CREDIT_RULES: CreditRule[] = [
  (a) => new RegExp(String.raw`/\s?${a}\s?/`, 'u'),
  (a) => new RegExp(String.raw`\(${a}\)(?=\s*[-—–:]|\.(?:\s|$)|\s*\p{Lu})`, 'u'),
  (a) => new RegExp(String.raw`\s[—–]\s${a}\.(?=\s)`, 'u'),
  // "به گزارش خبرگزاری فارس،", "به گزارش خبرنگار سیاسی ایرنا،": the agency, or its reporter of some desk; never
  // the Persian Gulf ("خلیج فارس") nor a date ("۱۵ مهر").
  (a) => new RegExp(String.raw`(?:^|\n)به گزارش (?:خبرنگار [^،,\n\d۰-۹]{0,30}?\s)?(?<!خلیج\s)${a}(?!${L})`, 'u'),
  (a) => new RegExp(String.raw`(?<!${L})(?:told|tells|telling) ${a}(?!${L})`, 'u'),
  (a) => new RegExp(String.raw`(?<!${L})${a} (?:has learned|has learnt|learned|has been told)(?!${L})`, 'u'),
  (a) => new RegExp(String.raw`(?<!${L})an? ${a} correspondent(?!${L})`, 'u'),
  // Russian: "сообщили ТАСС", "рассказал RT" (told the outlet).
  (a) => new RegExp(String.raw`(?<!${L})(?:сообщил[аи]?|рассказал[аи]?|заявил[аи]?) ${a}(?!${L})`, 'u'),
];

/**
 * The line under an Arabic article naming where it came from ("المصدر : الجزيرة + وكالات"): the outlet's
 * own reporting when it names the outlet, a wire's when it names a wire; "وكالات" (agencies) names none.
 */
const SOURCE_LINE = /^المصدر\s*:\s*(.+)$/u;

/** Separators between a headline and the site name in a page title ("Headline - ТАСС", "Headline | الجزيرة نت"). */
const TITLE_SEPARATOR = /\s+[|–—-]\s+/u;
/** A date after the site name in a page title ("РИА Новости, 13.01.2022"). */
const TITLE_TRAILING_DATE = /,\s*[\d.\/-]+$/u;

/**
 * Names the outlet: the page's own site name first, then a credit in the text that names the publisher,
 * then the name the page gives itself (page title, logo line), then an Arabic source line, then the
 * known-host table, then the URL host itself. Returns null when none of these says anything.
 */
export function findOutlet(input: {
  siteName: string | null;
  url: string | null;
  text: string;
  dateline: DatelineGuess | null;
}): OutletGuess | null {
  const siteName = input.siteName?.trim();
  if (siteName) return { outlet: canonicalOutlet(siteName) ?? siteName, source: 'og:site_name' };

  const lede = ledeOf(input.text);
  if (input.dateline?.credit) {
    const credit = input.dateline.credit;
    return { outlet: canonicalOutlet(credit) ?? credit, source: `credit '${creditAsWritten(credit, lede, input.text)}'` };
  }
  const inLede = creditIn(lede);
  const credited = (inLede && { outlet: inLede.outlet, source: inLede.source }) ?? pageName(input.text) ?? sourceLine(input.text);
  if (credited) return credited;

  const host = hostOf(input.url);
  if (!host) return null;
  const known = knownHost(host);
  if (known) return { outlet: known, source: `host ${host}` };
  return { outlet: host, source: `host ${host}` };
}

/**
 * Whether a paragraph opens with the publisher's credit instead of a dateline ("به گزارش خبرگزاری تسنیم،"):
 * like a dateline, it marks where the body begins below a standfirst.
 */
export function opensWithCredit(paragraph: string): boolean {
  const m = creditIn(paragraph);
  return m !== null && m.at === 0;
}

/** The credit as the text writes it ("/ТАСС/", "(فارس)", "— РИА Новости.", "-سانا"), for provenance. */
function creditAsWritten(credit: string, lede: string, text: string): string {
  const c = credit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const shapes = [String.raw`/\s?${c}\s?/`, String.raw`\(${c}\)`, String.raw`[—–-]\s?${c}\.?`, String.raw`(?<!\p{L})${c}(?!\p{L})`];
  for (const source of [lede, text]) {
    for (const shape of shapes) {
      const m = new RegExp(shape, 'u').exec(source);
      if (m) return m[0];
    }
  }
  return `(${credit})`;
}

/** The first prose paragraphs of a text (for a whole-page capture, the first lines that read as prose). */
function ledeOf(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!isParagraph(line, PROSE_MIN_WORDS)) continue;
    out.push(line);
    if (out.length >= LEDE_PARAGRAPHS) break;
  }
  return out.join('\n');
}

const ALIASES = Object.entries(OUTLET_ALIASES).flatMap(([outlet, aliases]) =>
  aliases.map((alias) => ({ outlet, alias, escaped: alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') })),
);
/** The outlet of each alias as written (the first outlet to claim an alias keeps it). */
const OUTLET_OF_ALIAS = new Map<string, string>();
for (const { outlet, alias } of ALIASES) if (!OUTLET_OF_ALIAS.has(alias)) OUTLET_OF_ALIAS.set(alias, outlet);
/**
 * Every credit rule compiled once over all aliases as one alternation. The engine reports the earliest match and,
 * at one position, the first alias in table order that completes the shape — the same answer as one pattern per
 * alias, for one scan of the lede per rule instead of one per alias.
 */
const RULE_PATTERNS = CREDIT_RULES.map((rule) => rule(`(?<alias>${ALIASES.map((a) => a.escaped).join('|')})`));

/** The strongest publisher credit in the lede (earliest among equals), quoted as written. */
function creditIn(lede: string): (OutletGuess & { at: number }) | null {
  for (const pattern of RULE_PATTERNS) {
    const m = pattern.exec(lede);
    const outlet = m?.groups?.alias === undefined ? undefined : OUTLET_OF_ALIAS.get(m.groups.alias);
    if (m && outlet) return { outlet, source: `credit '${m[0].trim()}'`, at: m.index };
  }
  return null;
}

/**
 * The name a capture gives its own site: a known outlet after the headline in the page title
 * ("Headline - ТАСС", "Headline | أخبار | الجزيرة نت") or alone on one of the first lines (the logo).
 */
function pageName(text: string): OutletGuess | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, SITE_NAME_LINES);
  for (const [i, line] of lines.entries()) {
    if (isParagraph(line, PROSE_MIN_WORDS)) break;
    const segments = line.split(TITLE_SEPARATOR);
    // The page title's segments after the headline; a line on its own must be the name exactly.
    const names = i === 0 && segments.length > 1 ? segments.slice(1) : [line];
    for (const name of names.map((n) => n.replace(TITLE_TRAILING_DATE, '').trim())) {
      const outlet = canonicalOutlet(name);
      if (outlet) return { outlet, source: `site name '${name}'` };
    }
  }
  return null;
}

/** The outlet named by an Arabic source line, when it names one ("المصدر : الجزيرة + وكالات"). */
function sourceLine(text: string): OutletGuess | null {
  for (const line of text.split('\n')) {
    const m = SOURCE_LINE.exec(line.trim());
    if (!m || words(m[1]).length > 6) continue;
    for (const part of m[1].split(/[+،,]/u)) {
      const outlet = canonicalOutlet(part.trim());
      if (outlet) return { outlet, source: `source line '${line.trim()}'` };
    }
  }
  return null;
}

function canonicalOutlet(credit: string): string | null {
  for (const [outlet, aliases] of Object.entries(OUTLET_ALIASES)) if (aliases.includes(credit)) return outlet;
  return null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^(www\d?|m|amp|mobile)\./, '') || null;
  } catch {
    return null;
  }
}

/** The outlet of a host or of any parent domain ("en.farsnews.ir" → farsnews.ir). */
function knownHost(host: string): string | null {
  const parts = host.split('.');
  for (let i = 0; i + 1 < parts.length; i++) {
    const outlet = HOST_OUTLETS[parts.slice(i).join('.')];
    if (outlet) return outlet;
  }
  return null;
}

// Outlet detection: which outlet published an article, from its site name, its own credits in the text, or its host.
import type { DatelineGuess, OutletGuess } from '../contracts.ts';
import { words } from '../../lib/lines.ts';
import { HOST_OUTLETS, OUTLET_ALIASES } from './outlet-data.ts';

/** Publisher credits sit in the lede; later paragraphs cite other outlets ("told Reuters" in a quote). */
const LEDE_PARAGRAPHS = 3;
/** A paragraph of prose, as opposed to a menu line or headline of a whole-page capture. */
const PROSE_MIN_WORDS = 12;

const L = String.raw`[\p{L}\p{N}]`;

/** Builds the pattern of one credit shape for one alias (already escaped for a regular expression). */
type CreditRule = (alias: string) => RegExp;

/**
 * Credits by which an outlet signs its own copy, strongest first. A wire tag ("/TASS/", "(Reuters) —")
 * is the agency's signature; "told RT" or "TASS has learned" is the outlet speaking of its own reporting.
 * Citations of another outlet ("in an interview with TASS", "according to Reuters", "Reuters reported")
 * are deliberately absent: any outlet writes them about any other.
 */
const CREDIT_RULES: CreditRule[] = [
  (a) => new RegExp(String.raw`/\s?${a}\s?/`, 'u'),
  (a) => new RegExp(String.raw`\(${a}\)(?=\s*[-—–:]|\p{Lu})`, 'u'),
  (a) => new RegExp(String.raw`(?<!${L})(?:told|tells|telling) ${a}(?!${L})`, 'u'),
  (a) => new RegExp(String.raw`(?<!${L})${a} (?:has learned|has learnt|learned|has been told)(?!${L})`, 'u'),
  (a) => new RegExp(String.raw`(?<!${L})an? ${a} correspondent(?!${L})`, 'u'),
  // Russian: "сообщили ТАСС", "рассказал RT" (told the outlet).
  (a) => new RegExp(String.raw`(?<!${L})(?:сообщил[аи]?|рассказал[аи]?|заявил[аи]?) ${a}(?!${L})`, 'u'),
];

/**
 * Names the outlet: the page's own site name first, then a credit in the text that names the publisher,
 * then the known-host table, then the URL host itself. Returns null when none of these says anything.
 */
export function findOutlet(input: {
  siteName: string | null;
  url: string | null;
  text: string;
  dateline: DatelineGuess | null;
}): OutletGuess | null {
  const siteName = input.siteName?.trim();
  if (siteName) return { outlet: siteName, source: 'og:site_name' };

  const lede = ledeOf(input.text);
  if (input.dateline?.credit) {
    const credit = input.dateline.credit;
    const slashed = lede.includes(`/${credit}/`) || input.text.includes(`/${credit}/`);
    return { outlet: canonicalOutlet(credit) ?? credit, source: `credit '${slashed ? `/${credit}/` : `(${credit})`}'` };
  }
  const credited = creditIn(lede);
  if (credited) return credited;

  const host = hostOf(input.url);
  if (!host) return null;
  const known = knownHost(host);
  if (known) return { outlet: known, source: `host ${host}` };
  return { outlet: host, source: `host ${host}` };
}

/** The first prose paragraphs of a text (for a whole-page capture, the first lines that read as prose). */
function ledeOf(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (words(line).length < PROSE_MIN_WORDS) continue;
    out.push(line);
    if (out.length >= LEDE_PARAGRAPHS) break;
  }
  return out.join('\n');
}

const ALIASES = Object.entries(OUTLET_ALIASES).flatMap(([outlet, aliases]) =>
  aliases.map((alias) => ({ outlet, escaped: alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') })),
);
/** Every credit rule compiled once per alias. */
const ALIAS_PATTERNS = new Map(
  CREDIT_RULES.map((rule) => [rule, ALIASES.map(({ outlet, escaped }) => ({ outlet, pattern: rule(escaped) }))]),
);

/** The strongest publisher credit in the lede (earliest among equals), quoted as written. */
function creditIn(lede: string): OutletGuess | null {
  for (const rule of CREDIT_RULES) {
    let best: { at: number; outlet: string; text: string } | null = null;
    for (const { outlet, pattern } of ALIAS_PATTERNS.get(rule) ?? []) {
      const m = pattern.exec(lede);
      if (m && (!best || m.index < best.at)) best = { at: m.index, outlet, text: m[0] };
    }
    if (best) return { outlet: best.outlet, source: `credit '${best.text}'` };
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

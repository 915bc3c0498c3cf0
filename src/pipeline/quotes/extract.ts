// Quote extraction: finds direct, indirect and mixed quotes with their cue and speaker mention.
import { readFileSync } from 'node:fs';
import type { QuoteKind, QuoteMention, Span, TextSpan } from './types.ts';
import { analyse, isMark, quotationWords, type QuoteDoc } from './document.ts';
import { attributeCue, forwardNP, trimRange, type Attribution, type Range } from './attribute.ts';
import { findCues, type Cue } from './cues.ts';
import { candidateFeatures, filterScore, readFilter, type Features, type FilterModel } from './filter.ts';
import { labelledParagraphs } from './labels.ts';
import { speakerAntecedent } from './speaker.ts';

const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom']);

/** Fewest words for a quotation with no cue nearby to count as speech rather than a scare quote or a title. */
const MIN_STANDALONE_WORDS = 4;

export interface ExtractOptions {
  /** Replaces the cue finder (training, or evaluation of the attribution rules on given cues). */
  cues?: (doc: QuoteDoc) => Cue[];
  /** Replaces the candidate filter; null keeps every candidate. */
  filter?: FilterModel | null;
  /** Receives each cue's attribution with its filter features before filtering (training). */
  onCandidate?: (doc: QuoteDoc, attribution: Attribution, features: Features) => void;
}

/**
 * Candidate cues come from the tagger at these recall-leaning biases (see cues.ts), and the filter keeps an
 * attribution when its probability reaches FILTER_THRESHOLD. Chosen together on quotes-dev with the
 * filter trained on quotes-train (scripts/train-quotes.ts).
 */
export const CANDIDATE_OUTSIDE_BIAS = -20;
export const CANDIDATE_LEXICON_BIAS = -20;
export const FILTER_THRESHOLD = 0.3;

let filterModel: FilterModel | null = null;

function loadFilter(): FilterModel {
  filterModel ??= readFilter(readFileSync(new URL('./model/quote-filter.json.gz', import.meta.url)));
  return filterModel;
}

export function extractQuotes(text: string, options: ExtractOptions = {}): QuoteMention[] {
  const doc = analyse(text);
  // 1. Paragraphs that name their speaker before a colon (headlines, transcript turns).
  const labels = labelledParagraphs(doc);
  const labelled = labels.map((l) => l.attribution);
  const inLabel = new Uint8Array(doc.tokens.length);
  for (const a of labelled) for (let i = a.source!.from; i <= a.cue!.from; i++) inLabel[i] = 1;
  const turnStarts = labels.map((l) => l.paragraph);
  // 2. Cues, then the content and source each one governs.
  const found = options.cues ? options.cues(doc) : findCues(doc, CANDIDATE_OUTSIDE_BIAS, CANDIDATE_LEXICON_BIAS);
  const cues = found.filter((c) => !inLabel[c.from]);
  const filter = options.filter === undefined ? loadFilter() : options.filter;
  const cueStarts = new Set(cues.map((c) => c.from));
  const attributions: Attribution[] = [];
  const byContent = new Map<string, Attribution>();
  const scores = new Map<Attribution, number>();
  for (const cue of cues) {
    const a = attributeCue(doc, cue, cueStarts);
    if (!a) continue;
    // A content that runs into a transcript ("Partial transcript as follows:") stops where the turns begin.
    a.content = a.content.flatMap((r) => {
      const cut = turnStarts.find((s) => s >= r.from && s < r.to);
      const kept = cut === undefined ? r : cut > r.from ? trimRange(doc.tokens, { from: r.from, to: cut }) : null;
      return kept ? [kept] : [];
    });
    if (a.content.length === 0) continue;
    // The filter's probability ranks rival attributions; without a filter, the tagger's margin does.
    let score = cue.margin;
    if (filter || options.onCandidate) {
      const features = candidateFeatures(doc, a, cue.margin);
      options.onCandidate?.(doc, a, features);
      if (filter) score = filterScore(filter, features);
      if (filter && score < FILTER_THRESHOLD) continue;
    }
    // Two cues that lead to the same content (a verb phrase read as two cues, a noun in the subject taken
    // for a cue) give one attribution: the likelier one.
    const key = a.content.map((r) => `${r.from}-${r.to}`).join(',');
    const rival = byContent.get(key);
    if (rival && scores.get(rival)! >= score) continue;
    if (rival) attributions.splice(attributions.indexOf(rival), 1);
    byContent.set(key, a);
    scores.set(a, score);
    attributions.push(a);
  }
  // Participial and coordinated cues with no subject of their own share the previous cue's speaker.
  for (let k = 1; k < attributions.length; k++) {
    const a = attributions[k];
    const prev = attributions[k - 1];
    if (a.source && !a.inherits || !a.cue || !prev.cue || !prev.source) continue;
    // A relative clause's subject ("an architect who said ..., saying") is not the main clause's.
    if (a.source && RELATIVE_PRONOUNS.has(doc.tokens[prev.source.from].lower)) continue;
    if (doc.tokens[a.cue.from].sentence === doc.tokens[prev.cue.from].sentence) a.source = prev.source;
  }
  attributions.push(...labelled);
  // An attribution wholly inside another's content ("X said that Y claimed Z") is part of X's quote.
  dropNested(doc, attributions, scores);
  dropInSubject(attributions);
  dropRelays(attributions);
  resolveOverlaps(doc, attributions, scores);
  dropRelays(attributions);
  // 3. Quotations that no cue claimed: continuations of the previous speaker's quote, or quotes of their own.
  addUnclaimedQuotations(doc, attributions);
  // Transcripts name the speaker inside the quotation ("PENCE: ..."); that label beats any guess.
  for (const a of attributions) a.source = transcriptLabel(doc, a.content[0]) ?? a.source;
  // 4. Character spans, kinds and speaker hints.
  attributions.sort((a, b) => a.content[0].from - b.content[0].from);
  const sources = attributions.flatMap((a) => (a.source ? [a.source] : [])).sort((a, b) => a.from - b.from);
  return dedupe(attributions.map((a) => toMention(doc, a, sources, filter ? scores.get(a) ?? null : null)));
}

/**
 * Share of an attribution's content that must lie inside another attribution's content (its cue too)
 * for it to count as nested. PolNeAR annotators mark few nested attributions: on quotes-dev, quotes
 * kept this way matched a gold attribution 0.29 of the time against 0.89 for the others.
 */
const NESTED_SHARE = 0.9;
/** How much likelier (filter probability) a nested attribution must be than the one holding it to replace it. */
const NESTED_MARGIN = 0.3;

/** Whether token `pos` lies in the attribution's content. */
function holds(b: Attribution, pos: number): boolean {
  return b.content.some((r) => r.from <= pos && pos < r.to);
}

function dropNested(doc: QuoteDoc, attributions: Attribution[], score: ReadonlyMap<Attribution, number>): void {
  const size = (rs: Range[]): number => rs.reduce((n, r) => n + r.to - r.from, 0);
  const shared = (a: Range[], b: Range[]): number => {
    let n = 0;
    for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.to, y.to) - Math.max(x.from, y.from));
    return n;
  };
  // "“...,” Lavrov told reporters, TASS has learned": a chain where the outer attribution only relays the
  // inner one, whose content opens where the outer's does; the inner one names the speaker and stays.
  const relays = (a: Attribution, b: Attribution): boolean => a.content[0].from === b.content[0].from;
  const dropped = new Set<Attribution>();
  for (const a of attributions) {
    if (!a.cue || dropped.has(a)) continue;
    const outer = attributions.find((b) => b !== a && !dropped.has(b) && holds(b, a.cue!.from) &&
      shared(a.content, b.content) >= NESTED_SHARE * size(a.content) && !relays(a, b));
    if (!outer || splitAtClause(doc, outer, a)) continue;
    // The likelier of the two stands: a weak cue's content may have run over a real attribution.
    dropped.add((score.get(outer) ?? Infinity) < (score.get(a) ?? Infinity) - NESTED_MARGIN ? outer : a);
  }
  for (const a of dropped) attributions.splice(attributions.indexOf(a), 1);
}

/**
 * "..., Ryabkov, who has arrived for the talks on security guarantees, said in an interview": a cue inside the
 * words between another attribution's speaker and its cue describes the speaker; its content runs on into
 * that cue and is no statement of its own.
 */
function dropInSubject(attributions: Attribution[]): void {
  const inSubject = attributions.filter((a) => a.cue && attributions.some((b) => b !== a && b.cue && b.source &&
    b.source.to <= a.cue!.from && a.cue!.to <= b.cue.from && holds(a, b.cue.from)));
  for (const a of inSubject) attributions.splice(attributions.indexOf(a), 1);
}

/**
 * "..., Lavrov told reporters on Wednesday, TASS has learned": an attribution whose content holds another one's
 * speaker and cue, and nothing after them, passes that one on and says nothing of its own. Run before overlaps
 * are settled and again after (settling can leave the relay holding just the speaker and cue).
 */
function dropRelays(attributions: Attribution[]): void {
  const within = (r: Range, b: Attribution): boolean => b.content.some((x) => x.from <= r.from && r.to <= x.to);
  const relays = attributions.filter((b) => b.cue && attributions.some((a) => {
    if (a === b || !a.cue || !a.source || !holds(b, a.cue.from) || !holds(b, a.source.from)) return false;
    // Its content is elsewhere ("..., Lavrov told reporters, TASS has learned" once the shared words are settled),
    if (!a.content.some((r) => holds(b, r.from))) return true;
    // or inside, with the relaying cue after all of it (unlike "X said that Y claimed Z", whose cue comes first).
    return a.content.every((r) => within(r, b)) && b.cue!.from >= Math.max(a.cue.to, ...a.content.map((r) => r.to));
  }));
  for (const b of relays) attributions.splice(attributions.indexOf(b), 1);
}

/**
 * Contents that overlap without one holding the other's cue (a weak cue whose content ran on into the next
 * quotation, which a real cue also governs): the likelier attribution keeps the shared words, the other
 * keeps the rest, or goes when no word is left.
 */
function resolveOverlaps(doc: QuoteDoc, attributions: Attribution[], score: ReadonlyMap<Attribution, number>): void {
  const claimed = new Uint8Array(doc.tokens.length);
  const order = [...attributions].sort((a, b) => (score.get(b) ?? Infinity) - (score.get(a) ?? Infinity));
  for (const a of order) {
    const pieces: Range[] = [];
    for (const r of a.content) {
      if (claimed.subarray(r.from, r.to).indexOf(1) < 0) {
        pieces.push(r);
        continue;
      }
      let from = r.from;
      for (let i = r.from; i <= r.to; i++) {
        if (i < r.to && !claimed[i]) continue;
        const kept = i > from ? trimRange(doc.tokens, { from, to: i }) : null;
        if (kept) pieces.push(kept);
        from = i + 1;
      }
    }
    if (pieces.length === 0) {
      attributions.splice(attributions.indexOf(a), 1);
      continue;
    }
    a.content = pieces;
    for (const r of pieces) claimed.fill(1, r.from, r.to);
  }
}

/** Words that may stand between a clause break and a following attribution's subject or cue (", though she acknowledged"). */
const CLAUSE_OPENERS = new Set([
  'though', 'although', 'but', 'and', 'while', 'even', 'as', 'whereas', 'yet', 'also', 'so', 'when', 'because', 'then',
]);
const CLAUSE_BREAKS = new Set([',', ';', '—', '―', '–', '--']);
/** Fewest words an outer content keeps before a clause break for the break to end it. */
const MIN_OUTER_WORDS = 3;

/**
 * "X said A, though she acknowledged B" / "urged A, encouraging B": an attribution inside another's content that
 * opens a clause of its own after a break ends the outer content there, and both stand. Returns false when
 * the inner one is not set off that way (a reported "X said that Y claimed Z").
 */
function splitAtClause(doc: QuoteDoc, outer: Attribution, inner: Attribution): boolean {
  const { tokens } = doc;
  let start = inner.cue!.from;
  if (inner.source && inner.source.from < start) start = inner.source.from;
  const part = outer.content.findIndex((r) => r.from <= start && start < r.to);
  if (part < 0 || start <= outer.content[part].from || doc.quoteOf[start] >= 0) return false;
  const r = outer.content[part];
  let k = start - 1;
  while (k > r.from && tokens[k].kind === 'word' && CLAUSE_OPENERS.has(tokens[k].lower)) k--;
  if (!CLAUSE_BREAKS.has(tokens[k].text)) return false;
  let words = 0;
  for (let i = r.from; i < k; i++) if (tokens[i].kind === 'word') words++;
  if (words < MIN_OUTER_WORDS) return false;
  const kept = trimRange(tokens, { from: r.from, to: k });
  if (!kept) return false;
  outer.content.splice(part, outer.content.length - part, kept);
  return true;
}

function covered(doc: QuoteDoc, attributions: Attribution[]): Uint8Array {
  const mask = new Uint8Array(doc.tokens.length);
  for (const a of attributions) for (const r of a.content) for (let i = r.from; i < r.to; i++) mask[i] = 1;
  return mask;
}

function addUnclaimedQuotations(doc: QuoteDoc, attributions: Attribution[]): void {
  const mask = covered(doc, attributions);
  const byPosition = [...attributions].sort((a, b) => a.content[0].from - b.content[0].from);
  for (let q = 0; q < doc.quotations.length; q++) {
    const r = doc.quoteTokens[q];
    if (r.from < 0) continue;
    let claimed = 0;
    for (let i = r.from; i < r.to; i++) claimed += mask[i];
    if (claimed > (r.to - r.from) / 2) continue;
    if (quotationWords(doc, q) < MIN_STANDALONE_WORDS && !isWholeSentence(doc, r)) continue;
    if (isTitle(doc, r)) continue;
    const previous = lastBefore(byPosition, r.from);
    const para = doc.tokens[r.from].paragraph;
    const host = continuationHost(doc, byPosition, r);
    if (host) {
      host.content.push({ from: r.from, to: r.to });
      continue;
    }
    const source = dashSource(doc, r) ?? nextSource(byPosition, r.to, doc, para) ?? previous?.source ?? null;
    const a: Attribution = { cue: null, source, content: [{ from: r.from, to: r.to }] };
    attributions.push(a);
    byPosition.push(a);
    byPosition.sort((x, y) => x.content[0].from - y.content[0].from);
  }
}

/** Transcript style: a quotation opening with an upper-case speaker label ("PENCE: Well, look, ..."). */
function transcriptLabel(doc: QuoteDoc, r: Range): Range | null {
  const { tokens } = doc;
  let i = r.from + (isMark(tokens[r.from]) ? 1 : 0);
  const from = i;
  while (i < r.to && i < from + 3 && tokens[i].kind === 'word' && /^\p{Lu}{2,}$/u.test(tokens[i].text)) i++;
  return i > from && tokens[i]?.text === ':' ? { from, to: i } : null;
}

const DASHES = new Set(['—', '―', '–', '-', '--']);

/** "“...” — Jane Doe": a dash and a name after a quotation at the end of its paragraph. */
function dashSource(doc: QuoteDoc, r: Range): Range | null {
  const dash = doc.tokens[r.to];
  if (!dash || !DASHES.has(dash.text) || dash.paragraph !== doc.tokens[r.to - 1].paragraph) return null;
  const np = forwardNP(doc, r.to + 1, doc.sentences[dash.sentence].to);
  return np;
}

/**
 * The attribution a later quotation of its paragraph continues ("“A,” said Caddell, speaking of X. “B.”"; "A, Schiff
 * said. “B.”"): the nearest earlier one with a cue whose content is a quotation or stands before its cue.
 * Participles hanging on it (which share its speaker) and side clauses of its sentence are passed over; any other
 * attribution in between, or a quotation no cue claimed, means the later quotation is not a continuation.
 */
function continuationHost(doc: QuoteDoc, byPosition: Attribution[], r: Range): Attribution | null {
  const para = doc.tokens[r.from].paragraph;
  let side = -1;
  for (let k = byPosition.length - 1; k >= 0; k--) {
    const a = byPosition[k];
    if (a.content[0].from >= r.from) continue;
    const last = lastPart(a);
    if (last.to > r.from || doc.tokens[last.to - 1].paragraph !== para) return null;
    if (!a.cue) return null;
    if (a.inherits) continue;
    const sentence = doc.tokens[a.cue.from].sentence;
    if (side >= 0 && sentence !== side) return null;
    if (isMark(doc.tokens[last.to - 1]) || a.cue.from >= last.to) return a;
    // A side clause of the speaker's sentence ("said Don Fowler, who ... has backed Hillary Clinton") is passed over.
    side = sentence;
  }
  return null;
}

function lastPart(a: Attribution): Range {
  return a.content[a.content.length - 1];
}

function lastBefore(list: Attribution[], pos: number): Attribution | null {
  let best: Attribution | null = null;
  for (const a of list) if (a.content[0].from < pos) best = a;
  return best;
}

function nextSource(list: Attribution[], pos: number, doc: QuoteDoc, para: number): Range | null {
  for (const a of list) {
    if (a.content[0].from >= pos && a.source && doc.tokens[a.content[0].from].paragraph === para) return a.source;
  }
  return null;
}

/** Short words that stay lower-case in a title ("Legend in the Coal Fields"). */
const TITLE_FUNCTION_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs.']);

/**
 * A quotation in title case is a name or a heading, not speech: a title in running text ("the anthem 'A Change
 * Is Gonna Come,'", "On Tuesday's episode of “The Steve Harvey Morning Show,”") or a subheading that fills its
 * paragraph ("'All Bets Are Off.'"). A quoted phrase in a title-case headline is not set off this way.
 */
function isTitle(doc: QuoteDoc, r: Range): boolean {
  const { tokens } = doc;
  let words = 0;
  for (let i = r.from; i < r.to; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    words++;
    if (!/^[\p{Lu}\p{N}]/u.test(t.text) && !(words > 1 && TITLE_FUNCTION_WORDS.has(t.lower))) return false;
  }
  if (words < 2) return false;
  const para = tokens[r.from].paragraph;
  let before = r.from - 1;
  while (before >= 0 && tokens[before].kind === 'punct' && tokens[before].paragraph === para) before--;
  let after = r.to;
  while (after < tokens.length && tokens[after].kind === 'punct' && tokens[after].paragraph === para) after++;
  const ownParagraph = (before < 0 || tokens[before].paragraph !== para) && (after === tokens.length || tokens[after].paragraph !== para);
  return ownParagraph || before >= 0 && tokens[before].paragraph === para && /^\p{Ll}/u.test(tokens[before].text);
}

function isWholeSentence(doc: QuoteDoc, r: Range): boolean {
  const s = doc.sentences[doc.tokens[r.from].sentence];
  return r.from <= s.from + 1 && r.to >= s.to - 1;
}

function charSpan(doc: QuoteDoc, r: Range): Span {
  let { from, to } = r;
  // Quotation marks at both ends are not part of what was said.
  if (to - from > 2 && isMark(doc.tokens[from]) && isMark(doc.tokens[to - 1])) { from++; to--; }
  return { start: doc.tokens[from].start, end: doc.tokens[to - 1].end };
}

function textSpan(doc: QuoteDoc, r: Range): TextSpan {
  const start = doc.tokens[r.from].start;
  const end = doc.tokens[r.to - 1].end;
  return { start, end, text: doc.text.slice(start, end) };
}

function kindOf(doc: QuoteDoc, parts: Range[]): QuoteKind {
  let quoted = 0;
  let words = 0;
  for (const r of parts) {
    for (let i = r.from; i < r.to; i++) {
      if (doc.tokens[i].kind !== 'word') continue;
      words++;
      if (doc.quoteOf[i] >= 0) quoted++;
    }
  }
  if (quoted === 0) return 'indirect';
  return quoted === words ? 'direct' : 'mixed';
}

function toMention(doc: QuoteDoc, a: Attribution, sources: Range[], confidence: number | null): QuoteMention {
  const parts = a.content.map((r) => charSpan(doc, r));
  const start = Math.min(...parts.map((p) => p.start));
  const end = Math.max(...parts.map((p) => p.end));
  const speaker = a.source ? textSpan(doc, a.source) : null;
  const cue = a.cue ? textSpan(doc, a.cue) : null;
  return {
    start, end, text: doc.text.slice(start, end), kind: kindOf(doc, a.content), parts,
    cue: cue?.text ?? null,
    cueSpan: cue ? { start: cue.start, end: cue.end } : null,
    speaker,
    speakerAntecedent: a.source ? speakerAntecedent(doc, a.source, sources) : null,
    confidence: confidence === null ? null : Math.round(confidence * 1000) / 1000,
  };
}

/** Two cues that led to the same content (a verb phrase read as two cues) give one quote. */
function dedupe(mentions: QuoteMention[]): QuoteMention[] {
  const out: QuoteMention[] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    const key = m.parts.map((p) => `${p.start}-${p.end}`).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

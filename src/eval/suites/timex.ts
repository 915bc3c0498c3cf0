// Timex suite: TempEval-3 Task A (strict/relaxed span F1, value F1) of findTimexes over TimeML files, anchored at each file's creation time.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findTimexes } from '../../pipeline/time/timex.ts';
import { f1, round, type EvalResult } from '../metrics.ts';

export interface GoldTimex { start: number; end: number; value: string; type: string }

export interface TimeMlDocument {
  /** Document creation time: the value of the TIMEX3 whose functionInDocument is CREATION_TIME. */
  dct: string | null;
  /** The <TEXT> body with every tag removed and entities decoded; gold offsets point into it. */
  text: string;
  /** TIMEX3 elements inside <TEXT> (the creation time sits outside it, in <DCT>, and is not a target). */
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*"([^"]*)"/g)) out[m[1]] = decodeEntities(m[2]);
  return out;
}

/** Reads one TimeML file into plain text with gold TIMEX3 offsets. */
export function parseTimeMl(xml: string): TimeMlDocument {
  let dct: string | null = null;
  for (const m of xml.matchAll(/<TIMEX3\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.functionInDocument === 'CREATION_TIME') { dct = a.value ?? null; break; }
  }
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: Array<{ start: number; value: string; type: string }> = [];
  let pos = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z0-9]+)\b[^>]*?(\/?)>/g)) {
    text += decodeEntities(body.slice(pos, m.index));
    pos = m.index + m[0].length;
    if (m[2] !== 'TIMEX3') continue;
    if (m[1]) {
      const t = open.pop();
      if (t) timexes.push({ start: t.start, end: text.length, value: t.value, type: t.type });
    } else if (!m[3]) {
      const a = attributes(m[0]);
      open.push({ start: text.length, value: a.value ?? '', type: a.type ?? '' });
    }
  }
  text += decodeEntities(body.slice(pos));
  timexes.sort((a, b) => a.start - b.start);
  return { dct, text, timexes };
}

function tmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .map((f) => join(dir, f));
}

interface Counts { gold: number; predicted: number; strict: number; relaxed: number; value: number }

interface Span { start: number; end: number; value: string }

/** TempEval-3 counts for one document: exact spans, overlapping spans (one-to-one), and values on overlapping pairs. */
export function scoreDocument(gold: Span[], predicted: Span[]): Counts {
  const counts: Counts = { gold: gold.length, predicted: predicted.length, strict: 0, relaxed: 0, value: 0 };
  const exact = new Set(gold.map((g) => `${g.start}:${g.end}`));
  for (const p of predicted) if (exact.has(`${p.start}:${p.end}`)) counts.strict++;
  const used = new Set<number>();
  for (const g of gold) {
    let best = -1, bestOverlap = 0;
    predicted.forEach((p, i) => {
      if (used.has(i)) return;
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > bestOverlap) { best = i; bestOverlap = overlap; }
    });
    if (best < 0) continue;
    used.add(best);
    counts.relaxed++;
    if (predicted[best].value === g.value) counts.value++;
  }
  return counts;
}

export async function run(dir: string): Promise<EvalResult> {
  const files = tmlFiles(dir);
  const total: Counts = { gold: 0, predicted: 0, strict: 0, relaxed: 0, value: 0 };
  const perFile: Record<string, Record<string, number>> = {};
  for (const file of files) {
    const doc = parseTimeMl(readFileSync(file, 'utf8'));
    const predicted = findTimexes(doc.text, { date: doc.dct });
    const c = scoreDocument(doc.timexes, predicted);
    for (const k of Object.keys(total) as Array<keyof Counts>) total[k] += c[k];
    perFile[file.slice(dir.length).replace(/^\/+/, '')] = {
      gold: c.gold, predicted: c.predicted,
      value_f1: round(f1(c.predicted ? c.value / c.predicted : 0, c.gold ? c.value / c.gold : 0)),
    };
  }
  const p = (n: number): number => (total.predicted ? n / total.predicted : 0);
  const r = (n: number): number => (total.gold ? n / total.gold : 0);
  return {
    suite: 'timex',
    n: files.length,
    metrics: {
      strict_f1: round(f1(p(total.strict), r(total.strict))),
      relaxed_f1: round(f1(p(total.relaxed), r(total.relaxed))),
      value_f1: round(f1(p(total.value), r(total.value))),
      strict_precision: round(p(total.strict)),
      strict_recall: round(r(total.strict)),
      relaxed_precision: round(p(total.relaxed)),
      relaxed_recall: round(r(total.relaxed)),
      value_precision: round(p(total.value)),
      value_recall: round(r(total.value)),
    },
    files: perFile,
  };
}

// Reader for attribution annotations in BRAT standoff (PolNeAR layout), used by training and evaluation.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span, TextSpan } from './types.ts';

export interface GoldAttribution {
  /** Content fragments (discontinuous when the attribution interrupts the content). */
  content: Span[];
  cue: Span[] | null;
  source: Span[] | null;
}

export interface AnnotatedText {
  name: string;
  text: string;
  /** One attribution list per annotator file covering this text. */
  annotations: Array<{ annotator: string; attributions: GoldAttribution[] }>;
}

const SPAN_LINE = /^(T\d+)\t(\S+) ([\d; ]+)\t/;
const EVENT_LINE = /^E\d+\t(.*)$/;

/** Parses one `.ann` file: `T` lines are labelled spans, `E Attribution:.. Source:.. Cue:.. Content:..` link them. */
export function parseAnn(source: string): GoldAttribution[] {
  const spans = new Map<string, { label: string; frags: Span[] }>();
  const events: Array<Record<string, string>> = [];
  for (const line of source.split('\n')) {
    const t = SPAN_LINE.exec(line);
    if (t) {
      const frags = t[3].split(';').map((p) => {
        const [start, end] = p.trim().split(/\s+/).map(Number);
        return { start, end };
      });
      spans.set(t[1], { label: t[2], frags });
      continue;
    }
    const e = EVENT_LINE.exec(line);
    if (e) {
      const roles: Record<string, string> = {};
      for (const part of e[1].trim().split(/\s+/)) {
        const [role, id] = part.split(':');
        if (role && id) roles[role] = id;
      }
      events.push(roles);
    }
  }
  const out: GoldAttribution[] = [];
  for (const ev of events) {
    const content = ev.Content ? spans.get(ev.Content)?.frags : undefined;
    if (!content) continue;
    out.push({
      content,
      cue: (ev.Cue && spans.get(ev.Cue)?.frags) || null,
      source: (ev.Source && spans.get(ev.Source)?.frags) || null,
    });
  }
  return out;
}

/** Every text of a folder laid out as `text/<name>.txt` + `attributions/<name>_<annotator>.ann`. */
export function readAnnotatedFolder(dir: string): AnnotatedText[] {
  const names = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  const annFiles = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann'));
  const byText = new Map<string, string[]>();
  for (const f of annFiles) {
    const base = f.slice(0, -4);
    const cut = base.lastIndexOf('_');
    const name = base.slice(0, cut);
    const list = byText.get(name) ?? [];
    list.push(f);
    byText.set(name, list);
  }
  return names.map((name) => ({
    name,
    text: readFileSync(join(dir, 'text', `${name}.txt`), 'utf8'),
    annotations: (byText.get(name) ?? []).sort().map((f) => ({
      annotator: f.slice(name.length + 1, -4),
      attributions: parseAnn(readFileSync(join(dir, 'attributions', f), 'utf8')),
    })),
  }));
}

export function spanText(text: string, span: Span): TextSpan {
  return { ...span, text: text.slice(span.start, span.end) };
}

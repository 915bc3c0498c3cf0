// Server-side SVG charts: a story's timeline on a time axis, and each outlet's articles per day.
import type { TimelineEntry } from '../pipeline/story/assemble.ts';
import { html, type SafeHtml } from './html.ts';
import type { Translator } from './i18n/index.ts';

const DAY_MS = 86_400_000;
/** Chart width in user units; the SVG scales to its container, so this sets proportions and text size. */
const WIDTH = 960;
/** Space at each end of the axis so marks on the first and last day are not cut in half. */
const PAD = 28;
/** Events drawn on one day before the rest are summarised as "+n": keeps busy days from towering. */
const MAX_STACK = 8;
const STACK_STEP = 16;
/** About this many axis labels fit across the chart without overlapping in any UI language. */
const TARGET_TICKS = 8;
/** Outlets drawn in the coverage chart; the table below it lists them all. */
export const MAX_COVERAGE_ROWS = 12;
const ROW_HEIGHT = 26;
const LABEL_WIDTH = 190;
/** Characters of an event's sentence in its mark's label; the list below the chart has the whole sentence. */
const MARK_LABEL_CHARS = 90;
/** Outlet names longer than this are cut in the chart label (the full name is in its <title>). */
const LABEL_CHARS = 26;

/** Day number since the epoch of an ISO date or datetime ("2022-01-10", "2022-01" → the 1st, "2022" → 1 January). */
export function dayOf(iso: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  return Number.isNaN(t) ? null : Math.floor(t / DAY_MS);
}

/** A linear day → x scale over [first, last], mirrored for right-to-left pages so time runs the way the page reads. */
function timeScale(first: number, last: number, x0: number, x1: number, rtl: boolean) {
  const span = Math.max(1, last - first);
  return (day: number) => {
    const f = (day - first) / span;
    return Math.round((rtl ? x1 - f * (x1 - x0) : x0 + f * (x1 - x0)) * 10) / 10;
  };
}

/** Tick days: every k days for short spans, first of each k-th month for long ones. */
function ticks(first: number, last: number): { days: number[]; unit: 'day' | 'month' } {
  const span = last - first;
  if (span <= 120) {
    const step = Math.max(1, Math.ceil(span / TARGET_TICKS));
    const days: number[] = [];
    for (let d = first; d <= last; d += step) days.push(d);
    return { days, unit: 'day' };
  }
  const start = new Date(first * DAY_MS);
  const months = Math.ceil(span / 30);
  const step = Math.max(1, Math.ceil(months / TARGET_TICKS));
  const days: number[] = [];
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth() + 1; ; m += step) {
    const d = Math.floor(Date.UTC(y, m, 1) / DAY_MS);
    if (d > last) break;
    days.push(d);
  }
  return { days, unit: 'month' };
}

function axis(first: number, last: number, x: (d: number) => number, y: number, t: Translator): SafeHtml {
  const { days, unit } = ticks(first, last);
  return html`<g class="axis" aria-hidden="true"><line x1="${PAD}" x2="${WIDTH - PAD}" y1="${y}" y2="${y}"/>${days.map((d) => html`
    <line x1="${x(d)}" x2="${x(d)}" y1="${y}" y2="${y + 5}"/><text x="${x(d)}" y="${y + 20}" text-anchor="middle">${t.axis(new Date(d * DAY_MS), unit)}</text>`)}</g>`;
}

/**
 * The timeline as a picture: one mark per event at its date, stacked on busy days, each a link to the event in
 * the list below (which links its sources). Month- and year-precision events are drawn hollow at the period's start.
 */
export function timelineSvg(entries: TimelineEntry[], t: Translator, anchor: (index: number) => string): SafeHtml | null {
  const placed = entries.map((e, i) => ({ e, i, day: dayOf(e.date) })).filter((p): p is { e: TimelineEntry; i: number; day: number } => p.day !== null);
  if (!placed.length) return null;
  const first = Math.min(...placed.map((p) => p.day)) - 1;
  const last = Math.max(...placed.map((p) => p.day)) + 1;
  const byDay = new Map<number, typeof placed>();
  for (const p of placed) byDay.set(p.day, [...(byDay.get(p.day) ?? []), p]);
  const tallest = Math.min(MAX_STACK, Math.max(...[...byDay.values()].map((v) => v.length)));
  const baseline = 20 + tallest * STACK_STEP + (tallest < [...byDay.values()].reduce((m, v) => Math.max(m, v.length), 0) ? 14 : 0);
  const height = baseline + 34;
  const x = timeScale(first, last, PAD, WIDTH - PAD, t.dir === 'rtl');
  const marks: SafeHtml[] = [];
  for (const [day, group] of byDay) {
    group.slice(0, MAX_STACK).forEach((p, k) => {
      const text = p.e.text.length > MARK_LABEL_CHARS ? `${p.e.text.slice(0, MARK_LABEL_CHARS - 1)}…` : p.e.text;
      const label = `${t.date(p.e.date)} · ${t.t(`event.${p.e.kind}`)}: ${text} (${t.n('count.sources', p.e.sources.length)})`;
      marks.push(html`<a href="${anchor(p.i)}" aria-label="${label}"><circle class="mark kind-${p.e.kind}${p.e.precision !== 'day' ? ' vague' : ''}${p.e.scheduled ? ' scheduled' : ''}" cx="${x(day)}" cy="${baseline - 8 - k * STACK_STEP}" r="${Math.min(7, 4 + p.e.sources.length)}"><title>${label}</title></circle></a>`);
    });
    if (group.length > MAX_STACK) {
      marks.push(html`<text class="more" x="${x(day)}" y="${baseline - 8 - MAX_STACK * STACK_STEP}" text-anchor="middle">+${t.num(group.length - MAX_STACK)}</text>`);
    }
  }
  return html`<svg class="chart timeline-chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" aria-labelledby="timeline-chart-title" focusable="false">
<title id="timeline-chart-title">${t.t('story.timelineChart')}</title>
${axis(first, last, x, baseline, t)}
<g class="marks">${marks}</g></svg>`;
}

export interface CoverageRow {
  outlet: string;
  /** ISO dates (or datetimes) of the outlet's dated articles in the story. */
  dates: string[];
}

/** Articles per day for each outlet: one strip per outlet, a bar per day scaled to the busiest day of any outlet. */
export function coverageSvg(rows: CoverageRow[], t: Translator): SafeHtml | null {
  const shown = rows.slice(0, MAX_COVERAGE_ROWS).map((r) => {
    const perDay = new Map<number, number>();
    for (const d of r.dates) {
      const day = dayOf(d);
      if (day !== null) perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    return { outlet: r.outlet, perDay };
  });
  const days = shown.flatMap((r) => [...r.perDay.keys()]);
  if (!days.length) return null;
  const first = Math.min(...days) - 1;
  const last = Math.max(...days) + 1;
  const busiest = Math.max(...shown.flatMap((r) => [...r.perDay.values()]));
  const rtl = t.dir === 'rtl';
  // The label column sits at the start side: left in LTR pages, right in RTL ones.
  const x0 = rtl ? PAD : LABEL_WIDTH;
  const x1 = rtl ? WIDTH - LABEL_WIDTH : WIDTH - PAD;
  const x = timeScale(first, last, x0, x1, rtl);
  const barWidth = Math.max(2, Math.min(14, ((x1 - x0) / Math.max(1, last - first)) * 0.7));
  const height = shown.length * ROW_HEIGHT + 40;
  const labelX = rtl ? WIDTH - 8 : 8;
  const strips = shown.map((r, i) => {
    const top = 8 + i * ROW_HEIGHT;
    const name = r.outlet.length > LABEL_CHARS ? `${r.outlet.slice(0, LABEL_CHARS - 1)}…` : r.outlet;
    return html`<g class="strip"><text class="label" x="${labelX}" y="${top + ROW_HEIGHT / 2 + 4}" text-anchor="start"><title>${r.outlet}</title>${name}</text>
<line class="row-base" x1="${x0}" x2="${x1}" y1="${top + ROW_HEIGHT - 4}" y2="${top + ROW_HEIGHT - 4}"/>${[...r.perDay].map(([day, n]) => {
      const h = Math.max(2, Math.round(((ROW_HEIGHT - 8) * n) / busiest));
      return html`<rect class="bar" x="${x(day) - barWidth / 2}" y="${top + ROW_HEIGHT - 4 - h}" width="${barWidth}" height="${h}"><title>${r.outlet}: ${t.date(new Date(day * DAY_MS).toISOString().slice(0, 10))}, ${t.n('count.articles', n)}</title></rect>`;
    })}</g>`;
  });
  // A narrower axis than the timeline's: it spans the plot area only.
  const { days: tickDays, unit } = ticks(first, last);
  const axisY = shown.length * ROW_HEIGHT + 8;
  return html`<svg class="chart coverage-chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" aria-labelledby="coverage-chart-title" focusable="false">
<title id="coverage-chart-title">${t.t('story.coverageChart')}</title>
${strips}
<g class="axis" aria-hidden="true"><line x1="${x0}" x2="${x1}" y1="${axisY}" y2="${axisY}"/>${tickDays.map((d) => html`<line x1="${x(d)}" x2="${x(d)}" y1="${axisY}" y2="${axisY + 5}"/><text x="${x(d)}" y="${axisY + 20}" text-anchor="middle">${t.axis(new Date(d * DAY_MS), unit)}</text>`)}</g></svg>`;
}

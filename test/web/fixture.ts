// A small story written through the Store interface (no pipeline run): articles, analyses, membership, story row.
// Outlet names and a title carry markup on purpose, so every page test also tests escaping.
import { createHash } from 'node:crypto';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config/options.ts';
import type { ArticleUnderstanding } from '../../src/pipeline/run.ts';
import { indexOf } from '../../src/services/stories.ts';
import type { NewArticle } from '../../src/storage/store.ts';

export const HOSTILE_TITLE = '<script>alert("t")</script> Talks end';
export const HOSTILE_OUTLET = 'Evening "Post" <img src=x onerror=alert(1)>';

interface Spec {
  title: string;
  outlet: string;
  language: string;
  published: string | null;
  text: string;
  url?: string | null;
  duplicateOf?: number;
  /** Quotes by substring: [speaker name or null, quoted text, kind, the quote filter's confidence if recorded]. */
  quotes?: Array<[string | null, string, 'direct' | 'indirect', number?]>;
  /** Dated events: [date, kind, sentence]. */
  events?: Array<[string, 'meeting' | 'statement', string]>;
}

const PETROVA = { key: 'PER:anna petrova', name: 'Anna Petrova', role: 'Deputy Minister', type: 'PER' as const };

export const ARTICLES: Spec[] = [
  {
    title: 'Ministers meet in Geneva for security talks', outlet: 'Wire One', language: 'en', published: '2022-01-10T09:00:00Z',
    url: 'https://wire.example/geneva-talks',
    text: 'Ministers met in Geneva on Monday for security talks.\n\n"We are ready to listen," Anna Petrova said after the meeting.\n\nThe talks will continue in Brussels.',
    quotes: [['Anna Petrova', 'We are ready to listen,', 'direct']],
    events: [['2022-01-10', 'meeting', 'Ministers met in Geneva on Monday for security talks.']],
  },
  {
    title: HOSTILE_TITLE, outlet: HOSTILE_OUTLET, language: 'en', published: '2022-01-12',
    url: 'javascript:alert(1)',
    text: 'Anna Petrova said the talks had ended without agreement.\n\nOfficials in Brussels met on Wednesday.',
    quotes: [['Anna Petrova', 'the talks had ended without agreement', 'indirect', 0.42]],
    events: [['2022-01-12', 'meeting', 'Officials in Brussels met on Wednesday.']],
  },
  {
    title: 'Переговоры в Женеве', outlet: 'Вестник', language: 'ru', published: '2022-01-11',
    text: 'Министры встретились в Женеве.\n\nПереговоры продолжатся.',
    events: [['2022-01-10', 'meeting', 'Министры встретились в Женеве.']],
  },
  {
    title: 'Ministers meet in Geneva for security talks (reprint)', outlet: 'Daily Copy', language: 'en', published: '2022-01-10',
    text: 'Ministers met in Geneva on Monday for security talks.\n\n"We are ready to listen," Anna Petrova said after the meeting.',
    duplicateOf: 1,
  },
];

function analysis(s: Spec): ArticleUnderstanding {
  const quotes = (s.quotes ?? []).map(([speaker, text, kind, confidence]) => {
    const start = s.text.indexOf(text);
    if (start < 0) throw new Error(`fixture quote not in text: ${text}`);
    return { text, kind, cue: 'said', mention: speaker, speaker: speaker ? PETROVA : null, start, end: start + text.length, confidence };
  });
  const events = (s.events ?? []).map(([date, kind, sentence]) => {
    const start = s.text.indexOf(sentence);
    return {
      date, precision: 'day' as const, time: null, kind, trigger: 'met', place: 'Geneva', participants: [], sentence,
      start, end: start + sentence.length, timex: 'Monday', scheduled: false,
    };
  });
  const petrova = s.text.includes('Anna Petrova')
    ? [{ id: PETROVA.key, type: 'PER' as const, name: PETROVA.name, aliases: [], role: PETROVA.role, affiliation: null, gender: 'female' as const, mentions: [] }]
    : [];
  return { entities: petrova, quotes, events };
}

/** An app over an in-memory SQLite store holding one story of four articles (one a near-duplicate). */
export async function fixtureApp(): Promise<App> {
  const app = await createApp(loadConfig({}, { db: ':memory:', databaseUrl: '' }));
  const ids: number[] = [];
  for (const [i, s] of ARTICLES.entries()) {
    const bytes = Buffer.from(s.text);
    const { id: rawId } = await app.store.saveRaw(
      { input: `fixture/${i}.txt`, url: s.url ?? null, bytes, contentType: 'text/plain', fetchedAt: '2022-02-01T00:00:00Z' },
      createHash('sha256').update(bytes).digest('hex'),
    );
    const a: NewArticle = {
      title: s.title, standfirst: null, byline: null, section: null, outlet: s.outlet, outletSource: "credit line 'Wire One'",
      dateline: null, language: s.language,
      published: s.published ? { value: s.published, source: 'dateline', confidence: 0.9, detail: 'dateline, year inferred from weekday' } : null,
      text: s.text, format: 'text', input: `fixture/${i}.txt`, url: s.url ?? null, canonicalUrl: null,
      contentHash: createHash('sha256').update(s.text).digest('hex'), simhash: (i + 1).toString(16).padStart(16, '0'),
      duplicateOf: s.duplicateOf ?? null, duplicateReason: s.duplicateOf ? 'near' : null, fetchedAt: '2022-02-01T00:00:00Z',
    };
    const { article } = await app.store.insertArticle(rawId, a);
    ids.push(article.id);
    const u = analysis(s);
    await app.store.saveAnalysis(article.id, u, indexOf(u));
    await app.store.setMembership({ articleId: article.id, storyId: 1, score: 1, reasons: ['fixture'] });
  }
  await app.store.upsertStory({
    id: 1, title: ARTICLES[0].title, articleCount: ARTICLES.length, outlets: [...new Set(ARTICLES.map((a) => a.outlet))].sort(),
    languages: ['en', 'ru'], first: '2022-01-10', last: '2022-01-12', updatedAt: '2022-02-01T00:00:00Z',
  });
  return app;
}

// In-document resolution: people with their roles, and the surnames, titles and pronouns that refer back to them.
import { classesOf, firstNameGender, placeOfNationality } from './gazetteer.ts';
import { normalizeWord } from './features.ts';
import { entityKey, foldTransliteration } from './key.ts';
import {
  HONORIFICS, INSTITUTION_NAMES, NON_REFERRING_TITLES, PRONOUNS, REPORTING_VERBS, ROLE_HEADS, ROLE_MODIFIERS, TITLE_DESCRIPTIVE,
  TITLE_FAMILIES, TITLE_PREMODIFIERS, VAGUE_TITLES,
} from './lexicon.ts';
import { recognizeTokens, correctTypes } from './recognize.ts';
import { affiliationAfter, roleAfterName, roleBeforeName, type SentenceMention } from './roles.ts';
import { splitSentences, tokenize } from './tokenize.ts';
import type { DocEntity, EntityAnalysis, EntityType, Gender, MentionKind, ResolvedMention, Token } from './types.ts';

/** A pronoun refers back at most this many sentences; beyond that the reader has lost the thread. */
export const PRONOUN_MAX_SENTENCES = 3;
/** A title ("the minister") refers back at most this many sentences. */
export const TITLE_MAX_SENTENCES = 12;
/** Salience of a mention halves over this many sentences; titles go to the most salient compatible person. */
export const SALIENCE_HALF_LIFE = 4;
/** Salience added to a person whose stated role the title matches ("the minister" for a Foreign Minister). */
export const ROLE_MATCH_BONUS = 0.5;
/** Weight of a mention next to a reporting verb ("Gavrilov said"): speakers are what titles most often point back to. */
export const SPEAKER_WEIGHT = 2;

interface Mention extends SentenceMention {
  sentence: number;
  start: number;
  end: number;
  text: string;
}

interface Person {
  key: string;
  words: string[];
  name: string;
  surfaces: Set<string>;
  role: string | null;
  affiliation: string | null;
  gender: Gender | null;
  /** Where the person was last mentioned: sentence index and character offset. */
  lastSentence: number;
  lastStart: number;
  firstStart: number;
  /** Sentence and weight of every mention read so far, for salience. */
  mentionSentences: Array<[number, number]>;
}

interface Link {
  /** Salience weight: SPEAKER_WEIGHT for a speaker, else 1. */
  weight?: number;
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  sentence: number;
  person?: Person;
  other?: OtherEntity;
}

interface OtherEntity {
  key: string;
  type: EntityType;
  name: string;
  surfaces: Set<string>;
}

const lowerWord = (t: Token): string => normalizeWord(t.text).toLowerCase();
const foldedName = (w: string): string => foldTransliteration(normalizeWord(w).toLowerCase());

function genderOf(person: Person): Gender | null {
  return person.gender;
}

function compatible(a: Gender | null, b: Gender | null): boolean {
  return a === null || b === null || a === b;
}

/** People with their roles, and every mention resolved to an entity of the document. */
export function analyzeEntities(text: string): EntityAnalysis {
  const sentences = splitSentences(tokenize(text));
  const recognized = correctTypes(recognizeTokens(sentences), sentences);
  const mentions: Mention[] = recognized.map((m) => ({ ...m, text: text.slice(m.start, m.end) }));
  const bySentence: Mention[][] = sentences.map(() => []);
  for (const m of mentions) bySentence[m.sentence].push(m);

  const links: Link[] = [];
  const people = new Map<string, Person>();
  /** Token indices, per sentence, that belong to a title already read as a person's role. */
  const roleTokens = sentences.map(() => new Set<number>());

  // 1. Full names (two words or more) make people; titles around them give roles.
  const singles: Mention[] = [];
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    const tokens = sentences[m.sentence];
    const { first, gender: honorificGender, leadingRole } = stripLeadingTitle(tokens, m);
    const words = tokens.slice(first, m.last + 1).map((t) => t.text);
    const nameMention: Mention = { ...m, first, start: tokens[first].start, text: text.slice(tokens[first].start, m.end) };
    if (words.length < 2) {
      singles.push(nameMention);
      continue;
    }
    const name = words.join(' ');
    const key = entityKey('PER', name);
    let person = people.get(key);
    if (!person) {
      person = {
        key, words, name, surfaces: new Set(), role: null, affiliation: null,
        gender: honorificGender ?? firstNameGender(words[0]), lastSentence: m.sentence, lastStart: m.start, firstStart: m.start, mentionSentences: [],
      };
      people.set(key, person);
    }
    const role = roleBeforeName(tokens, bySentence[m.sentence], first) ?? roleAfterName(tokens, bySentence[m.sentence], m.last);
    if (role) for (let k = role.first; k <= role.last; k++) roleTokens[m.sentence].add(k);
    attachRole(person, role?.role ?? leadingRole, role?.affiliation ?? null, role?.gender ?? null);
    if (person.role && !person.affiliation) {
      const after = affiliationAfter(tokens, bySentence[m.sentence], m.last + 1);
      if (after) person.affiliation = after.name;
    }
    links.push({ start: nameMention.start, end: nameMention.end, text: nameMention.text, kind: 'name', sentence: m.sentence, person, weight: speakerWeight(tokens, first, m.last) });
    person.surfaces.add(nameMention.text);
  }

  // 2. Single names: a surname (or other part) of a full name is that person; otherwise a person of its own.
  // Names the tagger typed as something else join too when they match a known person's surname and are no place.
  const surnameOf = new Map<string, Person[]>();
  for (const p of people.values()) {
    const w = foldedName(p.words[p.words.length - 1]);
    surnameOf.set(w, [...(surnameOf.get(w) ?? []), p]);
  }
  const retyped = mentions.filter((m) => m.type !== 'PER' && m.first === m.last && surnameOf.has(foldedName(m.text))
    && classesOf(m.text).length === 0);
  for (const m of [...singles, ...retyped].sort((a, b) => a.start - b.start)) {
    const tokens = sentences[m.sentence];
    const w = foldedName(m.text);
    const candidates = surnameOf.get(w) ?? [...people.values()].filter((p) => p.words.some((x) => foldedName(x) === w));
    let person = nearest(candidates, m.start);
    let kind: MentionKind = 'partial';
    if (!person) {
      const key = entityKey('PER', m.text);
      person = people.get(key);
      if (!person) {
        person = {
          key, words: [m.text], name: m.text, surfaces: new Set(), role: null, affiliation: null, gender: null,
          lastSentence: m.sentence, lastStart: m.start, firstStart: m.start, mentionSentences: [],
        };
        people.set(key, person);
      }
      kind = 'name';
    }
    if (m.type === 'PER') {
      const role = roleBeforeName(tokens, bySentence[m.sentence], m.first) ?? roleAfterName(tokens, bySentence[m.sentence], m.last);
      if (role) for (let k = role.first; k <= role.last; k++) roleTokens[m.sentence].add(k);
      attachRole(person, role?.role ?? null, role?.affiliation ?? null, role?.gender ?? null);
    }
    person.surfaces.add(m.text);
    links.push({ start: m.start, end: m.end, text: m.text, kind, sentence: m.sentence, person, weight: speakerWeight(tokens, m.first, m.last) });
  }
  const retypedSet = new Set(retyped);

  // 3. Titles and pronouns, in reading order, refer back to the most recent compatible person.
  const nameLinks = links.slice().sort((a, b) => a.start - b.start);
  const references = findReferences(sentences, bySentence, roleTokens);
  const ordered = [...nameLinks.map((l) => ({ at: l.start, link: l, ref: null as Reference | null })),
    ...references.map((r) => ({ at: r.start, link: null as Link | null, ref: r as Reference | null }))].sort((a, b) => a.at - b.at);
  for (const p of people.values()) { p.lastStart = -1; p.lastSentence = -1; }
  const seen: Person[] = [];
  for (const item of ordered) {
    if (item.link?.person) {
      const p = item.link.person;
      p.lastStart = item.link.start;
      p.lastSentence = item.link.sentence;
      p.mentionSentences.push([item.link.sentence, item.link.weight ?? 1]);
      if (!seen.includes(p)) seen.push(p);
      continue;
    }
    const ref = item.ref!;
    const target = ref.kind === 'pronoun' ? resolvePronoun(ref, seen) : resolveTitle(ref, seen, people);
    if (!target) continue;
    if (ref.kind === 'pronoun' && target.gender === null) target.gender = ref.gender;
    if (ref.kind === 'title' && ref.cataphoric && !target.role) attachRole(target, ref.text.replace(/^the\s+/i, ''), null, ref.gender);
    if (!seen.includes(target)) seen.push(target);
    target.lastStart = ref.start;
    target.lastSentence = ref.sentence;
    target.mentionSentences.push([ref.sentence, 1]);
    links.push({ start: ref.start, end: ref.end, text: ref.text, kind: ref.kind, sentence: ref.sentence, person: target });
  }

  // 4. Organisations, places and other names: one entity per normalised name; acronyms join their long form.
  const others = new Map<string, OtherEntity>();
  const nonPerson = mentions.filter((m) => m.type !== 'PER' && !retypedSet.has(m));
  const typeOf = majorityTypes(nonPerson);
  const longForms = nonPerson.filter((m) => m.last > m.first && typeOf(m) === 'ORG');
  for (const m of nonPerson) {
    const type = typeOf(m);
    const longForm = isAcronymOf(m.text, longForms);
    const name = longForm?.text ?? m.text;
    const key = entityKey(type, name);
    let entity = others.get(key);
    if (!entity) others.set(key, (entity = { key, type, name, surfaces: new Set() }));
    entity.surfaces.add(m.text);
    links.push({ start: m.start, end: m.end, text: m.text, kind: 'name', sentence: m.sentence, other: entity });
  }

  return assemble(links);
}

/** A name right before a reporting verb ("Gavrilov said"), or right after one ("said Peskov"), is a speaker. */
function speakerWeight(tokens: Token[], first: number, last: number): number {
  const next = tokens[last + 1] ? lowerWord(tokens[last + 1]) : '';
  const prev = first > 0 ? lowerWord(tokens[first - 1]) : '';
  return REPORTING_VERBS.has(next) || REPORTING_VERBS.has(prev) ? SPEAKER_WEIGHT : 1;
}

/** Honorifics and capitalised role words that the tagger took into a name ("President Putin"). */
function stripLeadingTitle(tokens: Token[], m: Mention): { first: number; gender: Gender | null; leadingRole: string | null } {
  let first = m.first;
  let gender: Gender | null = null;
  const roleWords: string[] = [];
  while (first < m.last) {
    const w = lowerWord(tokens[first]);
    if (HONORIFICS.has(w)) {
      gender = HONORIFICS.get(w) ?? gender;
    } else if (ROLE_HEADS.has(w) || ROLE_MODIFIERS.has(w)) {
      roleWords.push(tokens[first].text);
    } else break;
    first++;
  }
  const leadingRole = roleWords.some((w) => ROLE_HEADS.has(w.toLowerCase())) ? roleWords.join(' ') : null;
  return { first, gender, leadingRole };
}

function attachRole(person: Person, role: string | null, affiliation: string | null, gender: Gender | null): void {
  if (role && !person.role) {
    person.role = role;
    if (affiliation) person.affiliation = affiliation;
  } else if (affiliation && !person.affiliation && role && person.role && role.toLowerCase() === person.role.toLowerCase()) {
    person.affiliation = affiliation;
  }
  if (gender && !person.gender) person.gender = gender;
}

/** The candidate mentioned last before `at`, else the first one mentioned after it. */
function nearest(candidates: Person[], at: number): Person | undefined {
  const before = candidates.filter((p) => p.firstStart <= at).sort((a, b) => b.firstStart - a.firstStart);
  if (before.length > 0) return before[0];
  return candidates.slice().sort((a, b) => a.firstStart - b.firstStart)[0];
}

interface Reference {
  kind: 'title' | 'pronoun';
  start: number;
  end: number;
  text: string;
  sentence: number;
  gender: Gender | null;
  /** Role head of a title ("minister"). */
  head: string | null;
  /** A title followed by ", Name" points forward to that name ("the Kremlin spokesman, Dmitry Peskov"). */
  cataphoric: Mention | null;
  /** Words of the title that name an office and must be in the person's role ("prime" in "the prime minister"). */
  office: string[];
  /** Place of a nationality in the title ("the Russian diplomat" → Russia), its adjective in lower case. */
  place: string | null;
  nationality: string | null;
}

/** Pronouns and definite titles ("the minister", "the senior Russian diplomat") outside quotations. */
function findReferences(sentences: Token[][], bySentence: Mention[][], roleTokens: Array<Set<number>>): Reference[] {
  const refs: Reference[] = [];
  sentences.forEach((tokens, si) => {
    let inQuote = false;
    for (let i = 0; i < tokens.length; i++) {
      const raw = normalizeWord(tokens[i].text);
      if (raw === '"') { inQuote = !inQuote; continue; }
      if (inQuote || roleTokens[si].has(i) || bySentence[si].some((m) => m.first <= i && i <= m.last)) continue;
      const w = raw.toLowerCase();
      const pronounGender = PRONOUNS.get(w);
      if (pronounGender) {
        refs.push({
          kind: 'pronoun', start: tokens[i].start, end: tokens[i].end, text: tokens[i].text, sentence: si,
          gender: pronounGender, head: null, cataphoric: null, office: [], place: null, nationality: null,
        });
        continue;
      }
      if (w !== 'the') continue;
      let j = i + 1;
      while (j < tokens.length && (TITLE_PREMODIFIERS.has(lowerWord(tokens[j])) || isNationality(tokens[j]))
        && !ROLE_HEADS.has(lowerWord(tokens[j]))) j++;
      // Premodifiers may themselves be role words ("the foreign minister"): take the last role head of the run.
      let k = j;
      while (k < tokens.length && ROLE_HEADS.has(lowerWord(tokens[k])) && (k === j || ROLE_MODIFIERS.has(lowerWord(tokens[k - 1])) || ROLE_HEADS.has(lowerWord(tokens[k - 1])))) k++;
      if (k === j) continue;
      const head = lowerWord(tokens[k - 1]);
      if (NON_REFERRING_TITLES.has(head)) continue;
      const next = tokens[k];
      // A title right before a name is that name's own title, and "the minister of X" names an office.
      if (next && bySentence[si].some((m) => m.first === k && m.type === 'PER')) continue;
      if (next && /^\p{Lu}/u.test(next.text) && !/^[,.;:!?)]/.test(next.text)) continue;
      const after = next?.text === ',' ? bySentence[si].find((m) => m.first === k + 1 && m.type === 'PER') ?? null : null;
      const words = tokens.slice(i + 1, k - 1);
      const nationalityToken = words.find(isNationality);
      const office = words.filter((t) => !isNationality(t)).map(lowerWord).filter((w) => !TITLE_DESCRIPTIVE.has(w) && ROLE_MODIFIERS.has(w));
      refs.push({
        kind: 'title', start: tokens[i].start, end: tokens[k - 1].end,
        text: tokens.slice(i, k).map((t) => t.text).join(' '), sentence: si,
        gender: ROLE_HEADS.get(head) ?? null, head, cataphoric: after, office,
        place: nationalityToken ? placeOfNationality(normalizeWord(nationalityToken.text)) : null,
        nationality: nationalityToken ? lowerWord(nationalityToken) : null,
      });
      i = k - 1;
    }
  });
  return refs;
}

function isNationality(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && placeOfNationality(normalizeWord(t.text)) !== null;
}

function resolvePronoun(ref: Reference, seen: Person[]): Person | null {
  let best: Person | null = null;
  for (const p of seen) {
    if (p.lastStart < 0 || p.lastStart >= ref.start) continue;
    if (ref.sentence - p.lastSentence > PRONOUN_MAX_SENTENCES) continue;
    if (!compatible(genderOf(p), ref.gender)) continue;
    if (!best || p.lastStart > best.lastStart) best = p;
  }
  return best;
}

function roleMatches(head: string, role: string | null): boolean {
  if (!role) return false;
  const r = role.toLowerCase();
  const family = TITLE_FAMILIES.get(head) ?? [head];
  return family.some((w) => r.includes(w));
}

function salience(p: Person, sentence: number): number {
  let s = 0;
  for (const [si, weight] of p.mentionSentences) if (si <= sentence) s += weight * 0.5 ** ((sentence - si) / SALIENCE_HALF_LIFE);
  return s;
}

/**
 * Whether a person can be the one a title describes: gender agrees, office words of the title are in the
 * person's role ("the prime minister" is no foreign minister), a nationality agrees with the affiliation,
 * and the role matches the head unless the title is vague and the person's role unknown.
 */
function titleFits(ref: Reference, p: Person): boolean {
  if (!compatible(genderOf(p), ref.gender)) return false;
  const role = p.role?.toLowerCase() ?? '';
  for (const w of ref.office) if (!role.includes(w)) return false;
  if (ref.place && p.affiliation && placeOfNationality(p.affiliation) !== ref.place && p.affiliation !== ref.place
    && !p.affiliation.toLowerCase().startsWith(ref.nationality ?? '\u0000')) return false;
  if (roleMatches(ref.head ?? '', p.role)) return true;
  return p.role === null && VAGUE_TITLES.has(ref.head ?? '');
}

function resolveTitle(ref: Reference, seen: Person[], people: Map<string, Person>): Person | null {
  if (ref.cataphoric) return people.get(entityKey('PER', ref.cataphoric.text)) ?? null;
  let best: Person | null = null;
  let bestScore = 0;
  for (const p of seen) {
    if (p.lastStart < 0 || p.lastStart >= ref.start) continue;
    if (ref.sentence - p.lastSentence > TITLE_MAX_SENTENCES) continue;
    if (!titleFits(ref, p)) continue;
    const score = salience(p, ref.sentence) + (roleMatches(ref.head ?? '', p.role) ? ROLE_MATCH_BONUS : 0);
    if (score > bestScore) { best = p; bestScore = score; }
  }
  return best;
}

/** Each name's type by majority over its mentions; institutions ("the Kremlin") are organisations. */
function majorityTypes(mentions: Mention[]): (m: Mention) => EntityType {
  const votes = new Map<string, Map<EntityType, number>>();
  const norm = (m: Mention): string => normalizeWord(m.text).toLowerCase();
  for (const m of mentions) {
    const v = votes.get(norm(m)) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    votes.set(norm(m), v);
  }
  return (m) => {
    if (INSTITUTION_NAMES.has(norm(m))) return 'ORG';
    const v = votes.get(norm(m))!;
    return [...v].sort((a, b) => b[1] - a[1])[0][0];
  };
}

/** The long form an acronym stands for in this document ("OSCE" → "Organisation for Security and Cooperation in Europe"). */
function isAcronymOf(acronym: string, longForms: Mention[]): Mention | null {
  if (!/^\p{Lu}{2,6}$/u.test(acronym)) return null;
  for (const m of longForms) {
    const initials = m.text.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    if (initials === acronym) return m;
  }
  return null;
}

function assemble(links: Link[]): EntityAnalysis {
  links.sort((a, b) => a.start - b.start || b.end - a.end);
  const entities = new Map<string, DocEntity>();
  const mentions: ResolvedMention[] = [];
  for (const link of links) {
    const type: EntityType = link.person ? 'PER' : link.other!.type;
    const id = link.person ? entityKey('PER', link.person.name) : link.other!.key;
    let entity = entities.get(id);
    if (!entity) {
      if (link.person) {
        const p = link.person;
        entity = {
          id, type, name: p.name, aliases: [...p.surfaces].filter((s) => s !== p.name), role: p.role,
          affiliation: p.affiliation, gender: p.gender, mentions: [],
        };
      } else {
        const o = link.other!;
        entity = { id, type, name: o.name, aliases: [...o.surfaces].filter((s) => s !== o.name), role: null, affiliation: null, gender: null, mentions: [] };
      }
      entities.set(id, entity);
    }
    entity.mentions.push({ start: link.start, end: link.end, text: link.text });
    mentions.push({ start: link.start, end: link.end, text: link.text, type, kind: link.kind, entityId: id });
  }
  return { mentions, entities: [...entities.values()] };
}

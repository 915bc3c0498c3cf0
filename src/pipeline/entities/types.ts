// Plain types of the entity stage: recognised mentions, resolved mentions and document entities.

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A name found in a text; `start`/`end` are character offsets into that text (end exclusive). */
export interface EntityMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
}

/** A character span of the text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type Gender = 'male' | 'female';

/** How a mention was tied to its entity. */
export type MentionKind =
  /** A recognised name (full name, organisation, place). */
  | 'name'
  /** A person's surname or other part of an earlier full name ("Ryabkov"). */
  | 'partial'
  /** A definite description ("the minister", "the spokeswoman"). */
  | 'title'
  /** A personal pronoun ("he", "her"). */
  | 'pronoun';

export interface ResolvedMention extends Span {
  type: EntityType;
  kind: MentionKind;
  /** `DocEntity.id` of the entity this mention refers to. */
  entityId: string;
}

export interface DocEntity {
  /** Stable key, `entityKey(type, name)`, e.g. 'PER:sergey ryabkov'. */
  id: string;
  type: EntityType;
  /** The fullest form of the name seen in the document. */
  name: string;
  /** Other surface forms of the name seen in the document (not titles or pronouns). */
  aliases: string[];
  /** Role or title of a person, e.g. 'Deputy Foreign Minister', 'spokesman'; null when none was stated. */
  role: string | null;
  /** Country or organisation the role belongs to, e.g. 'Russia', 'Kremlin', 'NATO'. */
  affiliation: string | null;
  /** Gender of a person when a title, role word or first name tells it. */
  gender: Gender | null;
  mentions: Span[];
}

export interface EntityAnalysis {
  mentions: ResolvedMention[];
  entities: DocEntity[];
}

/** One token of raw text with its character offsets (end exclusive). */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** True when a line break separates this token from the previous one. */
  newline: boolean;
}

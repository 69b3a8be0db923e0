/** The analysis of one article, computed once at ingest and stored with it. */

export type EntityType = 'person' | 'organization' | 'place';

/** Offsets are JavaScript string indices into the article's cleaned text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph (blank-line separated block) the sentence sits in. */
  paragraph: number;
}

export interface Mention extends Span {
  text: string;
  type: EntityType;
  /** Index into Analysis.actors of the entity this mention refers to. */
  actor: number;
}

export interface Actor {
  /** Canonical name: the fullest form the article uses ("Mara Quist", "United Kingdom"). */
  name: string;
  type: EntityType;
  /** Role or title given in the article ("Chief Executive of Portline"), or null. */
  role: string | null;
  /** Other surface forms that refer to the same entity, without the canonical name. */
  aliases: string[];
  /** How many mentions refer to it. */
  mentions: number;
  /** Offset of its first mention. */
  first: number;
}

export interface Quote extends Span {
  /** Exactly text.slice(start, end): the words inside the quotation marks. */
  text: string;
  /** The speaker's canonical name, or null when nobody can be named. */
  speaker: string | null;
  /** Index of the sentence the quote starts in. */
  sentence: number;
}

export interface Analysis {
  sentences: Sentence[];
  mentions: Mention[];
  /** Ranked, most salient first; one per entity. */
  actors: Actor[];
  quotes: Quote[];
  /** Indices into sentences, best first. */
  summary: number[];
  /**
   * Present only when the text was longer than LIMITS allow: the analysis covers its first
   * analysedChars characters (every offset above lies in them) out of totalChars.
   */
  limited?: AnalysisLimited;
  /**
   * Present only when the text is not in English: its ISO 639-1 code ('fr', 'de', …) or
   * 'und' (another language or script). Analysis is English-only, so such an analysis has
   * sentences and a summary but no actors, mentions or quotes.
   */
  language?: string;
}

export interface AnalysisLimited {
  analysedChars: number;
  totalChars: number;
}

/**
 * Bumped whenever analysis output changes shape or meaning, so stale rows can be re-analysed.
 * 3: summaries leave out over-long sentences, quotes, names and roles over their LIMITS are
 * not produced, and an over-long text is analysed in part (with `limited`).
 * 4: no junk actors (discourse adverbs, contractions, code identifiers…), and a text not in
 * English has no actors or quotes (with `language`).
 * 5: one person named several ways is one actor, types from the article's own evidence,
 * roles for organisations and places, no role from a bare title; speakers reattributed.
 */
export const ANALYSIS_VERSION = 5;

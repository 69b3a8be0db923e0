import type { EntityType } from './analysis.ts';

/** The platform-neutral briefing every renderer and adapter receives. */

export interface BriefingWindow {
  /** ISO start of the window asked for, or null for "all time". */
  since: string | null;
  /** ISO end (the time the briefing was built). */
  until: string;
  /** How the window was asked for: "7d", "24h", "2026-11-01", or "all". */
  label: string;
  /**
   * True when the window held no article and the briefing covers the most relevant earlier
   * ones instead (recency second).
   */
  fallback: boolean;
  /**
   * True when none of the covered articles carries a publication date, so the window was
   * applied to when they were ingested. Absent in briefings recorded before it existed.
   */
  undated?: boolean;
}

export interface SummaryItem {
  text: string;
  articleId: number;
  /** 1-based number of the article in `sources`, for [n] citations. */
  source: number;
  /** 1-based number of the story in `stories` the sentence tells. */
  story: number;
}

/** One news story: the articles (from one or several outlets) that report the same thing. */
export interface BriefStory {
  /** 1-based story number. */
  n: number;
  /** The headline of the story's representative article. */
  title: string;
  /** `sources[].n` of every article carrying the story, representative first. */
  sources: number[];
  articleIds: number[];
  /** Earliest publication (or, undated, ingest) time among its articles. */
  firstSeen: string;
  /** True when the story appeared since the previous briefing of this topic for this audience. */
  isNew: boolean;
  /**
   * The outlets that reported it, each once, in source order ("reported by 3 outlets");
   * articles with no known outlet are not named.
   */
  outlets: string[];
  /**
   * A known event with a development since the previous briefing: who came into it (new
   * actors, new voices quoted). Null when the story is new, unchanged, or no one asked.
   */
  update: string[] | null;
}

export interface BriefQuote {
  text: string;
  speaker: string;
  role: string | null;
  articleId: number;
  source: number;
  /** Every source that carried this quote, `source` first: one quote, however many outlets ran it. */
  sources: number[];
}

export interface BriefActor {
  name: string;
  type: EntityType;
  role: string | null;
  aliases: string[];
  /** How many of the briefing's articles mention the actor. */
  articles: number;
}

export interface BriefSource {
  /** 1-based citation number. */
  n: number;
  articleId: number;
  title: string;
  source: string | null;
  url: string | null;
  origin: string;
  publishedAt: string | null;
}

export interface Briefing {
  /** The stored briefing's id, when it was recorded; follow-ups and digests refer to it. */
  id: number | null;
  topic: string;
  title: string;
  generatedAt: string;
  window: BriefingWindow;
  summary: SummaryItem[];
  quotes: BriefQuote[];
  actors: BriefActor[];
  stories: BriefStory[];
  sources: BriefSource[];
  /** Plain-language notes for the reader ("No article in the last 7 days; …"). */
  notes: string[];
  /** The briefing's page (BRIEFWIRE_PUBLIC_URL set and the briefing recorded), else absent. */
  url?: string;
}

/**
 * Limits of a briefing, from the product's promise: short enough to read in a minute. A
 * briefing of one story keeps to 3 sentences and 90 words; several stories get up to 5 and 120.
 */
export const BRIEFING_LIMITS = {
  summarySentences: 3,
  summaryWords: 90,
  multiStorySentences: 5,
  multiStoryWords: 120,
  quotes: 3,
  actors: 8,
  articles: 50,
} as const;

/** A window label as people read it: "7d" → "the last 7 days", "all" → "all time". */
export function describeWindow(label: string): string {
  if (label === 'all') return 'all time';
  const rel = /^(\d+)([hdw])$/.exec(label);
  if (!rel) return `since ${label}`;
  const n = Number(rel[1]);
  const unit = { h: 'hour', d: 'day', w: 'week' }[rel[2] as 'h' | 'd' | 'w'];
  return `the last ${n === 1 ? unit : `${n} ${unit}s`}`;
}

/** What a briefing covers, as every format says it ("the last 7 days", "undated, ingested in …"). */
export function coverageOf(window: BriefingWindow): string {
  const span = describeWindow(window.label);
  if (!window.undated) return window.fallback ? `most relevant (none in ${span})` : span;
  // Undated articles were not published in the window, only ingested in it: say so.
  if (window.fallback) return `most relevant, undated (none ingested in ${span})`;
  return window.label === 'all' ? 'all time, undated' : `undated, ingested in ${span}`;
}

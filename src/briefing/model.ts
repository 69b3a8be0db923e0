import type { EntityType } from '../nlp/model.ts';

/** The platform-neutral briefing every renderer and adapter receives. */

export interface BriefingWindow {
  /** ISO start of the window asked for, or null for "all time". */
  since: string | null;
  /** ISO end (the time the briefing was built). */
  until: string;
  /** How the window was asked for: "7d", "24h", "2026-11-01", or "all". */
  label: string;
  /** True when the window held no article and the briefing covers the most recent ones instead. */
  fallback: boolean;
}

export interface SummaryItem {
  text: string;
  articleId: number;
  /** 1-based number of the article in `sources`, for [n] citations. */
  source: number;
}

export interface BriefQuote {
  text: string;
  speaker: string;
  role: string | null;
  articleId: number;
  source: number;
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
  topic: string;
  title: string;
  generatedAt: string;
  window: BriefingWindow;
  summary: SummaryItem[];
  quotes: BriefQuote[];
  actors: BriefActor[];
  sources: BriefSource[];
  /** Plain-language notes for the reader ("No article in the last 7 days; …"). */
  notes: string[];
}

/** Limits of a briefing, from the product's promise: short enough to read in a minute. */
export const BRIEFING_LIMITS = {
  summarySentences: 3,
  summaryWords: 90,
  quotes: 3,
  actors: 8,
  articles: 50,
} as const;

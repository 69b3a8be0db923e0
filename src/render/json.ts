import type { Briefing } from '../model/briefing.ts';

/**
 * The briefing as JSON (the `brief --format json` contract). Only article ids and
 * `generatedAt` differ between runs or stores: the window is given by its label and the
 * dates of the articles it covers, never by times derived from the clock.
 */
export function briefingToJson(b: Briefing): object {
  const dates = b.sources
    .map((s) => s.publishedAt)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    topic: b.topic,
    title: b.title,
    id: b.id,
    ...(b.url ? { url: b.url } : {}),
    generatedAt: b.generatedAt,
    window: {
      label: b.window.label,
      ...(/^\d{4}-/.test(b.window.label) && b.window.since ? { since: b.window.since } : {}),
      fallback: b.window.fallback,
      articlesFrom: dates[0] ?? null,
      articlesTo: dates.at(-1) ?? null,
    },
    notes: b.notes,
    summary: b.summary.map((s) => ({
      text: s.text,
      articleId: s.articleId,
      source: s.source,
      story: s.story,
    })),
    stories: b.stories.map((s) => ({
      n: s.n,
      title: s.title,
      sources: s.sources,
      articleIds: s.articleIds,
      // A story of undated articles was first seen at ingest, which differs between stores.
      firstSeen: s.sources.some((n) => b.sources[n - 1]?.publishedAt) ? s.firstSeen : null,
      isNew: s.isNew,
      outlets: s.outlets,
      update: s.update,
    })),
    quotes: b.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker,
      role: q.role,
      articleId: q.articleId,
      source: q.source,
      sources: q.sources,
    })),
    actors: b.actors.map((a) => ({
      name: a.name,
      type: a.type,
      role: a.role,
      aliases: a.aliases,
      articles: a.articles,
    })),
    sources: b.sources.map((s) => ({
      n: s.n,
      articleId: s.articleId,
      title: s.title,
      source: s.source,
      url: s.url,
      origin: s.origin,
      publishedAt: s.publishedAt,
    })),
  };
}

export function renderJson(b: Briefing): string {
  return jsonText(briefingToJson(b));
}

/**
 * JSON.stringify escapes C0 controls but writes DEL, the C1 controls (U+009B is a one-character
 * CSI to some terminals) and bidirectional overrides as they are; those are escaped too, so the
 * JSON printed to a terminal cannot act on it, and parses to exactly the same data.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A value as the CLI prints JSON: indented, one trailing newline, nothing a terminal acts on. */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    UNSAFE_IN_JSON,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}

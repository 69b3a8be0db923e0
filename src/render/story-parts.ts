import type { Briefing, BriefQuote, BriefStory } from '../model/briefing.ts';

/**
 * The words every renderer puts beside a story and a quote, so that chat and terminal say
 * the same: who carried it, and what changed. `show` is the renderer's own escaping for text
 * that comes from articles (outlet and person names).
 */

/** At most this many outlets are named on a story's line; the count says how many in all. */
const NAMED_OUTLETS = 4;

/** "reported by 3 outlets: A, B, C [1] [2] [3]", "2 sources [1] [2]", or "[1]". */
export function carriedBy(s: BriefStory, show: (text: string) => string): string {
  const cites = s.sources.map((n) => `[${n}]`).join(' ');
  if (s.outlets.length >= 2) {
    const named = s.outlets.slice(0, NAMED_OUTLETS).map(show).join(', ');
    const more = s.outlets.length > NAMED_OUTLETS ? ', …' : '';
    return `reported by ${s.outlets.length} outlets: ${named}${more} ${cites}`;
  }
  return s.sources.length > 1 ? `${s.sources.length} sources ${cites}` : cites;
}

/** " · new", " · update: new from X, Y", or nothing; `mark` emphasises the word as the format does. */
export function newsMark(
  s: BriefStory,
  show: (text: string) => string,
  mark: (word: string) => string,
): string {
  if (s.isNew) return ` · ${mark('new')}`;
  if (s.update) return ` · ${mark('update')}: new from ${s.update.map(show).join(', ')}`;
  return '';
}

/**
 * " · first reported 2026-03-10" for a story several sources carried, when any of them is
 * dated (an undated story's first-seen time is only when it was stored).
 */
export function firstReported(s: BriefStory, b: Briefing): string {
  if (s.sources.length < 2 || !s.sources.some((n) => b.sources[n - 1]?.publishedAt)) return '';
  return ` · first reported ${s.firstSeen.slice(0, 10)}`;
}

/** A briefing lists its stories when that says more than its sources: shared, new or updated. */
export function showsStories(b: Briefing): boolean {
  return b.stories.some((s) => s.sources.length > 1 || s.isNew || s.update !== null);
}

/** A quote's citations: every source that carried it. */
export function quoteCites(q: BriefQuote): string {
  return (q.sources.length ? q.sources : [q.source]).map((n) => `[${n}]`).join(' ');
}

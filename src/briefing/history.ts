import type { StoredArticle } from '../ingest/article.ts';
import type { Store, StoredBriefing } from '../store/port.ts';

/**
 * What an audience has already been told. Each briefing is recorded with the articles it drew
 * on; "what's new since" compares a new briefing's articles with the audience's previous one.
 */

export interface Recall {
  previous: StoredBriefing;
  /** Article ids the audience has already been briefed on. */
  seen: ReadonlySet<number>;
}

export async function recall(
  store: Store,
  topic: string,
  audience: string,
): Promise<Recall | null> {
  const previous = await store.lastBriefing(topic, audience);
  return previous ? { previous, seen: new Set(previous.articleIds) } : null;
}

/** An article is new to the audience when it was not in their previous briefing and arrived after it. */
export function isNewTo(r: Recall, a: StoredArticle): boolean {
  return !r.seen.has(a.id) && a.ingestedAt > r.previous.createdAt;
}

export function sinceLastNote(r: Recall, newStories: number): string {
  const when = r.previous.createdAt.replace('T', ' ').slice(0, 16);
  if (newStories === 0)
    return `Nothing new since the previous briefing (${when} UTC); this is what it covered.`;
  return `${newStories} new ${newStories === 1 ? 'story' : 'stories'} since the previous briefing (${when} UTC), listed first.`;
}

import type { StoredArticle } from '../model/article.ts';
import type { Briefing } from '../model/briefing.ts';
import type { BriefingLog, StoredBriefing } from '../store/ports/briefing-log.ts';

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
  log: BriefingLog,
  topic: string,
  audience: string,
): Promise<Recall | null> {
  const previous = await log.last(topic, audience);
  return previous ? { previous, seen: new Set(previous.articleIds) } : null;
}

/** An article is new to the audience when it was not in their previous briefing and arrived after it. */
export function isNewTo(r: Recall, a: StoredArticle): boolean {
  return !r.seen.has(a.id) && a.ingestedAt > r.previous.createdAt;
}

/** Records what an audience was told (or is being sent, not yet `delivered`); returns its id. */
export function recordBriefing(
  log: BriefingLog,
  b: Briefing,
  audience: string,
  delivered = true,
): Promise<number> {
  return log.save({
    topic: b.topic,
    audience,
    createdAt: b.generatedAt,
    window: b.window.label,
    articleIds: b.sources.map((s) => s.articleId),
    delivered,
  });
}

/** When the previous briefing was made, as notes show it: "2026-03-29 07:00". */
export function previousTime(r: Recall): string {
  return r.previous.createdAt.replace('T', ' ').slice(0, 16);
}

export function sinceLastNote(r: Recall, newStories: number, updates = 0): string {
  const when = previousTime(r);
  if (newStories === 0 && updates === 0)
    return `Nothing new since the previous briefing (${when} UTC); this is what it covered.`;
  const parts: string[] = [];
  if (newStories) parts.push(`${newStories} new ${newStories === 1 ? 'story' : 'stories'}`);
  if (updates)
    parts.push(
      `${updates} ${updates === 1 ? 'update of a story' : 'updates of stories'} you were told of`,
    );
  return `${parts.join(' and ')} since the previous briefing (${when} UTC), listed first.`;
}

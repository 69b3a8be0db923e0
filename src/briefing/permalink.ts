import type { Briefing } from '../model/briefing.ts';
import type { StoredBriefing } from '../store/ports/briefing-log.ts';
import type { Stores } from '../store/ports/port.ts';
import { assemble } from './build.ts';
import { resolveTopic, type Topic } from './topics.ts';

/**
 * A recorded briefing again, for its permanent page: the same pipeline over the articles it
 * drew on, as of when it was built. Articles deleted since are left out (the page says so).
 */
export async function recordedBriefing(
  stores: Stores,
  topics: Topic[],
  record: StoredBriefing,
): Promise<Briefing | null> {
  const found = await stores.articles.getArticles(record.articleIds);
  const byId = new Map(found.map((a) => [a.id, a]));
  const articles = record.articleIds.flatMap((id) => byId.get(id) ?? []);
  if (articles.length === 0) return null;
  const topic = resolveTopic(record.topic, topics);
  const notes =
    articles.length < record.articleIds.length
      ? [`${record.articleIds.length - articles.length} of its articles are no longer stored.`]
      : [];
  const briefing = assemble(
    topic,
    articles,
    {
      since: null,
      until: record.createdAt,
      label: record.window,
      fallback: false,
      undated: articles.every((a) => a.publishedAt === null),
    },
    notes,
    new Date(record.createdAt),
  );
  briefing.id = record.id;
  return briefing;
}

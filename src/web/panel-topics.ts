import { buildBriefing } from '../briefing/build.ts';
import type { Topic } from '../briefing/topics.ts';
import { parseWindow } from '../briefing/window.ts';
import type { Briefing } from '../model/briefing.ts';
import { isBriefwireError } from '../model/errors.ts';
import type { PanelTopic } from '../render/html/panel-page.ts';
import type { Stores } from '../store/ports/port.ts';

/**
 * The topics part of the control panel: each defined topic with how many stored articles match
 * it, in its window and in all, and a preview of its briefing as a digest would start it
 * (built for the page, never recorded, so no audience's "what's new" moves).
 */
export async function topicRows(
  stores: Stores,
  topics: readonly Topic[],
  now: Date,
): Promise<PanelTopic[]> {
  const rows: PanelTopic[] = [];
  for (const t of topics) {
    const { since } = parseWindow(t.window, now);
    rows.push({
      slug: t.slug,
      title: t.title,
      window: t.window,
      inWindow: await stores.articles.countArticles({
        terms: t.terms,
        ...(since ? { since } : {}),
      }),
      total: await stores.articles.countArticles({ terms: t.terms }),
    });
  }
  return rows;
}

/** The topic's briefing now, unrecorded; null when no stored article matches it. */
export async function previewBriefing(
  stores: Stores,
  topics: Topic[],
  slug: string,
  now: Date,
): Promise<Briefing | null> {
  try {
    return await buildBriefing(stores, topics, { topic: slug, now, audience: 'web:preview' });
  } catch (e) {
    if (isBriefwireError(e) && (e.code === 'NO_ARTICLES' || e.code === 'TOPIC_UNKNOWN'))
      return null;
    throw e;
  }
}

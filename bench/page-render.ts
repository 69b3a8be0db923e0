import { recordedBriefing } from '../src/briefing/permalink.ts';
import type { Topic } from '../src/briefing/topics.ts';
import { renderBriefingPage } from '../src/render/html/briefing-page.ts';
import type { Stores } from '../src/store/ports/port.ts';
import { createLinkSigner } from '../src/web/links.ts';
import { articlePath } from '../src/web/server.ts';

/**
 * A briefing's web page, as the server makes it for a request: the recorded briefing rebuilt
 * from its stored articles and rendered to HTML with every quote's signed article link (issue
 * #20: under 50 ms at the median for a 50-article briefing), beside the rebuild alone.
 */
export async function pageRender(
  stores: Stores,
  topics: Topic[],
  briefingId: number,
  median: (runs: number, work: () => unknown) => Promise<number>,
  runs: number,
): Promise<{ pageMs: number; rebuildMs: number; bytes: number }> {
  const signer = createLinkSigner('bench-secret-of-enough-length');
  const record = await stores.briefings.get(briefingId);
  if (!record) throw new Error(`bench: briefing ${briefingId} is not recorded`);
  const page = async (): Promise<string> => {
    const briefing = await recordedBriefing(stores, topics, record);
    if (!briefing) throw new Error('bench: the recorded briefing has no articles');
    const articles = await stores.articles.getArticles(briefing.sources.map((s) => s.articleId));
    const byId = new Map(articles.map((a) => [a.id, a]));
    return renderBriefingPage(briefing, byId, (id, span) => articlePath(signer, id, span));
  };
  const bytes = (await page()).length;
  const pageMs = await median(runs, page);
  const rebuildMs = await median(runs, () => recordedBriefing(stores, topics, record));
  return { pageMs, rebuildMs, bytes };
}

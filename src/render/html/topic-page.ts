import type { Coverage } from '../../model/coverage.ts';
import { renderCoverageChart } from './coverage-chart.ts';
import { escapeHtml } from './escape.ts';
import { htmlPage } from './page.ts';

/** A briefing as a topic's page lists it. */
export interface ListedBriefing {
  id: number;
  createdAt: string;
  /** The window it was asked for ("7d"). */
  window: string;
  articles: number;
}

/** A topic's page: its coverage over the window, charted, and its recent briefings, linked. */
export interface TopicPage {
  title: string;
  slug: string;
  windowLabel: string;
  coverage: Coverage;
  briefings: readonly ListedBriefing[];
  briefingHref: (id: number) => string;
}

export function renderTopicPage(p: TopicPage): string {
  const briefings = p.briefings.map(
    (b) =>
      `<li><a href="${escapeHtml(p.briefingHref(b.id))}">${escapeHtml(b.createdAt.slice(0, 16).replace('T', ' '))} UTC</a> <span class="meta">· ${escapeHtml(b.window)} · ${b.articles} article${b.articles === 1 ? '' : 's'}</span></li>`,
  );
  const body = `<h1>${escapeHtml(p.title)}</h1>
<p class="meta">topic ${escapeHtml(p.slug)} · ${escapeHtml(p.windowLabel)} · ${p.coverage.articles} article${p.coverage.articles === 1 ? '' : 's'} charted</p>
<h2>Coverage</h2>
${p.coverage.articles ? renderCoverageChart(p.coverage) : '<p>No article in this window yet.</p>'}
<h2>Recent briefings</h2>
${briefings.length ? `<ul>\n${briefings.join('\n')}\n</ul>` : '<p>No briefing of this topic yet.</p>'}`;
  return htmlPage(p.title, body);
}

import type { Span } from '../../model/analysis.ts';
import type { StoredArticle } from '../../model/article.ts';
import type { Briefing } from '../../model/briefing.ts';
import { escapeHtml, httpUrl } from './escape.ts';
import { htmlPage } from './page.ts';

/**
 * A whole briefing on one page: the summary with its citations, every quote with its speaker
 * and role, the actors, the stories with their outlets, and the sources. Each summary
 * sentence and quote links to its article's page with that exact span highlighted, where a
 * reader can check it was said, word for word, by the person named.
 */

/** The href of an article's page, with a span to highlight (or none). */
export type ArticleHref = (articleId: number, span: Span | null) => string;

export function renderBriefingPage(
  briefing: Briefing,
  articles: ReadonlyMap<number, StoredArticle>,
  href: ArticleHref,
  /** The topic's page (its coverage and other briefings). */
  topicHref?: string,
): string {
  const cite = (n: number): string => {
    const s = briefing.sources.find((x) => x.n === n);
    return s ? ` <a class="cite" href="${escapeHtml(href(s.articleId, null))}">[${n}]</a>` : '';
  };
  const summary = briefing.summary.map((item) => {
    const span = sentenceSpan(articles.get(item.articleId), item.text);
    return `<li><a href="${escapeHtml(href(item.articleId, span))}">${escapeHtml(item.text)}</a>${cite(item.source)}</li>`;
  });
  const quotes = briefing.quotes.map((q) => {
    const span = quoteSpan(articles.get(q.articleId), q.text);
    const who = `${escapeHtml(q.speaker)}${q.role ? `, ${escapeHtml(q.role)}` : ''}`;
    return `<li><a href="${escapeHtml(href(q.articleId, span))}">“${escapeHtml(q.text)}”</a> <span class="who">— ${who}</span>${q.sources.map(cite).join('')}</li>`;
  });
  const actors = briefing.actors.map(
    (a) =>
      `<li><strong>${escapeHtml(a.name)}</strong> <span class="meta">${escapeHtml(a.type)}${a.role ? ` · ${escapeHtml(a.role)}` : ''} · in ${a.articles} article${a.articles === 1 ? '' : 's'}</span></li>`,
  );
  const stories = briefing.stories.map((s) => {
    const outlets =
      s.outlets.length > 1
        ? ` · reported by ${s.outlets.length} outlets: ${s.outlets.map(escapeHtml).join(', ')}`
        : '';
    const update = s.update?.length
      ? ` · update: new from ${s.update.map(escapeHtml).join(', ')}`
      : '';
    return `<li>${escapeHtml(s.title)} <span class="meta">· first reported ${escapeHtml(s.firstSeen.slice(0, 10))}${outlets}${update}</span>${s.sources.map(cite).join('')}</li>`;
  });
  const sources = briefing.sources.map((s) => {
    const original = httpUrl(s.url);
    return `<li id="source-${s.n}">[${s.n}] <a href="${escapeHtml(href(s.articleId, null))}">${escapeHtml(s.title)}</a>${s.source ? ` <span class="meta">· ${escapeHtml(s.source)}</span>` : ''}${s.publishedAt ? ` <span class="meta">· ${escapeHtml(s.publishedAt.slice(0, 10))}</span>` : ''}${original ? ` · <a href="${escapeHtml(original)}" rel="noopener noreferrer">original</a>` : ''}</li>`;
  });
  const section = (title: string, items: string[]): string =>
    items.length ? `<h2>${title}</h2>\n<ul>\n${items.join('\n')}\n</ul>` : '';
  const body = `<h1>${escapeHtml(briefing.title)}</h1>
<p class="meta">${escapeHtml(briefing.window.label)} · built ${escapeHtml(briefing.generatedAt.slice(0, 16).replace('T', ' '))} UTC · ${briefing.sources.length} article${briefing.sources.length === 1 ? '' : 's'}</p>
${briefing.notes.map((n) => `<p class="meta">${escapeHtml(n)}</p>`).join('\n')}
${topicHref ? `<p><a href="${escapeHtml(topicHref)}">The topic's coverage and its other briefings</a></p>` : ''}
${section('Summary', summary)}
${section('Key quotes', quotes)}
${section('Actors', actors)}
${section('Stories', stories)}
${section('Sources', sources)}`;
  return htmlPage(briefing.title, body);
}

/** Where a quote the briefing shows sits in its article: the analysis's own span for it. */
function quoteSpan(article: StoredArticle | undefined, text: string): Span | null {
  const q = article?.analysis.quotes.find((x) => x.text === text);
  return q ? { start: q.start, end: q.end } : null;
}

function sentenceSpan(article: StoredArticle | undefined, text: string): Span | null {
  const s = article?.analysis.sentences.find((x) => x.text === text);
  return s ? { start: s.start, end: s.end } : null;
}

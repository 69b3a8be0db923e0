import type { Span } from '../../model/analysis.ts';
import type { StoredArticle } from '../../model/article.ts';
import { escapeHtml, httpUrl } from './escape.ts';
import { htmlPage } from './page.ts';

/**
 * An article as Briefwire analysed it: its stored text with the quotes (and who said them),
 * the summary sentences and the names marked, and one span (a quote or sentence a briefing
 * cites) highlighted with the anchor `#hl`, so a link to it scrolls it into view without any
 * script. Every piece of the article is escaped.
 */

interface Mark extends Span {
  cls: string;
}

export function renderArticlePage(
  article: StoredArticle,
  highlight: Span | null,
  /** How it was reached: its origins and `feed:<url>` entries (the store's sourcesOf). */
  reached: readonly string[] = [],
): string {
  const { analysis, text } = article;
  const marks: Mark[] = [
    ...analysis.quotes.map((q) => ({ start: q.start, end: q.end, cls: 'q' })),
    ...analysis.summary.slice(0, 3).flatMap((i) => {
      const s = analysis.sentences[i];
      return s ? [{ start: s.start, end: s.end, cls: 's' }] : [];
    }),
    ...analysis.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      cls: `m-${m.type.toLowerCase()}`,
    })),
  ];
  const valid =
    highlight &&
    highlight.start >= 0 &&
    highlight.end <= text.length &&
    highlight.start < highlight.end;
  if (valid) marks.push({ ...highlight, cls: 'hl' });
  // After a quote, who said it: visible on every screen, unlike a title attribute.
  const after = new Map<number, string[]>();
  for (const q of analysis.quotes)
    if (q.speaker) after.set(q.end, [...(after.get(q.end) ?? []), q.speaker]);

  const paragraphs: string[] = [];
  for (const [from, to] of paragraphSpans(text)) {
    const cuts = new Set<number>([from, to]);
    for (const m of marks) {
      if (m.start > from && m.start < to) cuts.add(m.start);
      if (m.end > from && m.end < to) cuts.add(m.end);
    }
    for (const end of after.keys()) if (end > from && end < to) cuts.add(end);
    const points = [...cuts].sort((a, b) => a - b);
    let html = '';
    let anchored = false;
    for (let k = 0; k + 1 < points.length; k++) {
      const [a, b] = [points[k]!, points[k + 1]!];
      const classes = marks.filter((m) => m.start <= a && m.end >= b).map((m) => m.cls);
      const words = escapeHtml(text.slice(a, b).replace(/\s*\n\s*/g, ' '));
      const id = classes.includes('hl') && !anchored ? ' id="hl"' : '';
      if (id) anchored = true;
      html += classes.length
        ? `<span class="${[...new Set(classes)].join(' ')}"${id}>${words}</span>`
        : words;
      for (const who of after.get(b) ?? [])
        html += ` <span class="who">— ${escapeHtml(who)}</span>`;
    }
    paragraphs.push(`<p>${html}</p>`);
  }
  const link = httpUrl(article.url);
  const meta = [
    article.source ? escapeHtml(article.source) : null,
    article.publishedAt ? `published ${escapeHtml(article.publishedAt.slice(0, 10))}` : null,
    `stored ${escapeHtml(article.ingestedAt.slice(0, 16).replace('T', ' '))} UTC`,
    link ? `<a href="${escapeHtml(link)}" rel="noopener noreferrer">original</a>` : null,
  ].filter(Boolean);
  const body = `<h1>${escapeHtml(article.title)}</h1>
<p class="meta">${meta.join(' · ')}</p>
${reachedLine(reached)}
<p class="meta"><span class="q">quoted words</span> · <span class="s">summary sentence</span> · <span class="hl">the part linked to</span></p>
${paragraphs.join('\n')}`;
  return htmlPage(article.title, body);
}

/** Blocks of text between blank lines, as offsets into the text. */
function paragraphSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const gap = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (const m of text.matchAll(gap)) {
    if (m.index > start) spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

/**
 * The feeds and pages it came from, linked when they are http(s). A file's path says where it
 * lay on the machine that ingested it, which is nobody's business on a web page.
 */
function reachedLine(reached: readonly string[]): string {
  const items = [...new Set(reached)].flatMap((r) => {
    const feed = r.startsWith('feed:') ? httpUrl(r.slice(5)) : null;
    if (feed)
      return [
        `the feed <a href="${escapeHtml(feed)}" rel="noopener noreferrer">${escapeHtml(feed)}</a>`,
      ];
    const page = httpUrl(r);
    return page
      ? [`<a href="${escapeHtml(page)}" rel="noopener noreferrer">${escapeHtml(page)}</a>`]
      : [];
  });
  return items.length ? `<p class="meta">Fetched from ${items.join(', ')}</p>` : '';
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseArticle } from '../src/ingest/parse.ts';
import type { EvalSection } from './shared.ts';
import { type Part, partOf, rowsByPart } from './split.ts';

/**
 * HTML extraction: token F1 of our cleaned article text against each page's expected body,
 * beside two baselines from the same run that show what our cleaning adds: Readability alone
 * (its textContent) and the whole page's text.
 */

export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Multiset token F1 between what we extracted and what a good extractor keeps. */
export function tokenF1(got: readonly string[], want: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const t of want) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of got) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / got.length;
  const recall = overlap / want.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Text of expected.html, block tags turned into spaces so words never fuse. */
export function expectedText(html: string): string {
  const spaced = html.replace(
    /<\/?(?:p|div|h[1-6]|li|br|tr|td|th|blockquote|pre|figure|figcaption|section|article|ul|ol|table|dd|dt|hr|img)\b[^>]*>/gi,
    ' ',
  );
  return (
    parseHTML(`<!doctype html><html><body>${spaced}</body></html>`).document.body.textContent ?? ''
  );
}

/**
 * The expected body without its picture captions: Readability's references keep captions, and
 * Briefwire drops them on purpose (issue #15), so the reference is also scored without them.
 * A caption here is what the reference's markup says is one: a <figcaption>, or a list of one
 * item set right after a <figure>.
 */
export function expectedTextWithoutCaptions(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of document.querySelectorAll('figcaption')) el.remove();
  for (const figure of document.querySelectorAll('figure')) {
    const next = figure.nextElementSibling;
    const list = next !== null && ['UL', 'OL'].includes(next.nodeName.toUpperCase());
    if (list && next.children.length === 1) next.remove();
  }
  return expectedText(document.body.innerHTML);
}

/** Readability alone: the textContent of the article it finds on a fresh parse of the page. */
export function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  try {
    const article = new Readability(
      document as unknown as ConstructorParameters<typeof Readability>[0],
    ).parse();
    return article?.textContent ?? '';
  } catch {
    return '';
  }
}

/** The whole page's text: the body's textContent, without scripts, styles and templates. */
export function bodyText(html: string): string {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  return document.body?.textContent ?? '';
}

interface Scores {
  ours: number;
  readability: number;
  body: number;
}

/** Per page: scored against the reference without captions, and against it as shipped. */
interface PageScores {
  noCaptions: Scores;
  asShipped: Scores;
}

export function evaluateHtml(evalDir: string): EvalSection {
  const dir = join(evalDir, 'html');
  const pages: Record<string, PageScores> = {};
  for (const page of readdirSync(dir).sort()) {
    const source = join(dir, page, 'source.html');
    const html = readFileSync(source, 'utf8');
    const [article] = parseArticle(source, html);
    const expected = readFileSync(join(dir, page, 'expected.html'), 'utf8');
    const ours = wordTokens(article?.text ?? '');
    const readability = wordTokens(readabilityText(html));
    const body = wordTokens(bodyText(html));
    const against = (want: string[]): Scores => ({
      ours: article ? tokenF1(ours, want) : 0,
      readability: tokenF1(readability, want),
      body: tokenF1(body, want),
    });
    pages[page] = {
      noCaptions: against(wordTokens(expectedTextWithoutCaptions(expected))),
      asShipped: against(wordTokens(expectedText(expected))),
    };
  }
  const mean = (part: Part, pick: (p: PageScores) => number): number => {
    const values = partOf(Object.entries(pages), part, ([name]) => name).map(([, p]) => pick(p));
    return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  };
  const n = Object.keys(pages).length;
  const rows = rowsByPart((part) => {
    const ours = mean(part, (p) => p.noCaptions.ours);
    const row = (baseline: number, baselineName: string) => ({
      measure: `HTML body token F1, reference without captions (${n} pages, mean)`,
      ours,
      baseline,
      baselineName,
      target: '≥ 0.98',
      pass: ours >= 0.98,
    });
    return [
      row(
        mean(part, (p) => p.noCaptions.readability),
        'Readability alone (textContent)',
      ),
      row(
        mean(part, (p) => p.noCaptions.body),
        'whole page text (body)',
      ),
      {
        measure: `HTML body token F1, reference as shipped, captions kept (${n} pages, mean)`,
        ours: mean(part, (p) => p.asShipped.ours),
        baseline: mean(part, (p) => p.asShipped.readability),
        baselineName: 'Readability alone (textContent)',
        target: '',
        pass: true,
      },
    ];
  });
  return { name: 'html', rows, details: { pages } };
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { parseArticle } from '../src/ingest/parse.ts';
import type { EvalSection } from './shared.ts';

/** HTML extraction: token F1 of our cleaned article text against each page's expected body. */

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

export function evaluateHtml(evalDir: string): EvalSection {
  const dir = join(evalDir, 'html');
  const pages: Record<string, number> = {};
  for (const page of readdirSync(dir).sort()) {
    const source = join(dir, page, 'source.html');
    const [article] = parseArticle(source, readFileSync(source, 'utf8'));
    const want = wordTokens(expectedText(readFileSync(join(dir, page, 'expected.html'), 'utf8')));
    pages[page] = article ? tokenF1(wordTokens(article.text), want) : 0;
  }
  const values = Object.values(pages);
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return {
    name: 'html',
    rows: [
      {
        measure: `HTML body token F1 (${values.length} pages, mean)`,
        ours: mean,
        baseline: null,
        baselineName: '',
        target: '≥ 0.98',
        pass: mean >= 0.98,
      },
    ],
    details: { pages },
  };
}

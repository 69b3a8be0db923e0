import { createHash } from 'node:crypto';
import { ANALYSIS_VERSION } from '../model/analysis.ts';
import type { NewArticle, ParsedArticle } from '../model/article.ts';
import { analyzeText } from '../nlp/analyze.ts';

/** A parsed article, analysed once and fingerprinted, ready for the store. */
export function prepareArticle(origin: string, parsed: ParsedArticle): NewArticle {
  return {
    ...parsed,
    origin,
    contentHash: contentHash(parsed.text),
    analysis: analyzeText(parsed.title, parsed.text),
    analysisVersion: ANALYSIS_VERSION,
  };
}

/** Same words in the same order → same hash, whatever the quotes, case or spacing. */
export function contentHash(text: string): string {
  const normal = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”„"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256').update(normal).digest('hex');
}

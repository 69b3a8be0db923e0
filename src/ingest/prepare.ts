import { createHash } from 'node:crypto';
import { ANALYSIS_VERSION } from '../model/analysis.ts';
import type { NewArticle, ParsedArticle } from '../model/article.ts';
import { analyzeText } from '../nlp/analyze.ts';
import type { Analyser } from './analysis-pool.ts';

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

/** The same, analysed by `analyser` (on this thread or in a worker). */
export async function prepareArticleWith(
  origin: string,
  parsed: ParsedArticle,
  analyser: Analyser,
): Promise<NewArticle> {
  return {
    ...parsed,
    origin,
    contentHash: contentHash(parsed.text),
    analysis: await analyser.analyse(parsed.title, parsed.text),
    analysisVersion: ANALYSIS_VERSION,
  };
}

/**
 * Same words in the same order → same hash, whatever the quotes, case or spacing. A long text
 * is hashed in pieces cut after a run of whitespace, so a 10 MB article does not make several
 * 10 MB copies at once; the pieces give the hash the whole text gives.
 */
export function contentHash(text: string): string {
  const hash = createHash('sha256');
  let start = 0;
  while (start < text.length) {
    const end = pieceEnd(text, start);
    let piece = normalise(text.slice(start, end));
    if (start === 0) piece = piece.trimStart();
    if (end === text.length) piece = piece.trimEnd();
    hash.update(piece);
    start = end;
  }
  return hash.digest('hex');
}

const PIECE_CHARS = 65_536;

/** Where the piece from `start` ends: after the whitespace run that follows PIECE_CHARS characters. */
function pieceEnd(text: string, start: number): number {
  let i = start + PIECE_CHARS;
  if (i >= text.length) return text.length;
  while (i < text.length && !/\s/.test(text[i]!)) i++;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”„"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/\s+/g, ' ');
}

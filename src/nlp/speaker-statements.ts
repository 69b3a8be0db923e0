import type { Sentence } from '../model/analysis.ts';
import type { Speaker } from './speaker-context.ts';

/**
 * "“…,” the statement said": the statement an earlier sentence says someone put out ("The
 * company said in a statement …", "… said the Belmoran foreign ministry statement"). Its
 * speaker is who issued it, not whichever name stands nearest.
 */

const THE_STATEMENT =
  /\bthe\s+(?:statement|communiqu[eé]|release)\s+(?:said|says|added|adds|stated|read|reads)\b|\b(?:said|says|added|adds|read|reads)\s+the\s+(?:statement|communiqu[eé])\b/iu;
const ISSUED =
  /\b(?:in|issued|released|put out)\s+a\s+(?:[\p{L}-]+\s+)?(?:statement|communiqu[eé])\b|\bsaid\s+(?:the|a)\s+[^.,;:]{0,60}?\b(?:statement|communiqu[eé])\b/iu;
/** How many sentences back the statement may have been introduced. */
const REACH = 8;

export function statementIssuer(
  text: string,
  sentences: Sentence[],
  index: number,
  speakerOf: (sentence: number) => Speaker | null,
): Speaker | null {
  const s = sentences[index];
  if (!s || !THE_STATEMENT.test(text.slice(s.start, s.end))) return null;
  for (let k = index - 1; k >= 0 && k >= index - REACH; k--) {
    const p = sentences[k]!;
    if (ISSUED.test(text.slice(p.start, p.end))) return speakerOf(k);
  }
  return null;
}

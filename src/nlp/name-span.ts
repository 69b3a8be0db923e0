import type { EntityType } from '../model/analysis.ts';
import { spanText, type Token } from './text/tokens.ts';

/** One mention of a name in an article's tokens, as the recogniser found it. */
export interface NameSpan {
  /** Token index range [first, last] of the name itself. */
  first: number;
  last: number;
  text: string;
  start: number;
  end: number;
  type: EntityType;
  /** Token range of a title right before the name ("British Foreign Secretary"), if any. */
  title?: { first: number; last: number };
  /** For an acronym in brackets after a name ("Harbour Board (HB)"), the name it stands for. */
  defines?: string;
}

/** The span of tokens [first, last] as a name of the given type. */
export function nameSpanOf(
  tokens: Token[],
  first: number,
  last: number,
  type: EntityType,
): NameSpan {
  const words = tokens.slice(first, last + 1);
  return {
    first,
    last,
    text: spanText(words),
    start: words[0]!.start,
    end: words.at(-1)!.end,
    type,
  };
}

import type { EntityType } from '../model/analysis.ts';

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
}

import { namesNewPerson, opensWithNewPerson } from './answer-position.ts';
import type { SentenceView } from './entities.ts';
import type { Question } from './question.ts';

/**
 * For "who": the evidence when the person asked for stands beside what the question says
 * ("…the shooting of Tobin Ashgrove"), or, when the sentence gives only the description, the
 * sentence with the next one that opens with the person's name. Null when neither holds.
 */
export function whoEvidence(
  q: Question,
  view: SentenceView,
  own: SentenceView[],
  placed: boolean,
  described: boolean,
): string | null {
  if (placed) return view.text;
  const next = own[view.index + 1];
  if (described && next && opensWithNewPerson(q, next, view)) return `${view.text} ${next.text}`;
  // "A gunman opened fire … Police named the gunman as Tobin Hale.": the next sentence names them.
  if (next && NAMES_SOMEONE.test(next.text) && namesNewPerson(q, next, view))
    return `${view.text} ${next.text}`;
  // "A former party treasurer says the party must …" — "'…,' said Tobin Hale, who …": a lede's
  // unnamed speaker is the one the next sentence quotes, when the question describes them too
  // or asks for them by the noun the lede calls them ("Which former treasurer …").
  if (
    (described || q.askedPerson !== null) &&
    next &&
    UNNAMED_SPEAKER.test(view.text) &&
    SPEAKS.test(next.text) &&
    namesNewPerson(q, next, view)
  )
    return `${view.text} ${next.text}`;
  // "Tobin Ashgrove worked nights at the bakery. He was shot by police …": the one the
  // pronoun stands for is named at the start of the sentence before.
  const before = own[view.index - 1];
  if (
    described &&
    before &&
    PRONOUN_OPENS.test(view.text) &&
    opensWithNewPerson(q, before, undefined)
  )
    return `${before.text} ${view.text}`;
  return null;
}

const NAMES_SOMEONE = /\b(?:named|identified)\s+(?:\p{L}+\s+){0,3}?as\s+\p{Lu}/u;
const UNNAMED_SPEAKER =
  /^(?:[^,]{1,25},\s*)?(?:an?|one)\s+(?:[\p{L}-]+\s+){1,6}?(?:says|said|told|tells|argues|argued|warns|warned)\b/iu;
const SPEAKS = /\b(?:says|said|told|tells)\b/u;
const PRONOUN_OPENS = /^(?:[^,]{1,25},\s*)?(?:he|she)\b/iu;

import { countsNoun } from './answer-type.ts';
import { roleConceptsOf, type SentenceView } from './entities.ts';
import type { Question } from './question.ts';
import { isLeadingConcept } from './stem.ts';

/**
 * Bonuses added to word coverage, so they re-order sentences that already answer, never
 * admit others.
 */

const TITLE =
  /\b(?:chief|minister|secretary|director|president|spokes(?:man|woman|person)|head|leader|chair(?:man|woman)?|officer|general|mayor|ambassador|governor)\b/iu;

/** Connectives that say a cause outright, beside the weaker ones the type gate admits ("after", "over"). */
const STRONG_CAUSE =
  /\b(?:because|due to|owing to|as a result of|caused by|the reason|in order to|so that)\b/iu;
/** A place after a preposition that locates: "in London", "at the Old Vic", "near Selby". */
const LOCATED = /\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Ii]nside)\s+(?:the\s+)?\p{Lu}/u;
function mentionsPerson(s: SentenceView): boolean {
  const { actors } = s.article.analysis;
  for (const a of s.actors) if (actors[a]?.type === 'person') return true;
  return false;
}

/**
 * What a sentence's kind adds beyond the type gate (answer-type.ts), which every candidate of
 * a typed question already passed: the count of the very noun asked about; for "who", a
 * person or a title; for "why", a cause said outright; for "what is", a definition's shape.
 */
export function kindBonus(q: Question, s: SentenceView): number {
  switch (q.kind) {
    case 'howMany':
      return q.counted && countsNoun(s.text, q.counted) ? 0.2 : 0;
    case 'who':
    case 'whoIs':
      return mentionsPerson(s) || TITLE.test(s.text) ? 0.2 : 0;
    case 'why':
      // "… was due to its debts" says why; "… ranked low, based on its jobs figures" may not.
      return STRONG_CAUSE.test(s.text) ? 0.3 : 0;
    case 'where':
      // "… taking place in London" places something; "India, which attends …" names a place
      // that does something.
      return LOCATED.test(s.text) ? 0.1 : 0;
    case 'whatIs':
      return /\b(?:is|are|was|were)\b|,\s+(?:a|an|the)\s/iu.test(s.text) ? 0.1 : 0;
    default:
      return 0;
  }
}

/** For "who is X": the sentence that gives X's role beside X's name says who X is. */
export function roleBonus(s: SentenceView, actor: number): number {
  const role = s.article.analysis.actors[actor]?.role;
  if (!role || !s.actors.has(actor)) return 0;
  return s.text.toLowerCase().includes(role.toLowerCase()) ? 0.4 : 0.1;
}

/**
 * For "who": the share of the question's words held by the role of someone the sentence names
 * ("Who runs the agency?" — its "director general"), whatever words the sentence itself uses.
 */
export function roleMatch(q: Question, s: SentenceView, concepts: readonly string[]): number {
  if (q.kind !== 'who' || concepts.length === 0) return 0;
  const { actors } = s.article.analysis;
  // "Who runs the centre?" asks for its head: an economist at the centre is not one.
  const leader = concepts.some(isLeadingConcept);
  let best = 0;
  for (const a of s.actors) {
    const role = actors[a]?.role;
    if (!role) continue;
    const roleConcepts = roleConceptsOf(role);
    if (leader && ![...roleConcepts].some(isLeadingConcept)) continue;
    const shared = concepts.filter((c) => roleConcepts.has(c)).length / concepts.length;
    best = Math.max(best, shared);
  }
  return best;
}

import { wordSet } from './text/lexicon.ts';
import type { Token } from './text/tokens.ts';

/**
 * Nouns for a person that a definite description ("said the Scot", "the former Portline
 * striker said") is headed by, beyond the office and role words of the lexicon: where people
 * are from, and what they do in sport and the arts, as British copy describes them.
 */

/** Capitalised words for where a person is from; the tagger marks many more as Demonym. */
const DEMONYMS = wordSet(
  'scot scotsman scotswoman briton englishman englishwoman welshman welshwoman irishman ' +
    'irishwoman ulsterman frenchman frenchwoman dutchman spaniard swede dane finn pole ' +
    'kiwi aussie londoner yorkshireman geordie scouser cornishman',
);

/** Lower-case nouns for what a person does that the role lexicon leaves out. */
const PERSON_NOUNS = wordSet(
  'striker midfielder defender goalkeeper keeper winger forward skipper boss champion ' +
    'athlete sprinter runner hurdler swimmer cyclist rider driver jockey batsman bowler ' +
    'player golfer boxer veteran youngster teenager singer actor actress musician rapper ' +
    'comedian presenter novelist writer artist designer chef star film-maker filmmaker ' +
    'playwright poet',
);

/** Is token t the head of a description of a person ("the Scot", "the striker")? */
export function isPersonNoun(t: Token): boolean {
  if (PERSON_NOUNS.has(t.lower) && /^\p{Ll}/u.test(t.word)) return true;
  return isDemonym(t);
}

/** A capitalised word for where someone is from ("Scot", "Kenyan"). */
export function isDemonym(t: Token): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(t.word) || t.tags.has('Plural')) return false;
  return DEMONYMS.has(t.lower) || t.tags.has('Demonym');
}

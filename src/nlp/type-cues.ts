import type { EntityType } from '../model/analysis.ts';
import type { ActorDraft } from './actor-draft.ts';
import { kindOfDescription } from './kind-nouns.ts';
import type { NameSpan } from './name-span.ts';
import { copulaRole, descriptionAfter, knownAsRole } from './role-phrases.ts';
import { ROLE_NOUNS, wordSet } from './text/lexicon.ts';
import { breaksAfter as breaks, type Token } from './text/tokens.ts';

/**
 * What kind of thing a name is, from the evidence a reader uses where the statistical tagger
 * (trained on 1996 Reuters copy) is weakest, on modern company and organisation names:
 * - what the article calls it: "Portline, the Ohio-based toolmaker", "a hacking group known
 *   as Grey Heron", "Ashby is the capital of the province";
 * - the words of the name itself: "Portline Inc.", "Ashby Island", "Harbour Market";
 * - the words around it: "shares of Portline", "the chief executive of Portline",
 *   "Portline spokeswoman", "Ohio-based".
 * A draft takes the type its cues favour when they disagree with the tagger; a country from
 * the gazetteer stays a place.
 */

/** The last word of a name that makes it an organisation: "Portline Inc.", "Ashby Market". */
const ORGANISATION_ENDINGS = wordSet(
  'inc corp corporation co ltd llc plc gmbh ag sa group agency market markets holdings ' +
    'institution institute university college foundation council committee commission ' +
    'association society party fund trust board bureau department ministry authority ' +
    'service services network school academy church federation league ' +
    'alliance coalition club team court police army navy brigade ' +
    'industries partners labs laboratories technologies systems airlines airways motors ' +
    'media studios games entertainment pharmaceuticals bancorp capital ventures ' +
    'shipping logistics insurance telecom communications software electronics brewery',
);

/** The last word of a name that makes it a place: "Ashby Island", "Calloway Beach". */
const PLACE_ENDINGS = wordSet(
  'island islands beach river lake bay mountain mountains valley street avenue road square ' +
    'county province harbour harbor coast peninsula desert sea ocean gulf strait canyon ' +
    'heights hills falls creek reef glacier',
);

/** Words before a name that make it an organisation: "shares of", "chief executive of". */
const ORGANISATION_BEFORE = [
  ['shares', 'of'],
  ['shares', 'in'],
  ['stake', 'in'],
  ['executive', 'of'],
  ['ceo', 'of'],
  ['founder', 'of'],
  ['co-founder', 'of'],
  ['employees', 'of'],
  ['subsidiary', 'of'],
];

/** Words after a name that make it an organisation: "Portline shares", "Portline spokeswoman". */
// Not "spokesman": people have spokesmen too ("Quist spokesman Tom Pell").
const ORGANISATION_AFTER = wordSet('shares stock executives employees inc corp ltd');

/** What a company has, after its possessive name: "Portline's chief executive", "… shares". */
const CORPORATE_AFTER = wordSet(
  'chief ceo chairman board shares stock founder employees headquarters subsidiary ' +
    'revenue revenues profits earnings customers subscribers advertisers',
);
/** Two words a company has after its possessive name: "Portline's business model". */
const CORPORATE_PAIRS = [
  ['business', 'model'],
  ['market', 'share'],
  ['share', 'price'],
  ['stock', 'price'],
];

/** Votes per type, and `thing`: cues that a name is no person, without saying what it is. */
type Votes = Record<EntityType, number> & { thing: number };

function voteSpan(tokens: Token[], span: NameSpan, votes: Votes, inName: (t: Token) => boolean) {
  const described = kindOfDescription(
    descriptionAfter(tokens, span, 'organization') ??
      copulaRole(tokens, span, 'organization') ??
      knownAsRole(tokens, span, inName),
  );
  if (described) votes[described] += 2;
  const listed = listKind(tokens, span, inName);
  if (listed) votes[listed] += 1;
  const before = tokens[span.first - 1];
  const before2 = tokens[span.first - 2];
  const last = tokens[span.last]!;
  const after = tokens[span.last + 1];
  const lower = (t: Token | undefined): boolean => !!t && /^\p{Ll}/u.test(t.word);
  if (before && !breaks(before)) {
    // "President Ana Ruiz": a title makes a person; "data firm Portline" an organisation.
    const title = before.tags.has('Honorific') || ROLE_NOUNS.has(before.lower.replace(/\.$/, ''));
    if (/^\p{Lu}/u.test(before.word) && title) votes.person += 1;
    if (lower(before) && kindOfDescription(before.lower) === 'organization')
      votes.organization += 1;
  }
  // "an economist at Portline": where a person works is an organisation.
  if (
    before?.lower === 'at' &&
    before2 &&
    (ROLE_NOUNS.has(before2.lower) || before2.tags.has('Actor'))
  )
    votes.organization += 1;
  if (ORGANISATION_BEFORE.some(([w, p]) => before2?.lower === w && before?.lower === p))
    votes.organization += 1;
  if (!after) return;
  // "Portline's chief executive", "Portline's shares": what a company has.
  if (last.possessive && CORPORATE_AFTER.has(after.lower)) votes.organization += 1;
  const then = tokens[span.last + 2]?.lower;
  if (last.possessive && CORPORATE_PAIRS.some(([a, b]) => after.lower === a && then === b))
    votes.organization += 1;

  // "Portline, which won the contract, …": a relative "which" is for a thing, "who" for a person.
  if (/^,\s*$/u.test(last.post) && after.lower === 'which') votes.thing += 1;
  if (breaks(last)) return;
  // "Portline shares", "Portline spokeswoman".
  if (ORGANISATION_AFTER.has(after.lower.replace(/\.$/, ''))) votes.organization += 1;
  // "the Chelsea neighbourhood": a place noun right after the name.
  if (lower(after) && kindOfDescription(after.lower) === 'place') votes.place += 1;
  // "Ohio-based": a place is what something is based in.
  if (/^-$/.test(last.post) && after.lower === 'based') votes.place += 1;
}

/** "companies" → "company", "firms" → "firm": the singular a list's noun is looked up by. */
function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

const LIST_WORDS = new Set([',', 'and', 'or']);
const QUANTIFIERS = wordSet('dozens hundreds scores several many some few of');
const SUCH_AS = wordSet('such as like including');
/** How far a list of names is followed. */
const LIST_REACH = 30;

/** A list's kind: "Ashby, Portline and other companies", "companies such as Portline and Velkor". */
function listKind(
  tokens: Token[],
  span: NameSpan,
  inName: (t: Token) => boolean,
): EntityType | undefined {
  const sentence = tokens[span.first]!.sentence;
  const kindOf = (noun: Token | undefined): EntityType | undefined =>
    noun && /^\p{Ll}/u.test(noun.word) ? kindOfDescription(singular(noun.lower)) : undefined;
  // Forward over the rest of the list to "and other …".
  for (let i = span.last + 1; i < tokens.length && i - span.last < LIST_REACH; i++) {
    const t = tokens[i]!;
    if (t.sentence !== sentence) break;
    const prev = tokens[i - 1]!.lower;
    if (t.lower === 'other' && (LIST_WORDS.has(prev) || QUANTIFIERS.has(prev))) {
      // "other companies", "other internet and technology companies": the first kind noun.
      for (let j = i + 1; j < tokens.length && j - i <= 5; j++) {
        const kind = kindOf(tokens[j]);
        if (kind) return kind;
        if (breaks(tokens[j]!)) break;
      }
      return undefined;
    }
    const listy = inName(t) || /^\p{Lu}/u.test(t.word) || LIST_WORDS.has(t.lower);
    if (!listy && !QUANTIFIERS.has(t.lower) && t.lower !== 'other') break;
  }
  // Backward over the list's start to "… such as", "… including".
  for (let i = span.first - 1; i >= 0 && span.first - i < LIST_REACH; i--) {
    const t = tokens[i]!;
    if (t.sentence !== sentence) break;
    if (SUCH_AS.has(t.lower)) {
      const noun = t.lower === 'as' ? tokens[i - 2] : tokens[i - 1];
      return kindOf(noun);
    }
    if (!(inName(t) || /^\p{Lu}/u.test(t.word) || LIST_WORDS.has(t.lower))) break;
  }
  return undefined;
}

/** Retypes drafts whose cues outvote their type; returns nothing, drafts change in place. */
export function retypeByCues(
  tokens: Token[],
  spans: NameSpan[],
  actorOf: number[],
  drafts: ActorDraft[],
): void {
  const votes: Votes[] = drafts.map(() => ({ person: 0, organization: 0, place: 0, thing: 0 }));
  const ends = new Set(spans.map((s) => s.end));
  const inName = (t: Token): boolean => ends.has(t.end);
  spans.forEach((span, k) => {
    voteSpan(tokens, span, votes[actorOf[k]!]!, inName);
  });
  drafts.forEach((d, i) => {
    // A country stays a place; a person named in full ("Ana Ruiz") stays a person.
    if (d.country || (d.type === 'person' && d.gender !== 'unknown')) return;
    const v = votes[i]!;
    const name = [...d.surfaces.keys()].sort((a, b) => b.length - a.length)[0] ?? '';
    const ending = name.includes(' ')
      ? (name.split(' ').at(-1) ?? '').toLowerCase().replace(/\.$/, '')
      : '';
    if (ORGANISATION_ENDINGS.has(ending)) v.organization += 3;
    if (PLACE_ENDINGS.has(ending)) v.place += 3;
    // A "person" called "which" is likelier an organisation; a place stays a place.
    if (d.type === 'person') v.organization += v.thing;
    const types: EntityType[] = ['person', 'organization', 'place'];
    const best = types.sort((a, b) => v[b] - v[a])[0]!;
    const runnerUp = Math.max(...types.filter((t) => t !== best).map((t) => v[t]));
    if (best !== d.type && v[best] >= 1 && v[best] > runnerUp) d.type = best;
  });
}

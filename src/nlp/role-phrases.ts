import type { EntityType } from '../model/analysis.ts';
import { LIMITS } from '../model/limits.ts';
import { kindOfDescription } from './kind-nouns.ts';
import type { NameSpan } from './name-span.ts';
import { ROLE_NOUNS, TITLE_WORDS, wordSet } from './text/lexicon.ts';
import type { Token } from './text/tokens.ts';

/**
 * Descriptions an article gives a name in a phrase of its own, for every kind of actor:
 * "Portline, the Ohio-based toolmaker," · "Eastquay -- the country's space agency" ·
 * "Marrowby is the capital of the province" · "Mara Quist is the chief executive of
 * Portline". A person's phrase must be headed by a role noun ("Quist is a liar" is no role);
 * a place's or an organisation's by any common noun ("the capital", "a nonprofit group").
 */

const DETERMINERS = new Set(['the', 'a', 'an']);
const COPULAS = new Set(['is', 'was', 'remains']);
/** Words that open a clause: a description stops before them. */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whose', 'where', 'when', 'as', 'and']);
const PREPOSITIONS = new Set(['of', 'at', 'in', 'for', 'on', 'with', 'from', 'to', 'by']);
/** How many words a description may run to before it is more than a description. */
const MAX_WORDS = 16;

/** A dash between the name and its description: "Portline -- the toolmaker". */
export function dashAfter(t: Token): boolean {
  return /^\s*(?:--|—|–)\s*$/u.test(t.post);
}

/** The phrase's end: the token before a comma, dash, bracket, full stop or clause. */
function phraseEnd(tokens: Token[], start: number): number | null {
  const sentence = tokens[start]!.sentence;
  for (let i = start; i < tokens.length && i - start < MAX_WORDS; i++) {
    const t = tokens[i]!;
    if (t.sentence !== sentence) return i - 1;
    if (i > start && CLAUSE_OPENERS.has(t.lower)) return i - 1;
    // A finite verb ends a description: "the network financed by …" keeps "the network".
    const verb = t.tags.has('Verb') && !t.tags.has('Gerund') && !ROLE_NOUNS.has(t.lower);
    if (i > start && verb) return i - 1;
    if (/[,;:.!?()[\]"“”]/u.test(t.post.replace(/^[’']s/u, '')) || dashAfter(t)) return i;
  }
  return null;
}

/** Nouns of time: "Quist, a day after the vote," describes when, not who. */
const TIME_NOUNS = wordSet(
  'day week month year time moment hour minute night morning evening afternoon decade weekend',
);

/** Family and friends: "his wife, Ana Ruiz" says who she is to him, not what she does. */
const KIN = wordSet(
  'wife husband son daughter father mother brother sister child uncle aunt nephew niece ' +
    'cousin grandson granddaughter grandfather grandmother friend girlfriend boyfriend ' +
    'fiance fiancé fiancee fiancée widow widower stepson stepdaughter stepfather stepmother',
);

export function isKin(t: Token): boolean {
  return KIN.has(t.lower);
}

/** The head of a noun phrase: its last word before the first preposition (or its last word). */
export function phraseHead(phrase: readonly Token[]): Token | undefined {
  const cut = phrase.findIndex(
    (t, i) => i > 0 && (PREPOSITIONS.has(t.lower) || t.tags.has('Preposition')),
  );
  return phrase[(cut === -1 ? phrase.length : cut) - 1];
}

/** A singular common noun heading a description: "a nurse from Ashby", "the capital". */
export function isCommonHead(head: Token | undefined): boolean {
  if (!head || !/^\p{Ll}/u.test(head.word) || !head.tags.has('Noun')) return false;
  if (head.tags.has('Pronoun') || head.tags.has('Plural')) return false;
  return !TIME_NOUNS.has(head.lower) && !isKin(head);
}

/** Does this run of tokens read as a noun phrase describing something (not a clause)? */
function isDescription(phrase: Token[], type: EntityType): boolean {
  const head = phraseHead(phrase);
  if (!isCommonHead(head)) return false;
  const personNoun = isRoleNoun(head!) || isAgentNoun(head!);
  // "…within Ashland, the country’s intelligence chief said": a person's role, not the place's.
  if (type !== 'person') return !personNoun || kindOfDescription(head!.lower) !== undefined;
  return personNoun;
}

/** A party's member is a role in politics copy: "the top Democrat on the panel". */
const PARTY_MEMBERS = new Set(['democrat', 'republican', 'tory']);

/** A noun that names a role: the role lexicon's, or a party member. */
export function isRoleNoun(t: Token): boolean {
  return ROLE_NOUNS.has(t.lower) || PARTY_MEMBERS.has(t.lower);
}

/** "developer", "billionaire", "economist": nouns for what a person is or does. */
export function isAgentNoun(t: Token): boolean {
  if (!t.tags.has('Noun') || t.tags.has('Plural') || !/^\p{Ll}/u.test(t.word)) return false;
  if (isKin(t)) return false;
  // compromise tags nouns for people by what they do "Actor" ("host", "editor", "pilot").
  if (t.tags.has('Actor')) return true;
  return /(?:er|or|ist|ian|aire|eer|ess|man|woman|ee)$/u.test(t.lower) && t.lower.length > 4;
}

/**
 * A role as the article writes it: possessives, hyphens ("Ohio-based") and the full stop of
 * an abbreviated title ("Sen.") kept, other punctuation between words dropped.
 */
export function roleText(tokens: Token[], first: number, last: number): string {
  let out = '';
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    out += t.word;
    if (t.possessive) out += t.post.slice(0, 2);
    else if (/^\./.test(t.post) && t.word.length <= 4 && isTitleWordLower(t.lower)) out += '.';
    if (i < last) out += /^-$/.test(t.post) ? '-' : ' ';
  }
  return out;
}

/**
 * A description too long to print as a role is cut after its head noun phrase: "senior
 * fellow at the … Centre at Ashby University" keeps "senior fellow at the … Centre".
 */
export function fitRole(role: string): string | null {
  if (role.length <= LIMITS.actorNameChars) return role;
  const words = role.split(' ');
  for (let n = words.length - 1; n > 1; n--) {
    const cut = words.slice(0, n);
    if (PREPOSITIONS.has(words[n]!.toLowerCase()) && cut.join(' ').length <= LIMITS.actorNameChars)
      return cut.join(' ');
  }
  return null;
}

function describedFrom(tokens: Token[], start: number, type: EntityType): string | null {
  const first = tokens[start];
  if (!first) return null;
  const from = start;
  // "Ashby, capital of the province," needs no article; a person's role always has one here.
  const bareNoun = type !== 'person' && /^\p{Ll}/u.test(first.word) && first.tags.has('Noun');
  const oneOf = first.lower === 'one' && tokens[start + 1]?.lower === 'of';
  if (!oneOf && !bareNoun && !DETERMINERS.has(first.lower) && !first.possessive) return null;
  const end = phraseEnd(tokens, start);
  if (end === null || end <= start) return null;
  const phrase = tokens.slice(from, end + 1);
  if (!isDescription(DETERMINERS.has(first.lower) ? phrase.slice(1) : phrase, type)) return null;
  const role = roleText(tokens, DETERMINERS.has(first.lower) ? start + 1 : start, end);
  return fitRole(role);
}

/** "Portline, the Ohio-based toolmaker," or "Portline -- the toolmaker that …". */
export function descriptionAfter(tokens: Token[], span: NameSpan, type: EntityType): string | null {
  const last = tokens[span.last]!;
  if (!/^,/.test(last.post) && !dashAfter(last)) return null;
  return describedFrom(tokens, span.last + 1, type);
}

/** "Marrowby is the capital of the province", the name opening its sentence. */
export function copulaRole(tokens: Token[], span: NameSpan, type: EntityType): string | null {
  const before = tokens[span.first - 1];
  if (before && before.sentence === tokens[span.first]!.sentence) return null;
  const verb = tokens[span.last + 1];
  if (!verb || !COPULAS.has(verb.lower) || tokens[span.last]!.possessive) return null;
  return describedFrom(tokens, span.last + 2, type);
}

const WHEN_WORDS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|last|next|this|\d+)$/u;
/** Verbs that give someone a post: "Quist was appointed director of the trust". */
const APPOINTED = wordSet('appointed named elected made chosen installed promoted');

/** "Mara Quist was appointed director of the trust", "… has been named the new coach". */
export function appointedRole(tokens: Token[], span: NameSpan): string | null {
  let i = span.last + 1;
  if (!['was', 'is', 'has', 'had'].includes(tokens[i]?.lower ?? '')) return null;
  i++;
  if (tokens[i]?.lower === 'been') i++;
  if (!APPOINTED.has(tokens[i]?.lower ?? '')) return null;
  i++;
  if (tokens[i]?.lower === 'as') i++;
  if (DETERMINERS.has(tokens[i]?.lower ?? '')) i++;
  const first = tokens[i];
  if (!first || first.sentence !== tokens[span.last]!.sentence || !/^\p{Ll}/u.test(first.word))
    return null;
  let end = phraseEnd(tokens, i);
  if (end === null || end < i) return null;
  // "… director of the trust on Monday": the time the post was given is not the post.
  for (let k = i + 1; k < end; k++)
    if (PREPOSITIONS.has(tokens[k]!.lower) && WHEN_WORDS.test(tokens[k + 1]!.lower)) end = k - 1;
  const head = phraseHead(tokens.slice(i, end + 1));
  if (!head || !(isRoleNoun(head) || isAgentNoun(head))) return null;
  return fitRole(roleText(tokens, i, end));
}

/** Titles that say nothing on their own: an abbreviation ("Sen.") or a bare "Leader". */
const BARE_TITLES = wordSet(
  'sen rep gov gen col lt sgt capt cmdr adm maj hon pres dep sec leader chief head member deputy former acting',
);

export function isBareTitle(role: string): boolean {
  // "Former Gov." is as bare as "Gov.": a time word adds nothing to an abbreviation.
  const core = role.toLowerCase().replace(/^(?:former|then|acting|interim|ex)[\s-]+/, '');
  return BARE_TITLES.has(core.replace(/\.$/, ''));
}

/** "(D-Ohio)" or "(R-Texas)" right after a name: party and state, as US papers give them. */
export function partyTag(tokens: Token[], span: NameSpan): string | null {
  const last = tokens[span.last]!;
  const next = tokens[span.last + 1];
  // "(D-Ohio)" or AP style ", D-Ohio,".
  if (!next || !/[(,]\s*$/u.test(last.post + next.pre)) return null;
  const m = /^([DRI])-(\p{Lu}[\p{L}.]*)$/u.exec(next.word);
  if (m) return `${m[1]}-${m[2]}`;
  return null;
}

/** Tags of words that cannot sit inside a noun phrase's modifiers ("campaign" may: compromise calls it a verb). */
const FUNCTION_TAGS = [
  'Preposition',
  'Conjunction',
  'Determiner',
  'Pronoun',
  'Adverb',
  'Copula',
  'Modal',
  'PastTense',
  'Auxiliary',
];

/** Words that open the noun phrase a role before a name belongs to. */
const OPENERS = new Set(['the', 'a', 'an', 'another', 'its', 'his', 'her', 'their']);

/**
 * The words of a noun phrase ending at `head`, back to its opener ("another Portline
 * host"), or null when no opener is found within a few words. `inName` says a capitalised
 * word belongs to a name ("Portline" in "the Portline host").
 */
function phraseBefore(tokens: Token[], head: number, inName: (t: Token) => boolean): string | null {
  for (let i = head - 1; i >= 0 && head - i <= 5; i--) {
    const t = tokens[i]!;
    if (t.sentence !== tokens[head]!.sentence) return null;
    if (OPENERS.has(t.lower) || (t.possessive && /^\p{Ll}/u.test(t.word))) {
      return i + 1 <= head ? roleText(tokens, i + 1, head) : null;
    }
    // "Ashland’s domestic intelligence chief": a named owner opens the phrase and stays in it.
    if (t.possessive && inName(t)) return roleText(tokens, i, head);
    // "editor in chief": a preposition inside a title, not right after the opener.
    const inside = (t.lower === 'in' || t.lower === 'of') && i < head && i > 0;
    const modifier =
      t.tags.has('Adjective') ||
      t.tags.has('Demonym') ||
      t.tags.has('Gerund') ||
      (t.tags.has('ProperNoun') && /^\p{Lu}/u.test(t.word)) ||
      (/^\p{Ll}/u.test(t.word) && !FUNCTION_TAGS.some((tag) => t.tags.has(tag))) ||
      inName(t) ||
      inside;
    if (!modifier || /[,;:.!?()"“”]/u.test(t.post)) return null;
  }
  return null;
}

/** "a shadowy hacking group known as Grey Heron", "a charity called Portline Aid". */
export function knownAsRole(
  tokens: Token[],
  span: NameSpan,
  inName: (t: Token) => boolean,
): string | null {
  const prev = tokens[span.first - 1];
  const prev2 = tokens[span.first - 2];
  let head: number;
  if (prev?.lower === 'as' && prev2?.lower === 'known') head = span.first - 3;
  else if (prev && (prev.lower === 'called' || prev.lower === 'named')) head = span.first - 2;
  else return null;
  const h = tokens[head];
  if (!h?.tags.has('Noun') || !/^\p{Ll}/u.test(h.word) || /[,;:.]/u.test(h.post)) return null;
  return phraseBefore(tokens, head, inName);
}

/** "Another Portline host, Ana Ruiz," — a role noun before a comma and the name. */
export function roleBeforeComma(
  tokens: Token[],
  span: NameSpan,
  inName: (t: Token) => boolean,
): string | null {
  const head = span.first - 1;
  const h = tokens[head];
  if (!h || !/^,/.test(h.post) || !/^\p{Ll}/u.test(h.word)) return null;
  if (!isRoleNoun(h) && !isAgentNoun(h)) return null;
  return phraseBefore(tokens, head, inName);
}

/** "the departure of Ana Ruiz as commissioner", "Ruiz, who served as its chief economist". */
export function asRole(tokens: Token[], span: NameSpan): string | null {
  const as = tokens[span.last + 1];
  if (as?.lower !== 'as' || /[,;:.]/u.test(tokens[span.last]!.post)) return null;
  let from = span.last + 2;
  if (tokens[from] && DETERMINERS.has(tokens[from]!.lower)) from++;
  for (let i = from; i < tokens.length && i - from < 4; i++) {
    const t = tokens[i]!;
    if (!/^\p{Ll}/u.test(t.word) || t.tags.has('Verb')) return null;
    const next = tokens[i + 1];
    const ends = /[,;:.!?)]/u.test(t.post) || !next || PREPOSITIONS.has(next.lower);
    if (ends) return isRoleNoun(t) || isAgentNoun(t) ? roleText(tokens, from, i) : null;
  }
  return null;
}

/** A title word, abbreviated or not, and one still to take office: "Sen.", "President-elect". */
export function isTitleWordLower(lower: string): boolean {
  const bare = lower.replace(/\.$/, '').replace(/-(?:elect|designate)$/, '');
  return TITLE_WORDS.has(bare);
}

/**
 * "the ride-hailing company Portline", "the port city of Ashby": a common noun of the right
 * kind right before an organisation's or a place's name.
 */
export function kindBefore(
  tokens: Token[],
  span: NameSpan,
  type: EntityType,
  inName: (t: Token) => boolean,
): string | null {
  if (type === 'person') return null;
  const of = tokens[span.first - 1]?.lower === 'of' && type === 'place';
  const head = span.first - (of ? 2 : 1);
  const h = tokens[head];
  if (
    !h ||
    !/^\p{Ll}/u.test(h.word) ||
    /[,;:.]/u.test(h.post) ||
    kindOfDescription(h.lower) !== type
  )
    return null;
  return phraseBefore(tokens, head, inName);
}

/** Verbs of leading or doing a job, to the role they give: "who heads the unit" → "head of …". */
const ROLE_VERBS = new Map([
  ['heads', 'head'],
  ['headed', 'head'],
  ['leads', 'leader'],
  ['led', 'leader'],
  ['runs', 'head'],
  ['ran', 'head'],
  ['chairs', 'chair'],
  ['chaired', 'chair'],
  ['directs', 'director'],
  ['manages', 'manager'],
  ['coaches', 'coach'],
  ['founded', 'founder'],
  ['owns', 'owner'],
  ['edits', 'editor'],
  ['commands', 'commander'],
]);

/**
 * "Ilsa Brenner, who heads Portline's anti-fraud team," → "head of Portline's anti-fraud
 * team": a relative clause with a verb of leading gives the role its noun would.
 */
export function relativeRole(tokens: Token[], span: NameSpan): string | null {
  const last = tokens[span.last]!;
  const who = tokens[span.last + 1];
  const verb = tokens[span.last + 2];
  if (!/^,/.test(last.post) || who?.lower !== 'who' || !verb) return null;
  const noun = ROLE_VERBS.get(verb.lower);
  if (!noun || verb.sentence !== last.sentence) return null;
  const end = phraseEnd(tokens, span.last + 3);
  if (end === null || end < span.last + 3) return null;
  return fitRole(`${noun} of ${roleText(tokens, span.last + 3, end)}`);
}

import nlp from 'compromise';
import type { EntityType } from '../src/model/analysis.ts';

/**
 * Whether our speaker is the gold Source, counted two ways.
 * - Lenient (the figure we have always printed): our surname, or any name word of ours longer
 *   than two letters, is among the gold's capitalised words.
 * - Strict: a person is right when our surname equals the surname (last word) of one of the
 *   gold's runs of capitalised words (nameRuns) and nothing tells them apart: a given name of
 *   ours must be among that run's words when it has one, and must not contradict a "Mr." or
 *   "Mrs."/"Ms." ("Mara Quist" is not "Mr. Quist"). An organisation or place is right only
 *   when its name words equal one of the gold's runs ("Harbour Board" is not "Portline
 *   Harbour Board"). A speaker that is no actor of ours is judged as a person.
 */

function nameWords(s: string): string[] {
  return (s.match(/\p{Lu}[\p{L}.’'-]*/gu) ?? []).map((w) =>
    w.replace(/’/gu, "'").replace(/'s$/u, '').toLowerCase(),
  );
}

export function sameSpeakerLenient(ours: string, gold: string): boolean {
  const goldWords = new Set(nameWords(gold).filter((w) => w !== 'the'));
  const ourWords = ours.split(/\s+/).map((w) => w.replace(/’/gu, "'").toLowerCase());
  const surname = ourWords.at(-1);
  return (
    (!!surname && goldWords.has(surname)) ||
    ourWords.some((w) => w.length > 2 && goldWords.has(w) && /^\p{L}/u.test(w))
  );
}

const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'king', 'mister']);
const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'lady', 'queen', 'dame', 'madam']);
/** Titles and offices that stand before a name and are no given name. */
const TITLES = new Set([
  ...MALE_TITLES,
  ...FEMALE_TITLES,
  'dr',
  'prof',
  'professor',
  'sen',
  'senator',
  'rep',
  'representative',
  'gov',
  'governor',
  'president',
  'vice',
  'former',
  'secretary',
  'minister',
  'prime',
  'chancellor',
  'leader',
  'majority',
  'minority',
  'speaker',
  'house',
  'senate',
  'state',
  'attorney',
  'general',
  'gen',
  'col',
  'capt',
  'judge',
  'justice',
  'chief',
  'mayor',
  'rev',
  'pope',
  'candidate',
  'nominee',
  'democratic',
  'republican',
  'sheriff',
  'officer',
  'director',
  'chairman',
  'chairwoman',
  'first',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that']);
const SUFFIXES = new Set([
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  // A company's legal form: "Lenzing AG" is the Lenzing an article quotes.
  'inc',
  'inc.',
  'plc',
  'ltd',
  'ltd.',
  'corp',
  'corp.',
  'llc',
  'ag',
  'oy',
  'oyj',
  'sa',
  'nv',
  'gmbh',
  'spa',
  'ab',
  'asa',
  'bv',
]);
/** Lower-case words an organisation's name may hold ("Committee on Intelligence and Security"). */
const CONNECTORS = new Set(['of', 'on', 'and', 'for', 'the', 'de', 'du', 'la', '&']);

// The apostrophe's shape is typography, not a different name: "O’Tarran" is "O'Tarran".
const bare = (w: string): string =>
  w
    .replace(/’/gu, "'")
    .replace(/'s$/u, '')
    .replace(/[.,;:()"“”]+/gu, '')
    .toLowerCase();

/**
 * The runs of capitalised words in a gold Source, each a candidate name: "Rep. Mara Quist
 * (D-Ohio), the panel's chair" gives "Rep. Mara Quist". Words in parentheses are skipped; a
 * run ending in a possessive names someone else ("Quist's spokesman"), so it is dropped. With
 * `connectors`, an organisation's lower-case words stay inside a run ("Board of Trade"); with
 * `ownedNames`, an owner's mark before a capitalised word stays too ("People's Daily").
 */
export function nameRuns(gold: string, connectors: boolean, ownedNames = false): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let depth = 0;
  // A possessive run that ends the Source names the speaker after all ("Quist's" alone).
  let possessive: string[] | null = null;
  const end = (keep: boolean): void => {
    while (run.length && CONNECTORS.has(run.at(-1)!)) run.pop();
    if (keep && run.length) runs.push(run);
    run = [];
  };
  const raws = gold.trim().split(/\s+/);
  for (const [k, raw] of raws.entries()) {
    possessive = null;
    const opens = (raw.match(/\(/g) ?? []).length;
    const closes = (raw.match(/\)/g) ?? []).length;
    if (depth > 0 || opens > 0) {
      end(true);
      depth = Math.max(0, depth + opens - closes);
      continue;
    }
    const w = raw.replace(/^["“‘']+/u, '');
    if (/^\p{Lu}/u.test(w)) {
      run.push(bare(w));
      const inside = ownedNames && /[’']s$/u.test(w) && /^\p{Lu}/u.test(raws[k + 1] ?? '');
      if (/[’']s[,;:]?$/u.test(w) && !inside) {
        possessive = run;
        end(false);
      } else if (/[,;:"”]$/u.test(w)) end(true);
    } else if (connectors && run.length && CONNECTORS.has(w.toLowerCase())) {
      run.push(w.toLowerCase());
    } else end(true);
  }
  end(true);
  if (possessive) runs.push(possessive);
  return runs.map((r) => r.filter((w) => w !== ''));
}

function withoutSuffix(words: string[]): string[] {
  const out = [...words];
  while (out.length > 1 && SUFFIXES.has(out.at(-1)!)) out.pop();
  return out;
}

function genderOf(givenName: string): 'male' | 'female' | null {
  const tags =
    (nlp(givenName).json() as Array<{ terms: Array<{ tags: string[] }> }>)[0]?.terms[0]?.tags ?? [];
  if (tags.includes('FemaleName')) return 'female';
  if (tags.includes('MaleName')) return 'male';
  return null;
}

function samePerson(ours: string[], gold: string[]): boolean {
  const ourSurname = ours.at(-1);
  const goldSurname = gold.at(-1);
  if (!ourSurname || ourSurname !== goldSurname) return false;
  const ourGiven = ours.slice(0, -1).filter((w) => !TITLES.has(w))[0];
  if (!ourGiven) return true;
  const goldRest = gold.slice(0, -1);
  const goldGiven = goldRest.filter((w) => !TITLES.has(w) && !CONNECTORS.has(w));
  // "Vargas Llosa" for "Mario Vargas Llosa": a surname of two words is the end of our name.
  const tail = ours.slice(ours.length - 1 - goldGiven.length, -1);
  if (
    goldGiven.length &&
    goldGiven.length < ours.length - 1 &&
    goldGiven.every((w, i) => w === tail[i])
  )
    return true;
  if (goldGiven.length)
    return goldGiven.some((g) => g === ourGiven || (g.length === 1 && ourGiven.startsWith(g)));
  const gender = genderOf(ourGiven);
  if (goldRest.some((w) => MALE_TITLES.has(w))) return gender !== 'female';
  if (goldRest.some((w) => FEMALE_TITLES.has(w))) return gender !== 'male';
  return true;
}

/** Strict match; `type` is our speaker's actor type, or null when we have none for it. */
export function sameSpeakerStrict(ours: string, gold: string, type: EntityType | null): boolean {
  // "Belmoran foreign ministry": a described speaker written as the gold writes it is right,
  // whatever its words' case says of being a name.
  const written = (s: string): string =>
    s
      .toLowerCase()
      .replace(/^the\s+/u, '')
      .trim();
  if (written(ours) === written(gold)) return true;
  const ourWords = withoutSuffix(ours.split(/\s+/).map(bare).filter(Boolean));
  if (type === null || type === 'person')
    return nameRuns(gold, false).some((run) => samePerson(ourWords, withoutSuffix(run)));
  const key = (ws: string[]): string =>
    [...new Set(ws.filter((w) => !DETERMINERS.has(w)))].sort().join(' ');
  // "People's Daily" is a name with an owner's mark in it; "Belmora's Channel Four" names
  // Channel Four: both readings of the gold are tried.
  const runs = [...nameRuns(gold, true), ...nameRuns(gold, true, true)];
  return (
    spelledOutAcronym(ours, gold) || runs.some((run) => key(ourWords) === key(withoutSuffix(run)))
  );
}

/**
 * Is the gold an acronym ("the HSB") of our name spelled out ("Harbour Safety Board")? Our
 * acronym against the gold's full name is not counted: the article spelled the name out, so
 * the speaker should be too.
 */
function spelledOutAcronym(ours: string, gold: string): boolean {
  const words = ours.split(/\s+/);
  const capitals = words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  if (words.length < 2 || capitals.length < 2) return false;
  const goldWords = gold
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.,;:()"“”’']+/gu, ''))
    .filter((w) => !DETERMINERS.has(w.toLowerCase()));
  return goldWords.length === 1 && goldWords[0] === capitals;
}

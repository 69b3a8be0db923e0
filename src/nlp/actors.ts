import type { Actor, EntityType, Mention } from '../model/analysis.ts';
import type { ActorDraft } from './actor-draft.ts';
import { afterMainVerb } from './main-clause.ts';
import { fullFormOf, nameWords } from './name-forms.ts';
import type { NameSpan } from './name-span.ts';
import { definedAcronyms, isOrgAliasOf, linkOrgAliases } from './org-aliases.ts';
import { compatible, type Gender, genderOf, titleGender } from './person-gender.ts';
import { LOCATIVE_PREPOSITIONS } from './text/lexicon.ts';
import { lookupPlace } from './text/places.ts';
import { firstIndexWhere } from './text/sorted.ts';
import type { Token } from './text/tokens.ts';

/**
 * Merges name mentions into one actor per entity: "Quist" joins "Mara Quist", "UK",
 * "United Kingdom" and "Britain" join one place, "Eastquay" used for its government joins Saltreach,
 * an acronym joins its spelled-out name. Picks each actor's canonical name.
 */

export interface ResolvedActors {
  drafts: ActorDraft[];
  /** For each name span (same order as input), the index of its draft. */
  actorOf: number[];
}

/** A capital used for its government: "Eastquay’s threats", "Eastquay has grown …". */
function isMetonym(tokens: Token[], span: NameSpan): boolean {
  const last = tokens[span.last]!;
  if (last.possessive) return true;
  const prev = tokens[span.first - 1];
  if (
    prev &&
    (LOCATIVE_PREPOSITIONS.has(prev.lower) || prev.lower === 'the' || prev.lower === 'of')
  )
    return false;
  const next = tokens[span.last + 1];
  return (
    !!next &&
    ['Verb', 'Modal', 'Auxiliary', 'Copula'].some((t) => next.tags.has(t)) &&
    !next.tags.has('Gerund')
  );
}

function keyOf(tokens: Token[], span: NameSpan): { key: string; country?: string } {
  const lower = nameWords(span.text).join(' ');
  if (span.type !== 'place') return { key: `${span.type}:${lower}` };
  const place = lookupPlace(span.text);
  if (!place) return { key: `place:${lower}` };
  // "Washington D.C." spelled out is the city; only the bare capital stands for a government.
  const city = span.text.includes(' ') || !isMetonym(tokens, span);
  if (place.form === 'capital' && city) return { key: `place:${lower}` };
  return { key: `place:${place.country.toLowerCase()}`, country: place.country };
}

export function resolveActors(tokens: Token[], spans: NameSpan[]): ResolvedActors {
  const drafts: ActorDraft[] = [];
  const byKey = new Map<string, number>();
  const actorOf: number[] = [];
  const sentencesWithPerson = new Set<number>();
  const people = new PeopleByName();

  for (const span of spans) {
    const words = span.text.split(' ');
    let index: number | undefined;
    if (span.type === 'person' && words.length === 1)
      index = findPersonByPart(drafts, people, span.text, false, titleGender(tokens, span));
    if (index === undefined && span.type !== 'person' && words.length === 1) {
      // compromise sometimes types a known person's surname as something else.
      index = findPersonByPart(drafts, people, span.text, true);
    }
    if (index === undefined) {
      const { key, country } = keyOf(tokens, span);
      index = byKey.get(key);
      if (index === undefined) {
        index = drafts.length;
        byKey.set(key, index);
        const draft: ActorDraft = {
          key,
          type: span.type,
          surfaces: new Map(),
          mentionSpans: [],
          first: span.start,
          gender: 'unknown',
          role: null,
          lastMention: -1,
          lastSubject: -1,
        };
        if (country) draft.country = country;
        drafts.push(draft);
      }
    }
    const draft = drafts[index]!;
    draft.surfaces.set(span.text, (draft.surfaces.get(span.text) ?? 0) + 1);
    if (draft.type === 'person') people.add(index, span.text);
    draft.mentionSpans.push(span);
    if (draft.gender === 'unknown' && span.type === 'person')
      draft.gender = surnameAlone(draft, span) ? titleGender(tokens, span) : genderOf(tokens, span);
    draft.lastMention = span.start;
    const sentence = tokens[span.first]!.sentence;
    if (
      draft.type === 'person' &&
      !sentencesWithPerson.has(sentence) &&
      !inDateline(tokens, span.first) &&
      !afterMainVerb(tokens, span.first)
    ) {
      sentencesWithPerson.add(sentence);
      draft.lastSubject = span.start;
    }
    actorOf.push(index);
  }
  return mergeLateFullNames(drafts, actorOf);
}

/**
 * "Christie" after "Lennart Christie": a surname on its own, whose look of a given name
 * ("Christie", "Kelly") says nothing of the person's gender.
 */
function surnameAlone(draft: ActorDraft, span: NameSpan): boolean {
  if (span.first !== span.last) return false;
  for (const surface of draft.surfaces.keys()) if (/\s/u.test(surface)) return true;
  return false;
}

/**
 * Is the token in a dateline ("FLINT, Mich., Oct. 4 (UPI) —")? Its names say where and who
 * filed the story; none of them is what the sentence is about.
 */
export function inDateline(tokens: Token[], i: number): boolean {
  const start = sentenceStartOf(tokens, i);
  const opener = tokens[start]!;
  if (!/^\p{Lu}{2,}$/u.test(opener.word.replace(/[ .-]/g, ''))) return false;
  for (
    let k = start;
    k < Math.min(tokens.length, start + 14) && tokens[k]!.sentence === opener.sentence;
    k++
  ) {
    // A wire's plain " - " after the date ("MARROWBY 1996-06-04 - ") is its dash too.
    const gap = tokens[k]!.post + (tokens[k + 1]?.pre ?? '');
    if (/[—–]|--/.test(gap) || (/^\s+-\s+$/u.test(gap) && /\d/u.test(tokens[k]!.word)))
      return i <= k;
  }
  return false;
}

/** The first token of token i's sentence: tokens are in sentence order. */
function sentenceStartOf(tokens: Token[], i: number): number {
  const sentence = tokens[i]!.sentence;
  return firstIndexWhere(tokens, (t) => t.sentence < sentence);
}

/**
 * Person drafts by the first and last word of every fullest name they have had, so a
 * one-word mention looks at the few people it could be rather than at every actor (which
 * grew with the square of a long article's length). Candidates are checked again on use.
 */
class PeopleByName {
  private readonly longest = new Map<number, number>();
  private readonly byPart = new Map<string, Set<number>>();

  add(index: number, surface: string): void {
    const parts = nameWords(surface);
    if (parts.length <= (this.longest.get(index) ?? 0)) return;
    this.longest.set(index, parts.length);
    if (parts.length < 2) return;
    for (const key of [`last:${parts.at(-1)}`, `first:${parts[0]}`]) {
      const set = this.byPart.get(key);
      if (set) set.add(index);
      else this.byPart.set(key, new Set([index]));
    }
  }

  /** Drafts that may have `word` as their last (or first) name, in draft order. */
  candidates(word: string, last: boolean): number[] {
    const key = `${last ? 'last' : 'first'}:${nameWords(word).join(' ')}`;
    return [...(this.byPart.get(key) ?? [])].sort((a, b) => a - b);
  }
}

/**
 * The person actor whose full name has this word as its last (or first) name. When two share
 * it ("Quist said" after Mara and Tobin Quist), the one most recently the subject of a
 * sentence, then the one most recently named.
 */
function findPersonByPart(
  drafts: ActorDraft[],
  people: PeopleByName,
  word: string,
  lastNameOnly = false,
  gender: Gender = 'unknown',
): number | undefined {
  const fits = (d: ActorDraft, last: boolean): boolean => {
    // "Mrs. Ruiz" is not the Tomas Ruiz named before her. But "Mr Kim" after "Kim Jisu"
    // names the family name written first, so a gender read from it as a given name says
    // nothing.
    if (d.type !== 'person' || (last && !compatible(d.gender, gender))) return false;
    const parts = nameWords(longestSurface(d));
    const folded = nameWords(word).join(' ');
    return parts.length >= 2 && (last ? parts.at(-1) === folded : parts[0] === folded);
  };
  const pick = (last: boolean): number | undefined => {
    let best: number | undefined;
    for (const i of people.candidates(word, last)) {
      const d = drafts[i]!;
      if (!fits(d, last)) continue;
      const b = best === undefined ? undefined : drafts[best]!;
      if (
        !b ||
        d.lastSubject > b.lastSubject ||
        (d.lastSubject === b.lastSubject && d.lastMention > b.lastMention)
      )
        best = i;
    }
    return best;
  };
  return pick(true) ?? (lastNameOnly ? undefined : pick(false));
}

/** "Quist said …" before "Mara Quist" appears: fold the surname-only actor into the full one. */
function mergeLateFullNames(drafts: ActorDraft[], actorOf: number[]): ResolvedActors {
  const target = drafts.map((_, i) => i);
  const names = drafts.map(longestSurface);
  const byLastName = indexBy(drafts, (d, i) =>
    d.type === 'person' ? nameWords(names[i]!).at(-1) : undefined,
  );
  const personWords = drafts.map((d, i) => (d.type === 'person' ? nameWords(names[i]!) : []));
  drafts.forEach((d, i) => {
    const name = names[i]!;
    if (d.type !== 'person') return;
    // "Ana Ruiz" after "Ana Maria Ruiz" is the same person, named shorter.
    const full = name.includes(' ')
      ? fullFormOf(personWords[i]!, personWords)
      : byLastName
          .get(nameWords(name).join(' '))
          ?.find((j) => j !== i && compatible(drafts[j]!.gender, d.gender));
    if (full !== undefined) target[i] = full;
  });
  // A surname folded into a name that is itself a shorter form goes on to the fullest one.
  for (let i = 0; i < target.length; i++)
    while (target[target[i]!] !== target[i]) target[i] = target[target[i]!]!;
  linkOrgAliases(drafts, drafts.map(longestSurface), target);
  const kept: ActorDraft[] = [];
  const newIndex = new Map<number, number>();
  drafts.forEach((d, i) => {
    if (target[i] !== i) return;
    newIndex.set(i, kept.length);
    kept.push(d);
  });
  drafts.forEach((d, i) => {
    const t = target[i]!;
    if (t === i) return;
    const into = drafts[t]!;
    for (const [s, n] of d.surfaces) into.surfaces.set(s, (into.surfaces.get(s) ?? 0) + n);
    for (const s of d.mentionSpans) into.mentionSpans.push(s); // spread overflows on many
    into.first = Math.min(into.first, d.first);
    if (into.gender === 'unknown') into.gender = d.gender;
  });
  return { drafts: kept, actorOf: actorOf.map((i) => newIndex.get(target[i]!)!) };
}

/** Draft indices by a key (none when the key is undefined), each list in draft order. */
function indexBy(
  drafts: ActorDraft[],
  keyOf: (d: ActorDraft, i: number) => string | undefined,
): Map<string, number[]> {
  const index = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    const key = keyOf(d, i);
    if (key === undefined) return;
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  });
  return index;
}

/** The surface with the most words; the first seen among equals. */
function longestSurface(d: ActorDraft): string {
  let best: string | undefined;
  for (const s of d.surfaces.keys())
    if (best === undefined || s.split(' ').length > best.split(' ').length) best = s;
  return best ?? '';
}

/**
 * A person's fullest name, unless it only adds a word before a name used more often:
 * "Crooked Ana Ruiz" once and "Ana Ruiz" thrice is Ana Ruiz with an epithet.
 */
function personName(d: ActorDraft): string {
  const full = longestSurface(d);
  const shorter = full.slice(full.indexOf(' ') + 1);
  const uses = (s: string): number => d.surfaces.get(s) ?? 0;
  return shorter.includes(' ') && uses(shorter) > uses(full) ? shorter : full;
}

/** The canonical name: a person's fullest name, a country's own name when used, else the most used form. */
export function canonicalName(d: ActorDraft): string {
  if (d.type === 'person') return personName(d);
  const surfaces = [...d.surfaces.keys()];
  if (d.country) {
    const own = surfaces.find((s) => lookupPlace(s)?.form === 'name');
    if (own) return own;
    const spelled = surfaces.filter((s) => /\p{Ll}/u.test(s) && lookupPlace(s)?.form !== 'capital');
    if (spelled.length) return spelled.sort((a, b) => b.length - a.length)[0]!;
    return d.country;
  }
  // "Harbour Safety Board (HSB)", "Tarnwell Energy": the short form is an alias, however
  // often it is used.
  const defined = definedAcronyms(d);
  const spelled = surfaces.filter(
    (s) => !defined.has(s) && !surfaces.some((o) => o !== s && isOrgAliasOf(s, o)),
  );
  return (
    spelled.sort(
      (a, b) => (d.surfaces.get(b) ?? 0) - (d.surfaces.get(a) ?? 0) || b.length - a.length,
    )[0] ?? ''
  );
}

const TYPE_WEIGHT: Record<EntityType, number> = { person: 1, organization: 0.5, place: 0 };

/** Ranked actors (most salient first) and the mentions pointing at them. */
export function finishActors(
  drafts: ActorDraft[],
  actorOf: number[],
  spans: NameSpan[],
  textLength: number,
): { actors: Actor[]; mentions: Mention[] } {
  const scored = drafts.map((d, i) => {
    const lead = d.first < textLength * 0.25 ? 0.5 : 0;
    const score = d.mentionSpans.length + (d.role ? 1 : 0) + TYPE_WEIGHT[d.type] + lead;
    return { d, i, score };
  });
  scored.sort((a, b) => b.score - a.score || a.d.first - b.d.first);
  const rank = new Map<number, number>();
  const actors: Actor[] = scored.map(({ d, i }, r) => {
    rank.set(i, r);
    const name = canonicalName(d);
    return {
      name,
      type: d.type,
      role: d.role,
      aliases: [...d.surfaces.keys()].filter((s) => s !== name),
      mentions: d.mentionSpans.length,
      first: d.first,
    };
  });
  const mentions: Mention[] = spans.map((s, k) => ({
    text: s.text,
    type: drafts[actorOf[k]!]!.type,
    start: s.start,
    end: s.end,
    actor: rank.get(actorOf[k]!)!,
  }));
  return { actors, mentions };
}

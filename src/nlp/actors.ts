import type { Actor, EntityType, Mention } from '../model/analysis.ts';
import type { NameSpan } from './names.ts';
import { LOCATIVE_PREPOSITIONS } from './text/lexicon.ts';
import { lookupPlace } from './text/places.ts';
import type { Token } from './text/tokens.ts';

/**
 * Merges name mentions into one actor per entity: "Quist" joins "Mara Quist", "UK",
 * "United Kingdom" and "Britain" join one place, "Tehran" used for its government joins Iran,
 * an acronym joins its spelled-out name. Picks each actor's canonical name.
 */

export type Gender = 'male' | 'female' | 'unknown';

export interface ActorDraft {
  key: string;
  type: EntityType;
  /** Surface forms in order of first appearance, with counts. */
  surfaces: Map<string, number>;
  mentionSpans: NameSpan[];
  first: number;
  gender: Gender;
  role: string | null;
  /** Set for places found in the gazetteer: the country's common name. */
  country?: string;
  /** Offsets of its latest mention, and of its latest mention as a sentence's first person. */
  lastMention: number;
  lastSubject: number;
}

export interface ResolvedActors {
  drafts: ActorDraft[];
  /** For each name span (same order as input), the index of its draft. */
  actorOf: number[];
}

/** A capital used for its government: "Tehran’s threats", "Tehran has grown …". */
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

function genderOf(tokens: Token[], span: NameSpan): Gender {
  const firstToken = tokens[span.first]!;
  if (firstToken.tags.has('MaleName')) return 'male';
  if (firstToken.tags.has('FemaleName')) return 'female';
  return 'unknown';
}

function keyOf(tokens: Token[], span: NameSpan): { key: string; country?: string } {
  const lower = span.text.toLowerCase();
  if (span.type !== 'place') return { key: `${span.type}:${lower}` };
  const place = lookupPlace(span.text);
  if (!place) return { key: `place:${lower}` };
  if (place.form === 'capital' && !isMetonym(tokens, span)) return { key: `place:${lower}` };
  return { key: `place:${place.country.toLowerCase()}`, country: place.country };
}

export function resolveActors(tokens: Token[], spans: NameSpan[]): ResolvedActors {
  const drafts: ActorDraft[] = [];
  const byKey = new Map<string, number>();
  const actorOf: number[] = [];
  const sentencesWithPerson = new Set<number>();

  for (const span of spans) {
    const words = span.text.split(' ');
    let index: number | undefined;
    if (span.type === 'person' && words.length === 1) index = findPersonByPart(drafts, span.text);
    if (index === undefined && span.type !== 'person' && words.length === 1) {
      // compromise sometimes types a known person's surname as something else.
      index = findPersonByPart(drafts, span.text, true);
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
    draft.mentionSpans.push(span);
    if (draft.gender === 'unknown' && span.type === 'person') draft.gender = genderOf(tokens, span);
    draft.lastMention = span.start;
    const sentence = tokens[span.first]!.sentence;
    if (
      draft.type === 'person' &&
      !sentencesWithPerson.has(sentence) &&
      !inDateline(tokens, span.first)
    ) {
      sentencesWithPerson.add(sentence);
      draft.lastSubject = span.start;
    }
    actorOf.push(index);
  }
  return mergeLateFullNames(drafts, actorOf);
}

/**
 * Is the token in a dateline ("FLINT, Mich., Oct. 4 (UPI) —")? Its names say where and who
 * filed the story; none of them is what the sentence is about.
 */
export function inDateline(tokens: Token[], i: number): boolean {
  let start = i;
  while (start > 0 && tokens[start - 1]!.sentence === tokens[i]!.sentence) start--;
  const opener = tokens[start]!;
  if (!/^\p{Lu}{2,}$/u.test(opener.word.replace(/[ .-]/g, ''))) return false;
  for (
    let k = start;
    k < Math.min(tokens.length, start + 14) && tokens[k]!.sentence === opener.sentence;
    k++
  ) {
    if (/[—–]|--/.test(tokens[k]!.post + (tokens[k + 1]?.pre ?? ''))) return i <= k;
  }
  return false;
}

/**
 * The person actor whose full name has this word as its last (or first) name. When two share
 * it ("Clinton said" after Bill and Hillary Clinton), the one most recently the subject of a
 * sentence, then the one most recently named.
 */
function findPersonByPart(
  drafts: ActorDraft[],
  word: string,
  lastNameOnly = false,
): number | undefined {
  const fits = (d: ActorDraft, last: boolean): boolean => {
    if (d.type !== 'person') return false;
    const parts = longestSurface(d).split(' ');
    return parts.length >= 2 && (last ? parts.at(-1) === word : parts[0] === word);
  };
  const pick = (last: boolean): number | undefined => {
    let best: number | undefined;
    drafts.forEach((d, i) => {
      if (!fits(d, last)) return;
      const b = best === undefined ? undefined : drafts[best]!;
      if (
        !b ||
        d.lastSubject > b.lastSubject ||
        (d.lastSubject === b.lastSubject && d.lastMention > b.lastMention)
      )
        best = i;
    });
    return best;
  };
  return pick(true) ?? (lastNameOnly ? undefined : pick(false));
}

/** "Quist said …" before "Mara Quist" appears: fold the surname-only actor into the full one. */
function mergeLateFullNames(drafts: ActorDraft[], actorOf: number[]): ResolvedActors {
  const target = drafts.map((_, i) => i);
  drafts.forEach((d, i) => {
    const name = longestSurface(d);
    if (d.type !== 'person' || name.includes(' ')) return;
    const full = drafts.findIndex(
      (o, j) => j !== i && o.type === 'person' && longestSurface(o).split(' ').at(-1) === name,
    );
    if (full >= 0) target[i] = full;
  });
  linkAcronyms(drafts, target);
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
    into.mentionSpans.push(...d.mentionSpans);
    into.first = Math.min(into.first, d.first);
    if (into.gender === 'unknown') into.gender = d.gender;
  });
  return { drafts: kept, actorOf: actorOf.map((i) => newIndex.get(target[i]!)!) };
}

/** "FBI" and "Federal Bureau of Investigation" in one article are one organisation. */
function linkAcronyms(drafts: ActorDraft[], target: number[]): void {
  drafts.forEach((d, i) => {
    const name = longestSurface(d);
    if (d.type !== 'organization' || !/^[A-Z]{2,6}$/.test(name)) return;
    const full = drafts.findIndex((o, j) => {
      if (j === i || o.type !== 'organization') return false;
      const initials = longestSurface(o)
        .split(' ')
        .filter((w) => /^[A-Z]/.test(w))
        .map((w) => w[0])
        .join('');
      return initials === name;
    });
    if (full >= 0) target[i] = full;
  });
}

/** The surface with the most words; the first seen among equals. */
function longestSurface(d: ActorDraft): string {
  let best: string | undefined;
  for (const s of d.surfaces.keys())
    if (best === undefined || s.split(' ').length > best.split(' ').length) best = s;
  return best ?? '';
}

/** The canonical name: a person's fullest name, a country's own name when used, else the most used form. */
export function canonicalName(d: ActorDraft): string {
  if (d.type === 'person') return longestSurface(d);
  const surfaces = [...d.surfaces.keys()];
  if (d.country) {
    const own = surfaces.find((s) => lookupPlace(s)?.form === 'name');
    if (own) return own;
    const spelled = surfaces.filter((s) => /\p{Ll}/u.test(s) && lookupPlace(s)?.form !== 'capital');
    if (spelled.length) return spelled.sort((a, b) => b.length - a.length)[0]!;
    return d.country;
  }
  return (
    surfaces.sort(
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

import type { EntityType } from '../model/analysis.ts';
import { LIMITS } from '../model/limits.ts';
import { withDefinedAcronyms } from './acronyms.ts';
import { isJunkName } from './junk.ts';
import { isEnglishTokens } from './language.ts';
import { joinSplitNames } from './name-joins.ts';
import { splitOwnedPeople } from './name-owners.ts';
import { type NameSpan, nameSpanOf } from './name-span.ts';
import { isTitleWordLower } from './role-phrases.ts';
import { countryMatches } from './tagger/gazetteer.ts';
import type { EntityKind } from './tagger/labels.ts';
import { loadModel } from './tagger/model.ts';
import { type TaggedSpan, tagEntities } from './tagger/tag.ts';
import { STATE_ABBREVIATIONS, wordSet } from './text/lexicon.ts';
import { lookupPlace } from './text/places.ts';
import { breaksAfter, isCapitalised, type Token } from './text/tokens.ts';

/**
 * Finds names: the statistical tagger (src/nlp/tagger) proposes spans and types, and what
 * the rules know for certain is applied on top. Titles are roles, never people ("Director
 * General" alone is dropped; "Foreign Secretary" before a name becomes its title), a
 * country's name or alias is always a place, demonyms and dates are no names, and no name
 * runs across a bracket or a comma; one name keeps one type through an article. The
 * capitalised-run rules that preceded the tagger scored 0.66 F1 on CoNLL-2003 valid against
 * the tagger's 0.91, and adding their spans where the tagger saw none cost precision, so
 * only country names and acronyms in running text fill the tagger's gaps.
 */

export function findNames(tokens: Token[]): NameSpan[] {
  // The tagger knows English: on French it takes "Le" and "La" for names (language.ts).
  if (!isEnglishTokens(tokens)) return [];
  const names: NameSpan[] = [];
  const seen = new Uint8Array(tokens.length);
  const evidence = new Map<NameSpan, TaggedSpan['evidence']>();
  for (const tagged of tagEntities(tokens).flatMap((t) => splitAtBreaks(tokens, t))) {
    const span = fromTagger(tokens, tagged);
    // Junk is dropped before it can lend its type or its word to other mentions.
    if (span && !isJunkName(tokens, span)) {
      names.push(span);
      // "the port of Marrowby" settles the type for every mention of the name.
      const settled = span.type === 'place' && namedAsPlace(tokens, span.first);
      if (!lookupPlace(span.text))
        evidence.set(
          span,
          settled ? { ...tagged.evidence, LOC: tagged.evidence.LOC + SETTLED } : tagged.evidence,
        );
    }
    seen.fill(1, tagged.first, tagged.last + 1);
  }
  harmonise(evidence);
  // A country's name or alias is always a place, even where the tagger saw nothing.
  for (const [first, last] of countryMatches(tokens)) {
    if (seen.subarray(first, last + 1).some((x) => x === 1)) continue;
    names.push(nameSpanOf(tokens, first, last, 'place'));
  }
  // Pushed one by one: spread arguments overflow the stack past a few hundred thousand.
  for (const a of acronyms(tokens, seen)) names.push(a);
  for (const r of repeatedNames(tokens, seen, names)) names.push(r);
  return splitOwnedPeople(
    tokens,
    withDefinedAcronyms(
      tokens,
      joinSplitNames(
        tokens,
        names
          .filter((n) => withinLimits(tokens, n) && !isJunkName(tokens, n))
          .sort((a, b) => a.start - b.start),
      ),
    ),
  );
}

/**
 * A name longer than LIMITS.actorNameChars, or with a word longer than LIMITS.tokenChars,
 * is no name a reader would recognise (a run of capitalised words, a pasted blob); it is
 * left out rather than shown.
 */
function withinLimits(tokens: Token[], n: NameSpan): boolean {
  if (n.text.length > LIMITS.actorNameChars) return false;
  for (let i = n.first; i <= n.last; i++)
    if ((tokens[i]?.word.length ?? 0) > LIMITS.tokenChars) return false;
  return true;
}

const TYPE_KIND: Record<EntityType, EntityKind> = {
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
};

/**
 * One name, one type in an article: where the tagger typed the same name differently in
 * different sentences, every mention takes the type its mentions' scores favour in sum.
 */
function harmonise(evidence: Map<NameSpan, TaggedSpan['evidence']>): void {
  const byText = new Map<string, NameSpan[]>();
  for (const span of evidence.keys()) {
    const key = span.text.toLowerCase();
    const same = byText.get(key);
    if (same) same.push(span);
    else byText.set(key, [span]);
  }
  for (const spans of byText.values()) {
    if (new Set(spans.map((s) => s.type)).size < 2) continue;
    let best: EntityType = spans[0]!.type;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const type of Object.keys(TYPE_KIND) as EntityType[]) {
      let score = 0;
      for (const s of spans) score += evidence.get(s)![TYPE_KIND[type]];
      if (score > bestScore) {
        best = type;
        bestScore = score;
      }
    }
    for (const s of spans) s.type = best;
  }
}

/**
 * "HWU", "NATO", "QFX" in running text: an all-caps word the tagger left alone names an
 * organisation (CoNLL-2003 has too few acronyms to teach that), unless it is a place, an
 * ordinary word in capitals ("NOTE"), a code beside a number ("Q2 1996"), or the sentence is
 * a headline in capitals. Cost on CoNLL valid: 0.002 F1, from table headings.
 */
function acronyms(tokens: Token[], seen: Uint8Array): NameSpan[] {
  const running = new Set(tokens.filter((t) => /\p{Ll}/u.test(t.word)).map((t) => t.sentence));
  const ordinary = loadModel().lexicon.lowercase;
  const found: NameSpan[] = [];
  tokens.forEach((t, i) => {
    if (seen[i] || !running.has(t.sentence) || !/^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(t.word)) return;
    if (lookupPlace(t.word) || ordinary.has(t.lower)) return;
    if (hasTag(t, 'Value', 'Date', 'Unit', 'Abbreviation')) return;
    const beside = [tokens[i - 1], tokens[i + 1]];
    if (beside.some((n) => n?.sentence === t.sentence && /\p{N}/u.test(n.word))) return;
    found.push({
      first: i,
      last: i,
      text: t.word,
      start: t.start,
      end: t.end,
      type: 'organization',
    });
  });
  return found;
}

/**
 * Once a name, always a name: a capitalised word the tagger passed over ("Quist openly
 * admires …" opening a sentence) is a mention when the article names that person in full
 * elsewhere ("Mara Quist"), or uses that exact one-word name as a person or organisation.
 */
function repeatedNames(tokens: Token[], seen: Uint8Array, names: NameSpan[]): NameSpan[] {
  const known = new Map<string, EntityType>();
  for (const n of names) {
    if (n.type === 'place') continue;
    const words = n.text.split(' ');
    if (n.type === 'person' && words.length > 1) known.set(words.at(-1)!, 'person');
    else if (words.length === 1 && !known.has(n.text)) known.set(n.text, n.type);
  }
  const found: NameSpan[] = [];
  tokens.forEach((t, i) => {
    const type = known.get(t.word);
    if (seen[i] || !type || !/^\p{Lu}/u.test(t.word)) return;
    const next = tokens[i + 1];
    // Part of a longer capitalised run the tagger rejected: leave it.
    if (next && !breaksAfter(t) && isCapitalised(next.word) && next.sentence === t.sentence) return;
    seen[i] = 1;
    found.push({ first: i, last: i, text: t.word, start: t.start, end: t.end, type });
  });
  return found;
}

/** Punctuation no name runs across: "Equal Rights Commission (ERC" is two names. */
const CUT = /[,;:!?"“”()[\]{}—–]/;

function splitAtBreaks(tokens: Token[], span: TaggedSpan): TaggedSpan[] {
  const parts: TaggedSpan[] = [];
  let from = span.first;
  for (let i = span.first; i < span.last; i++) {
    if (!CUT.test(tokens[i]!.post + tokens[i + 1]!.pre)) continue;
    parts.push({ ...span, first: from, last: i });
    from = i + 1;
  }
  parts.push({ ...span, first: from, last: span.last });
  return parts;
}

/** Common nouns that say what kind of place follows "of": "the port of X", "the city of X". */
const PLACE_NOUNS = wordSet(
  'port city town village region province county island islands capital district suburb borough',
);

/** Evidence that outweighs any sum of tagger scores when types are harmonised. */
const SETTLED = 1e6;

/** "Flint, Mich.": an abbreviated state after a town and a comma is a place, never a person. */
function isStateAfterTown(tokens: Token[], first: number, last: number): boolean {
  const t = tokens[first]!;
  return (
    first === last &&
    STATE_ABBREVIATIONS.has(t.lower.replace(/\.$/, '')) &&
    /^,/.test(tokens[first - 1]?.post ?? '') &&
    (t.word.endsWith('.') || t.post.startsWith('.'))
  );
}

function namedAsPlace(tokens: Token[], first: number): boolean {
  return tokens[first - 1]?.lower === 'of' && PLACE_NOUNS.has(tokens[first - 2]?.lower ?? '');
}

const HONORIFICS = new Set(['Mr', 'Mrs', 'Ms', 'Dr']);

const KIND_TYPE: Record<string, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'place' };

/** A tagger span checked against what the rules know: titles, countries, demonyms, dates. */
function fromTagger(tokens: Token[], tagged: TaggedSpan): NameSpan | undefined {
  const last = tagged.last;
  let first = tagged.first;
  const all = tokens.slice(first, last + 1);
  // A run of title words ("Director General") is a role, whatever the tagger says.
  if (all.every(isTitleToken)) return undefined;
  // "Navy Capt. Ivo Tamm": words up to an abbreviated title open the title of the name after
  // it; they name no one themselves.
  for (let k = last; k >= first; k--) {
    if (!isTitleWordLower(tokens[k]!.lower) || !/^\.\s*$/u.test(tokens[k]!.post)) continue;
    if (k < last) {
      first = k + 1;
      break;
    }
    const next = tokens[k + 1];
    if (next && !next.pre && isCapitalised(next.word)) return undefined;
  }
  // "Mr Grosvik", "Dr. Tamm": a personal honorific makes the name a person's, whatever the
  // tagger took it for.
  const kind =
    HONORIFICS.has(tokens[first]!.word.replace(/\.$/u, '')) && first < last ? 'PER' : tagged.kind;
  let titleFirst = first;
  if (kind === 'PER') {
    while (
      first < last &&
      (isTitleToken(tokens[first]!) ||
        (first === tagged.first && isDemonym(tokens[first]!) && isTitleToken(tokens[first + 1]!)))
    )
      first++;
  }
  // "former Mariner Darren Bragg": the capitalised word after "former" is the team or office
  // left, not a first name.
  if (
    kind === 'PER' &&
    last - first >= 2 &&
    tokens[first - 1]?.lower === 'former' &&
    !hasTag(tokens[first]!, 'FirstName', 'Honorific')
  )
    first++;
  const words = tokens.slice(first, last + 1);
  const place = lookupPlace(words.map((w) => w.word).join(' '));
  if (place?.form === 'demonym') return undefined;
  let type: EntityType | undefined = KIND_TYPE[kind];
  if (
    (place && place.form !== 'capital') ||
    namedAsPlace(tokens, first) ||
    isStateAfterTown(tokens, first, last)
  )
    type = 'place';
  if (!type) return undefined;
  if (words.every((w) => hasTag(w, 'Date', 'Month', 'WeekDay', 'Holiday'))) return undefined;
  const span = nameSpanOf(tokens, first, last, type);
  if (type === 'person') {
    // Title words right before the name are its title: "Harbour Minister Tomas Verlin".
    while (titleFirst > 0) {
      const prev = tokens[titleFirst - 1]!;
      // "Sen." keeps its full stop and is still the title of the name after it.
      const abbreviated = /^\.\s*$/u.test(prev.post) && prev.word.length <= 4 && isTitleToken(prev);
      if ((breaksAfter(prev) && !abbreviated) || prev.possessive) break;
      if (prev.sentence !== tokens[first]!.sentence) break;
      if (!isCapitalised(prev.word)) break;
      const titled = isTitleToken(prev) || (isDemonym(prev) && titleFirst < first);
      if (!titled) break;
      titleFirst--;
    }
    if (titleFirst < first) span.title = { first: titleFirst, last: first - 1 };
  }
  return span;
}

function hasTag(t: Token, ...tags: string[]): boolean {
  return tags.some((tag) => t.tags.has(tag));
}

function isTitleToken(t: Token): boolean {
  return isTitleWordLower(t.lower) || hasTag(t, 'Honorific');
}

function isDemonym(t: Token): boolean {
  return hasTag(t, 'Demonym') || lookupPlace(t.word)?.form === 'demonym';
}

import { LIMITS } from '../model/limits.ts';
import type { QuoteSpan } from './quote-spans.ts';
import type { Speaker, SpeakerContext } from './speaker-context.ts';
import { inAny, signOffLines } from './speaker-signoff.ts';
import { TITLE_WORDS } from './text/lexicon.ts';
import { breaksAfter, type Token } from './text/tokens.ts';

/**
 * Speakers named by words the recogniser did not make a name of: a signature after a dash,
 * capitalised words after "said", a surname standing for the person named in full before.
 */

/** "“…” ― Jane Roe" or "“…” - Jane Roe, teacher": the name after a dash signs the quote. */
export function dashAttribution(ctx: SpeakerContext, q: QuoteSpan): Speaker | null {
  const m = /^[”"’]?[,.]?\s*[―—–-]{1,2}\s*((?:\p{Lu}[\p{L}.’'-]*\s?){1,4})/u.exec(
    ctx.text.slice(q.end, q.end + 80),
  );
  if (!m) return null;
  // "-- Mara Quist, Portline Newsroom +44 …" on the next line signs the story, not the quote.
  if (
    m[0].includes('\n') &&
    inAny(signOffLines(ctx.text.slice(q.end, q.end + 200)), m[0].indexOf('-'))
  )
    return null;
  // A signature's closing full stop ends the sentence ("— Jane Roe."); an initial keeps its own.
  const name = m[1]!.trim().replace(/(\p{L}{2,})\.$/u, '$1');
  return resolveName(ctx, name);
}

/**
 * A loose name string → the person actor with that surname, else the name itself, unless it
 * is too long to be a name (LIMITS.actorNameChars).
 */
export function resolveName(ctx: SpeakerContext, name: string): Speaker | null {
  const last = name.split(/\s+/).at(-1)!.toLowerCase();
  const actor = ctx.personByLastName.get(last);
  if (actor !== undefined) return actor;
  return name.length > LIMITS.actorNameChars ? null : name;
}

/** Capitalised proper-noun words at `i` that no recognised place or organisation covers. */
export function looseNameAt(ctx: SpeakerContext, tokens: Token[], i: number): Speaker | null {
  const first = tokens[i];
  if (!first) return null;
  const known = ctx.speakerAt.get(first.start);
  if (known) return known.person ? known.actor : null;
  // "“…,” Head said": a known person's surname that is also a common noun the tagger missed.
  const surname = first.sentenceStart ? undefined : ctx.personByLastName.get(first.lower);
  if (surname !== undefined && /^\p{Lu}\p{Ll}/u.test(first.word)) return surname;
  if (
    !/^\p{Lu}\p{Ll}/u.test(first.word) ||
    !first.tags.has('ProperNoun') ||
    TITLE_WORDS.has(first.lower)
  )
    return null;
  if (first.tags.has('Place') || first.tags.has('Organization')) return null;
  // A capitalised word opening a sentence may be any word: "This", "And" name no one.
  if (FUNCTION_TAGS.some((tag) => first.tags.has(tag))) return null;
  let end = i;
  let length = first.word.length;
  while (tokens[end + 1] && /^\p{Lu}/u.test(tokens[end + 1]!.word) && !breaksAfter(tokens[end]!)) {
    // "Farm Department's Drazek": the owner before the mark is no part of the name.
    if (tokens[end]!.possessive) {
      i = end + 1;
      length = -1;
    }
    end++;
    length += tokens[end]!.word.length + 1;
    // A capitalised run longer than any name is a heading or a list, not who spoke.
    if (length > LIMITS.actorNameChars) return null;
  }
  return resolveName(
    ctx,
    tokens
      .slice(i, end + 1)
      .map((t) => t.word)
      .join(' '),
  );
}

const FUNCTION_TAGS = [
  'Determiner',
  'Conjunction',
  'Pronoun',
  'Preposition',
  'Adverb',
  'QuestionWord',
];

/** A name the recogniser missed ending right before token `i` ("footage of Ashgrove saying"). */
export function looseNameBefore(ctx: SpeakerContext, tokens: Token[], i: number): Speaker | null {
  let k = i - 1;
  const capitalised = (t: Token | undefined): t is Token =>
    !!t && /^\p{Lu}\p{Ll}/u.test(t.word) && t.tags.has('ProperNoun') && !breaksAfter(t);
  // A name the recogniser found is the caller's to weigh (an organisation may be no speaker).
  if (!capitalised(tokens[k]) || ctx.speakerEndingAt.has(tokens[k]!.end)) return null;
  while (capitalised(tokens[k - 1]) && !ctx.speakerAt.has(tokens[k - 1]!.start)) k--;
  return looseNameAt(ctx, tokens, k);
}

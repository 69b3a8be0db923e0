import type { Sentence } from '../model/analysis.ts';
import type { QuoteSpan } from './quote-spans.ts';

/** Speech verbs that end a cue of their own ("said Del.", "Quist said."). */
const CUE_VERB_FORMS = /^(?:said|says|added|asked|told|wrote|noted|argued)$/u;

/** Does a sentence end in a short capitalised abbreviation right after a speech verb ("said Del.")? */
function endsInTitle(text: string, s: Sentence): boolean {
  const tail = text.slice(Math.max(s.start, s.end - 30), s.end).trimEnd();
  const m = /(\p{L}+)\s+\p{Lu}\p{Ll}{1,3}\.$/u.exec(tail);
  return !!m && CUE_VERB_FORMS.test(m[1]!.toLowerCase());
}

/** A name of one to four capitalised words, or a subject pronoun. */
const NAME = String.raw`(?:\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}|he|she|they|He|She|They)`;
const BARE_CUE = new RegExp(String.raw`^${NAME}\s+(\p{L}+)\s*\.["”]?\s*$`, 'u');

/**
 * "“… the vote.” Quist said.": a writer who closed the quote with a full stop leaves its
 * cue standing as a sentence of its own: a name or pronoun, a speech verb, nothing else.
 */
function bareCueAfter(text: string, q: QuoteSpan, s: Sentence, next: Sentence): boolean {
  if (!/^["”\s.!?]*$/u.test(text.slice(q.end, s.end))) return false;
  const verb = BARE_CUE.exec(text.slice(next.start, next.end))?.[1] ?? '';
  return CUE_VERB_FORMS.test(verb.toLowerCase());
}

/**
 * The sentence whose end bounds the cue read after a quote that ends in sentence `endAt`:
 * that sentence, or the next one when the splitter cut the cue off ("…,” said Del. Mara
 * Quist"; "“…” Quist said.").
 */
export function cueSentenceAfter(
  text: string,
  sentences: Sentence[],
  q: QuoteSpan,
  endAt: number,
): Sentence | undefined {
  const s = sentences[endAt];
  const next = sentences[endAt + 1];
  if (!s || !next) return s;
  return endsInTitle(text, s) || bareCueAfter(text, q, s, next) ? next : s;
}

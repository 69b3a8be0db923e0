import type { Actor } from '../model/analysis.ts';
import { SPEECH_VERBS } from '../nlp/text/lexicon.ts';
import { askedAbout, describedSomeone } from './answer-type.ts';
import type { SentenceView } from './entities.ts';
import type { Question } from './question.ts';
import { concept } from './stem.ts';

/**
 * Where the answer to a "who" stands in a sentence. "…the fatal shooting of Tobin Ashgrove"
 * answers "who was shot" and "Mara Quist said the shootings …" does not, though both name a
 * new person: the one asked for stands next to what the question says about them. And when a
 * sentence gives only the description ("The port's harbour master says …"), the person is
 * often named at the start of the next one ("Tobin Ashgrove says he …").
 */

/** Characters between a new name and the question's words for the name to be the answer. */
const NEAR_CHARS = 40;
/** Characters looked at beside a name for the speech verb that makes it a source. */
const SOURCE_CHARS = 30;
/** How far into a sentence its opening name may start ("On Monday, Tobin Ashgrove said"). */
const OPENING_CHARS = 25;

function wantedType(q: Question, actor: Actor): boolean {
  if (q.wanted === 'organization') return actor.type === 'organization';
  if (q.wanted === 'person') return actor.type === 'person';
  return actor.type === 'person' || actor.type === 'organization';
}

/**
 * Does the sentence name a new person (or organisation) of the wanted kind, or describe
 * someone by a role noun ("the harbour's chief"), with at least half of the question's words
 * it holds within reach — and not as the source quoted ("…, Quist said"), who tells of the
 * event rather than being the one asked about?
 */
export function answerPlaced(q: Question, s: SentenceView, concepts: ReadonlySet<string>): boolean {
  const { sentences, mentions, actors } = s.article.analysis;
  const sentence = sentences[s.index];
  if (!sentence) return false;
  const spots: Array<{ from: number; to: number; concept: string }> = [];
  for (const m of sentence.text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const c = concept(m[0]);
    if (concepts.has(c)) spots.push({ from: m.index, to: m.index + m[0].length, concept: c });
  }
  const held = new Set(spots.map((p) => p.concept)).size;
  if (held === 0) return false;
  // Candidates in the sentence's own offsets.
  const candidates: Array<[number, number]> = [];
  for (const m of mentions) {
    if (m.start < sentence.start || m.end > sentence.end) continue;
    const actor = actors[m.actor];
    if (!actor || !wantedType(q, actor) || askedAbout(actor, q)) continue;
    candidates.push([m.start - sentence.start, m.end - sentence.start]);
  }
  if (q.wanted !== 'organization') candidates.push(...describedSomeone(s, q));
  return candidates.some(([start, end]) => {
    if (isSource(sentence.text, start, end)) return false;
    const near = new Set(
      spots
        .filter((p) => !(p.from >= start && p.to <= end))
        .filter((p) => (p.from >= end ? p.from - end : start - p.to) <= NEAR_CHARS)
        .map((p) => p.concept),
    );
    return near.size * 2 >= held;
  });
}

/** "Quist said", "Quist (Portline) told", "said Quist", "according to Quist". */
function isSource(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + SOURCE_CHARS).match(/^(?:\s*\([^)]*\))?,?\s+(\p{L}+)/u)?.[1];
  const before = text
    .slice(Math.max(0, start - SOURCE_CHARS), start)
    .match(/(\p{L}+)\s+(?:to\s+)?$/u)?.[1];
  return (
    (!!after && SPEECH_VERBS.has(after.toLowerCase())) ||
    (!!before && SPEECH_VERBS.has(before.toLowerCase()))
  );
}

/**
 * Does the sentence open by naming a person neither the question nor the sentence before
 * named ("Tobin Ashgrove says he …" after "The harbour master says …")?
 */
export function opensWithNewPerson(q: Question, s: SentenceView, before: SentenceView): boolean {
  const { sentences, mentions, actors } = s.article.analysis;
  const sentence = sentences[s.index];
  if (!sentence) return false;
  const first = mentions.find((m) => m.start >= sentence.start && m.start < sentence.end);
  const actor = first ? actors[first.actor] : undefined;
  return (
    !!first &&
    !!actor &&
    actor.type === 'person' &&
    first.start - sentence.start <= OPENING_CHARS &&
    !askedAbout(actor, q) &&
    !before.actors.has(first.actor)
  );
}

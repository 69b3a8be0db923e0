import nlp from 'compromise';
import type { EntityType } from '../src/model/analysis.ts';
import { analyzeText } from '../src/nlp/analyze.ts';
import {
  type GoldAttribution,
  type GoldSpan,
  type PolnearDoc,
  readPolnear,
  readPolnearDir,
} from './polnear.ts';
import type { EvalSection } from './shared.ts';
import { nameRuns, sameSpeakerLenient, sameSpeakerStrict } from './speaker-match.ts';
import { PARTS, type Part, partOf, rowsByPart } from './split.ts';

/**
 * Direct quotes and speakers on PolNeAR dev. A gold direct quote is an attribution whose
 * Content contains a double quotation mark. A found quote matches a gold one when they
 * overlap by at least half the shorter. Speaker accuracy counts the gold direct quotes whose
 * Source is a name (has a capitalised word and is not a pronoun): right when a matching
 * quote's speaker is the gold Source, counted leniently and strictly (speaker-match.ts).
 * A Source is a name when it opens with a capitalised word other than a determiner or pronoun ("Trump",
 * "Senate Minority Leader Harry Reid", "The New York Post" are; "the California congressman"
 * and "A report released last year" are descriptions).
 */

interface Found {
  start: number;
  end: number;
  speaker: string | null;
  /** Our speaker's actor type, or null when the speaker is no actor (or none is named). */
  speakerType: EntityType | null;
}

const DOUBLE_QUOTE = /["“”]/;
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'his', 'her', 'their']);

function overlapsEnough(
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && overlap >= Math.min(a.end - a.start, b.end - b.start) / 2;
}

/** Words that open a description ("the California congressman"), not a name. */
const DESCRIPTION_OPENERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'only',
  'some',
  'many',
  'most',
  'other',
  'several',
  'one',
  'two',
  'three',
  'small',
  'its',
  'his',
  'her',
  'their',
]);

function isCommonPlural(word: string): boolean {
  const tags =
    (nlp(word.toLowerCase()).json() as Array<{ terms: Array<{ tags: string[] }> }>)[0]?.terms[0]
      ?.tags ?? [];
  return tags.includes('Plural');
}

/** A Source is a name when it opens with a capitalised word that is not a determiner or pronoun. */
export function isNamedSource(source: GoldSpan | null): source is GoldSpan {
  if (!source) return false;
  const words = source.text.trim().split(/\s+/);
  // "Police", "Protesters": a group named by a common noun is a description too.
  if (words.length === 1 && isCommonPlural(words[0]!)) return false;
  const first = words[0] ?? '';
  const lower = first.toLowerCase().replace(/[’']s$/u, '');
  // "The New York Post" names; "The Indiana governor" describes.
  if (lower === 'the') return words.length > 1 && words.slice(1).every((w) => /^\p{Lu}/u.test(w));
  if (!/^\p{Lu}/u.test(first) || DESCRIPTION_OPENERS.has(lower) || PRONOUNS.has(lower))
    return false;
  // "Quist's doctor", "the Quist campaign's spokesman": the name is the owner's; the speaker
  // is described, not named.
  return nameRuns(source.text, true).length > 0;
}

function compromiseQuotes(text: string): Found[] {
  const json = nlp(text).quotations().json({ offset: true }) as Array<{
    offset: { start: number; length: number };
  }>;
  return json.map((q) => ({
    start: q.offset.start,
    end: q.offset.start + q.offset.length,
    speaker: null,
    speakerType: null,
  }));
}

interface Tally {
  tp: number;
  found: number;
  goldMatched: number;
  gold: number;
  named: number;
  namedRight: number;
  namedRightStrict: number;
}

function score(
  found: Found[],
  gold: GoldAttribution[],
  tally: Tally,
  errors?: string[],
  text?: string,
): void {
  const direct = gold.filter((g) => DOUBLE_QUOTE.test(g.content.text));
  tally.found += found.length;
  tally.gold += direct.length;
  tally.tp += found.filter((f) => direct.some((g) => overlapsEnough(f, g.content))).length;
  tally.goldMatched += direct.filter((g) => found.some((f) => overlapsEnough(f, g.content))).length;
  for (const g of direct) {
    if (!isNamedSource(g.source)) continue;
    tally.named++;
    const matches = found.filter((f) => overlapsEnough(f, g.content));
    const best = matches.sort(
      (a, b) =>
        Math.min(b.end, g.content.end) -
        Math.max(b.start, g.content.start) -
        (Math.min(a.end, g.content.end) - Math.max(a.start, g.content.start)),
    )[0];
    if (best?.speaker && sameSpeakerLenient(best.speaker, g.source.text)) tally.namedRight++;
    if (best?.speaker && sameSpeakerStrict(best.speaker, g.source.text, best.speakerType))
      tally.namedRightStrict++;
    else if (errors && text)
      errors.push(
        `${best ? `got ${best.speaker}` : 'no quote'} / gold ${g.source.text} :: ${text.slice(g.content.start, g.content.start + 70).replace(/\s+/g, ' ')}`,
      );
  }
}

const emptyTally = (): Tally => ({
  tp: 0,
  found: 0,
  goldMatched: 0,
  gold: 0,
  named: 0,
  namedRight: 0,
  namedRightStrict: 0,
});

function add(into: Tally, from: Tally): Tally {
  for (const k of Object.keys(into) as Array<keyof Tally>) into[k] += from[k];
  return into;
}

const quoteF1 = (t: Tally): { precision: number; recall: number; f1: number } => {
  const precision = t.found ? t.tp / t.found : 0;
  const recall = t.gold ? t.goldMatched / t.gold : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
};

interface DocTally {
  name: string;
  ours: Tally;
  base: Tally;
}

export function evaluateQuotes(evalDir: string, errors?: string[]): EvalSection {
  return evaluatePolnearQuotes(readPolnear(evalDir), 'PolNeAR dev', errors);
}

/**
 * PolNeAR's train split, read from a local checkout named by POLNEAR_TRAIN_DIR (its
 * `data/train` folder; not in ../shared, and not shipped): tuning data only, every document
 * in the tuning half, so its figures are in-sample. Null when the variable is unset.
 */
export function evaluateQuotesTrain(errors?: string[]): EvalSection | null {
  const dir = process.env.POLNEAR_TRAIN_DIR;
  if (!dir) return null;
  const misses = errors ?? [];
  const section = evaluatePolnearQuotes(readPolnearDir(dir), 'PolNeAR train', misses, true);
  return {
    ...section,
    name: 'quotes-train',
    tuningOnly: true,
    details: { figures: section.details, misses },
  };
}

function evaluatePolnearQuotes(
  docs: PolnearDoc[],
  label: string,
  errors?: string[],
  allTuning = false,
): EvalSection {
  const perDoc: DocTally[] = docs.map((doc) => {
    // As ingest does, the headline (first line) is the title, not body text; blanking it
    // keeps every offset in place.
    const title = doc.text.split('\n')[0] ?? '';
    const body = ' '.repeat(title.length) + doc.text.slice(title.length);
    const analysis = analyzeText(title, body);
    const typeOf = new Map(analysis.actors.map((a) => [a.name, a.type]));
    const ours = emptyTally();
    const base = emptyTally();
    score(
      analysis.quotes.map((q) => ({
        start: q.start,
        end: q.end,
        speaker: q.speaker,
        speakerType: q.speaker === null ? null : (typeOf.get(q.speaker) ?? null),
      })),
      doc.attributions,
      ours,
      errors,
      doc.text,
    );
    score(compromiseQuotes(doc.text), doc.attributions, base);
    return { name: doc.name, ours, base };
  });
  const tallies = (part: Part): { ours: Tally; base: Tally; docs: number } => {
    // A set kept for tuning is all tuning half.
    const of = allTuning ? (part === 'check' ? [] : perDoc) : partOf(perDoc, part, (d) => d.name);
    return {
      ours: of.reduce((t, d) => add(t, d.ours), emptyTally()),
      base: of.reduce((t, d) => add(t, d.base), emptyTally()),
      docs: of.length,
    };
  };
  const rows = rowsByPart((part) => {
    const { ours, base } = tallies(part);
    const q = quoteF1(ours);
    const b = quoteF1(base);
    const lenient = ours.named ? ours.namedRight / ours.named : 0;
    const strict = ours.named ? ours.namedRightStrict / ours.named : 0;
    return [
      {
        measure: `direct-quote F1, ${label} (${docs.length} articles)`,
        ours: q.f1,
        baseline: b.f1,
        baselineName: 'compromise quotations()',
        target: '≥ 0.92',
        pass: q.f1 >= 0.92,
      },
      {
        measure: '  precision',
        ours: q.precision,
        baseline: b.precision,
        baselineName: 'compromise quotations()',
        target: '',
        pass: true,
      },
      {
        measure: '  recall',
        ours: q.recall,
        baseline: b.recall,
        baselineName: 'compromise quotations()',
        target: '',
        pass: true,
      },
      {
        measure: `speaker accuracy, named direct quotes (${tallies('whole').ours.named}), lenient`,
        ours: lenient,
        baseline: null,
        baselineName: '',
        target: '≥ 0.90',
        pass: lenient >= 0.9,
      },
      {
        measure: '  speaker accuracy, strict (same surname / same organisation name)',
        ours: strict,
        baseline: null,
        baselineName: '',
        target: '≥ 0.90',
        pass: strict >= 0.9,
      },
    ];
  });
  const details = Object.fromEntries(
    PARTS.map((part) => {
      const { ours, base, docs: n } = tallies(part);
      const named = ours.named || 1;
      return [
        part,
        {
          documents: n,
          ours: {
            ...ours,
            ...quoteF1(ours),
            speakerAccuracy: ours.namedRight / named,
            speakerAccuracyStrict: ours.namedRightStrict / named,
          },
          compromise: { ...base, ...quoteF1(base) },
        },
      ];
    }),
  );
  return { name: 'quotes', rows, details };
}

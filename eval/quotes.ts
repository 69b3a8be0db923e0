import nlp from 'compromise';
import { analyzeText } from '../src/nlp/analyze.ts';
import { type GoldAttribution, type GoldSpan, readPolnear } from './polnear.ts';
import { type EvalSection, prf } from './shared.ts';

/**
 * Direct quotes and speakers on PolNeAR dev. A gold direct quote is an attribution whose
 * Content contains a double quotation mark. A found quote matches a gold one when they
 * overlap by at least half the shorter. Speaker accuracy counts the gold direct quotes whose
 * Source is a name (has a capitalised word and is not a pronoun): right when a matching
 * quote's speaker shares a surname or organisation word with the gold Source. A Source is a
 * name when it opens with a capitalised word other than a determiner or pronoun ("Trump",
 * "Senate Minority Leader Harry Reid", "The New York Post" are; "the California congressman"
 * and "A report released last year" are descriptions).
 */

interface Found {
  start: number;
  end: number;
  speaker: string | null;
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

function nameWords(s: string): string[] {
  return (s.match(/\p{Lu}[\p{L}.’'-]*/gu) ?? []).map((w) => w.replace(/[’']s$/u, '').toLowerCase());
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
function isNamedSource(source: GoldSpan | null): source is GoldSpan {
  if (!source) return false;
  const words = source.text.trim().split(/\s+/);
  // "Police", "Protesters": a group named by a common noun is a description too.
  if (words.length === 1 && isCommonPlural(words[0]!)) return false;
  const first = words[0] ?? '';
  const lower = first.toLowerCase().replace(/[’']s$/u, '');
  // "The New York Post" names; "The Indiana governor" describes.
  if (lower === 'the') return words.length > 1 && words.slice(1).every((w) => /^\p{Lu}/u.test(w));
  return /^\p{Lu}/u.test(first) && !DESCRIPTION_OPENERS.has(lower) && !PRONOUNS.has(lower);
}

function sameSpeaker(ours: string, gold: string): boolean {
  const goldWords = new Set(nameWords(gold).filter((w) => w !== 'the'));
  const ourWords = ours.split(/\s+/).map((w) => w.toLowerCase());
  const surname = ourWords.at(-1);
  return (
    (!!surname && goldWords.has(surname)) ||
    ourWords.some((w) => w.length > 2 && goldWords.has(w) && /^\p{L}/u.test(w))
  );
}

function compromiseQuotes(text: string): Found[] {
  const json = nlp(text).quotations().json({ offset: true }) as Array<{
    offset: { start: number; length: number };
  }>;
  return json.map((q) => ({
    start: q.offset.start,
    end: q.offset.start + q.offset.length,
    speaker: null,
  }));
}

interface Tally {
  tp: number;
  found: number;
  goldMatched: number;
  gold: number;
  named: number;
  namedRight: number;
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
    if (best?.speaker && sameSpeaker(best.speaker, g.source.text)) tally.namedRight++;
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
});

export function evaluateQuotes(evalDir: string, errors?: string[]): EvalSection {
  const ours = emptyTally();
  const base = emptyTally();
  const docs = readPolnear(evalDir);
  for (const doc of docs) {
    // As ingest does, the headline (first line) is the title, not body text; blanking it
    // keeps every offset in place.
    const title = doc.text.split('\n')[0] ?? '';
    const body = ' '.repeat(title.length) + doc.text.slice(title.length);
    const analysis = analyzeText(title, body);
    score(
      analysis.quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker })),
      doc.attributions,
      ours,
      errors,
      doc.text,
    );
    score(compromiseQuotes(doc.text), doc.attributions, base);
  }
  const quoteF1 = (t: Tally) => {
    const precision = t.found ? t.tp / t.found : 0;
    const recall = t.gold ? t.goldMatched / t.gold : 0;
    return {
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    };
  };
  const q = quoteF1(ours);
  const b = quoteF1(base);
  const speaker = ours.named ? ours.namedRight / ours.named : 0;
  void prf;
  return {
    name: 'quotes',
    rows: [
      {
        measure: `direct-quote F1, PolNeAR dev (${docs.length} articles)`,
        ours: q.f1,
        baseline: b.f1,
        baselineName: 'compromise quotations()',
        target: '≥ 0.92',
        pass: q.f1 >= 0.92,
      },
      {
        measure: '  precision / recall',
        ours: q.precision,
        baseline: b.precision,
        baselineName: `recall ${q.recall.toFixed(3)} vs ${b.recall.toFixed(3)}`,
        target: '',
        pass: true,
      },
      {
        measure: `speaker accuracy, named direct quotes (${ours.named})`,
        ours: speaker,
        baseline: null,
        baselineName: '',
        target: '≥ 0.90',
        pass: speaker >= 0.9,
      },
    ],
    details: { ours: { ...ours, ...q, speakerAccuracy: speaker }, compromise: { ...base, ...b } },
  };
}

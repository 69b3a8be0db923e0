import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../src/ingest/parse.ts';
import type { Analysis, EntityType } from '../src/model/analysis.ts';
import { BriefwireError } from '../src/model/errors.ts';
import { analyzeText } from '../src/nlp/analyze.ts';
import { reutersStories } from './reuters-stories.ts';
import { type EvalSection, figureRow } from './shared.ts';
import { sameSpeakerStrict } from './speaker-match.ts';
import { halfOf, type Part, rowsByPart } from './split.ts';

/**
 * Speakers on hand-annotated sets (eval/speakers/*.json, written by reading the articles,
 * before any tuning on them): every quotation in each article, with whether it is someone's
 * words ("speech") or a term the writer quotes ("term"), and the speaker's fullest name when
 * the article names one. Offsets only, into the article's raw text as the set's loader gives
 * it; each article is ingested as a .txt (title line off) and analysed.
 * - BBC News Summary articles (bbc-tuning.json, bbc-check.json), read from their files.
 * - Reuters stories of CoNLL-2003 train (reuters-tuning.json, tuning half only), rebuilt as
 *   text by eval/reuters-stories.ts.
 */

interface Offsets {
  start: number;
  end: number;
}
interface GoldQuote {
  quote: Offsets;
  kind: 'speech' | 'term';
  speaker: Offsets | null;
  speakerType: EntityType | null;
}
interface GoldFile {
  articles: Array<{ id: string; quotes: GoldQuote[] }>;
}

interface Tally {
  speech: number;
  found: number;
  named: number;
  namedRight: number;
  terms: number;
  termsFound: number;
  termsGivenSpeaker: number;
  errors: string[];
}

/** One annotated set: its files under eval/speakers and how to read an article's raw text. */
interface SpeakerSet {
  name: string;
  files: readonly string[];
  /** What the rows say the set is, given its number of articles. */
  label: (articles: number) => string;
  /** The article's raw text (the gold offsets point into it) and a file name to parse it as. */
  load: (id: string) => { path: string; raw: string };
  /** Annotated on tuning-half documents only: no check figures. */
  tuningOnly?: boolean;
}

function emptyTally(): Tally {
  return {
    speech: 0,
    found: 0,
    named: 0,
    namedRight: 0,
    terms: 0,
    termsFound: 0,
    termsGivenSpeaker: 0,
    errors: [],
  };
}

/** Our quote over most of the gold one (the gold text located in our text by its words). */
function ourQuote(analysis: Analysis, text: string, quoted: string) {
  const at = text.indexOf(quoted);
  if (at < 0) return undefined;
  const end = at + quoted.length;
  return analysis.quotes.find((q) => {
    const overlap = Math.min(q.end, end) - Math.max(q.start, at);
    return overlap > 0 && overlap >= Math.min(q.end - q.start, end - at) / 2;
  });
}

function scoreArticle(set: SpeakerSet, id: string, gold: GoldQuote[], tally: Tally): void {
  const { path, raw } = set.load(id);
  const [article] = parseArticle(path, raw);
  if (!article) return;
  const analysis = analyzeText(article.title, article.text);
  const typeOf = (name: string): EntityType | null =>
    analysis.actors.find((a) => a.name === name)?.type ?? null;
  for (const g of gold) {
    const quoted = raw.slice(g.quote.start, g.quote.end);
    const ours = ourQuote(analysis, article.text, quoted);
    if (g.kind === 'term') {
      tally.terms++;
      if (ours) tally.termsFound++;
      if (ours?.speaker) tally.termsGivenSpeaker++;
      continue;
    }
    tally.speech++;
    if (ours) tally.found++;
    if (!g.speaker) continue;
    tally.named++;
    const name = raw.slice(g.speaker.start, g.speaker.end);
    const speaker = ours?.speaker ?? null;
    if (speaker && sameSpeakerStrict(speaker, name, typeOf(speaker))) tally.namedRight++;
    else
      tally.errors.push(
        `${id} @${g.quote.start}: ${speaker ?? (ours ? 'no speaker' : 'no quote')} / ${name}`,
      );
  }
}

function evaluateSpeakerSet(set: SpeakerSet): EvalSection {
  const tallies: Record<'tuning' | 'check', Tally> = { tuning: emptyTally(), check: emptyTally() };
  let articles = 0;
  for (const file of set.files) {
    const path = join(import.meta.dirname, 'speakers', file);
    if (!existsSync(path)) continue;
    for (const a of (JSON.parse(readFileSync(path, 'utf8')) as GoldFile).articles) {
      // A set kept for tuning is all tuning half, whatever its ids hash to.
      scoreArticle(set, a.id, a.quotes, tallies[set.tuningOnly ? 'tuning' : halfOf(a.id)]);
      articles++;
    }
  }
  const sum = (part: Part, pick: (t: Tally) => number): number =>
    part === 'whole' ? pick(tallies.tuning) + pick(tallies.check) : pick(tallies[part]);
  const ratio = (part: Part, top: (t: Tally) => number, bottom: (t: Tally) => number) =>
    sum(part, top) / Math.max(1, sum(part, bottom));
  const row = (measure: string, ours: number, atLeast?: number) =>
    figureRow(`${measure} (${set.label(articles)})`, ours, atLeast);
  const rows = rowsByPart((part) => [
    row(
      'quotes found (someone’s words)',
      ratio(
        part,
        (t) => t.found,
        (t) => t.speech,
      ),
    ),
    row(
      'speaker accuracy, strict, named speakers',
      ratio(
        part,
        (t) => t.namedRight,
        (t) => t.named,
      ),
      0.93,
    ),
    row(
      'terms in quotation marks given a speaker',
      ratio(
        part,
        (t) => t.termsGivenSpeaker,
        (t) => t.termsFound,
      ),
    ),
  ]);
  return {
    name: set.name,
    rows,
    details: { tuning: tallies.tuning, check: tallies.check },
    tuningOnly: set.tuningOnly ?? false,
  };
}

export function evaluateSpeakersBbc(evalDir: string): EvalSection {
  const dir = join(evalDir, 'summaries/bbc-news-summary/article');
  return evaluateSpeakerSet({
    name: 'speakers-bbc',
    files: ['bbc-tuning.json', 'bbc-check.json'],
    label: (n) => `BBC, ${n} hand-annotated articles`,
    load: (id) => {
      const path = join(dir, id);
      return { path, raw: readFileSync(path, 'utf8') };
    },
  });
}

/**
 * More BBC articles (2004-05, the full BBC dataset of Greene & Cunningham, from which the
 * summary set's 60 were drawn; none of those 60), annotated for tuning only: more British
 * style ("said Mr Tamm") than the 30 tuning-half articles hold. The BBC owns their text, so it
 * is not shipped: BBC_EXTRA_DIR names a local copy of the dataset's folder (CATEGORY/NNN.txt).
 * Null when the variable is unset.
 */
export function evaluateSpeakersBbcExtra(): EvalSection | null {
  const dir = process.env.BBC_EXTRA_DIR;
  if (!dir) return null;
  return evaluateSpeakerSet({
    name: 'speakers-bbc-extra',
    files: ['bbc-extra-tuning.json'],
    label: (n) => `BBC extra, ${n} hand-annotated articles, tuning only, needs BBC_EXTRA_DIR`,
    tuningOnly: true,
    load: (id) => {
      const path = join(dir, id);
      if (!existsSync(path))
        throw new BriefwireError('INPUT_NOT_FOUND', `no BBC article "${id}" in ${dir}`, path);
      return { path, raw: readFileSync(path, 'utf8') };
    },
  });
}

/** The Reuters stories of a CoNLL-2003 file by id, as the speaker sets' offsets read them. */
function reutersLoader(evalDir: string, file: string): SpeakerSet['load'] {
  const stories = new Map(reutersStories(join(evalDir, 'ner', file)).map((s) => [s.id, s.text]));
  return (id) => {
    const raw = stories.get(id);
    // Annotations for a story the rebuilt text no longer has would score nothing, silently.
    if (raw === undefined)
      throw new BriefwireError('INPUT_NOT_FOUND', `no Reuters story "${id}" in ${file}`, id);
    return { path: `${id}.txt`, raw };
  };
}

/**
 * The Reuters sets, each reported on its own: those after the first (session 7) were annotated
 * after the first had been tuned on, so each one's figure before any change for it is a fresh
 * out-of-sample one. All hold tuning-half stories only.
 */
export function evaluateSpeakersReuters(evalDir: string): EvalSection[] {
  const train = reutersLoader(evalDir, 'conll2003-train.txt');
  const valid = reutersLoader(evalDir, 'conll2003-valid.txt');
  return [
    ['reuters-tuning.json', 'Reuters', train],
    ['reuters-tuning-2.json', 'Reuters set 2', train],
    ['reuters-tuning-3.json', 'Reuters set 3', train],
    ['reuters-valid-tuning.json', 'Reuters valid', valid],
  ].map(([file, name, load]) =>
    evaluateSpeakerSet({
      name: 'speakers-reuters',
      files: [file as string],
      label: (n) => `${name as string}, ${n} hand-annotated stories, tuning only`,
      tuningOnly: true,
      load: load as SpeakerSet['load'],
    }),
  );
}

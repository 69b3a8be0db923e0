import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../src/ingest/parse.ts';
import type { Analysis, EntityType } from '../src/model/analysis.ts';
import { analyzeText } from '../src/nlp/analyze.ts';
import { type EvalSection, figureRow } from './shared.ts';
import { sameSpeakerStrict } from './speaker-match.ts';
import { halfOf, type Part, rowsByPart } from './split.ts';

/**
 * Speakers on a second, hand-annotated set (eval/speakers/bbc-*.json, written by reading the
 * articles, before any tuning on it): every quotation in the BBC News Summary articles, with
 * whether it is someone's words ("speech") or a term the writer quotes ("term"), and the
 * speaker's fullest name when the article names one. Offsets only; text is read from the
 * files. Each article is ingested as the .txt it is (title line off) and analysed.
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

const FILES = ['bbc-tuning.json', 'bbc-check.json'];

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

function scoreArticle(dir: string, id: string, gold: GoldQuote[], tally: Tally): void {
  const path = join(dir, 'article', id);
  const raw = readFileSync(path, 'utf8');
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
    else tally.errors.push(`${id}: ${speaker ?? (ours ? 'no speaker' : 'no quote')} / ${name}`);
  }
}

export function evaluateSpeakersBbc(evalDir: string): EvalSection {
  const dir = join(evalDir, 'summaries/bbc-news-summary');
  const tallies: Record<'tuning' | 'check', Tally> = { tuning: emptyTally(), check: emptyTally() };
  let articles = 0;
  for (const file of FILES) {
    const path = join(import.meta.dirname, 'speakers', file);
    if (!existsSync(path)) continue;
    for (const a of (JSON.parse(readFileSync(path, 'utf8')) as GoldFile).articles) {
      scoreArticle(dir, a.id, a.quotes, tallies[halfOf(a.id)]);
      articles++;
    }
  }
  const sum = (part: Part, pick: (t: Tally) => number): number =>
    part === 'whole' ? pick(tallies.tuning) + pick(tallies.check) : pick(tallies[part]);
  const ratio = (part: Part, top: (t: Tally) => number, bottom: (t: Tally) => number) =>
    sum(part, top) / Math.max(1, sum(part, bottom));
  const row = (measure: string, ours: number, atLeast?: number) =>
    figureRow(`${measure} (BBC, ${articles} hand-annotated articles)`, ours, atLeast);
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
  return { name: 'speakers-bbc', rows, details: { tuning: tallies.tuning, check: tallies.check } };
}

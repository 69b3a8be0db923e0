import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateActorSet } from './actors.ts';
import { evaluateAnswers } from './answers.ts';
import { evaluateAnswersExtra, evaluateAnswersV2 } from './answers-v2.ts';
import { evaluateEvents, evaluateEventsTrain } from './events.ts';
import { evaluateHtml } from './html.ts';
import { evaluateNer } from './ner.ts';
import { evaluateQuotes, evaluateQuotesTrain } from './quotes.ts';
import { sentenceSection } from './sentences.ts';
import { type EvalSection, requireShared } from './shared.ts';
import {
  evaluateSpeakersBbc,
  evaluateSpeakersBbcExtra,
  evaluateSpeakersReuters,
} from './speakers-bbc.ts';
import { evaluateSummaries } from './summaries.ts';

/** `npm run eval`: measures the analyser on ../shared/eval, prints one table, writes JSON. */
const evalDir = requireShared();
const only = process.argv.slice(2);
type Runner = (dir: string) => EvalSection | EvalSection[] | null | Promise<EvalSection>;
const all: Array<[string, Runner]> = [
  ['quotes', (d) => evaluateQuotes(d)],
  // Only with POLNEAR_TRAIN_DIR set (eval/quotes.ts).
  ['quotes-train', () => evaluateQuotesTrain()],
  ['speakers-bbc', evaluateSpeakersBbc],
  ['speakers-reuters', evaluateSpeakersReuters],
  // Only with BBC_EXTRA_DIR set (eval/speakers-bbc.ts).
  ['speakers-bbc-extra', () => evaluateSpeakersBbcExtra()],
  ['actors', evaluateNer],
  ['actor-set', evaluateActorSet],
  ['sentences', sentenceSection],
  ['summaries', evaluateSummaries],
  ['html', evaluateHtml],
  ['answers', evaluateAnswers],
  ['answers-v2', evaluateAnswersV2],
  ['answers-extra', evaluateAnswersExtra],
  ['events', evaluateEvents],
  // Only with POLNEAR_TRAIN_DIR set.
  ['events-train', () => evaluateEventsTrain()],
];
const sections: EvalSection[] = [];
for (const [name, run] of all) {
  if (only.length && !only.includes(name)) continue;
  const t0 = performance.now();
  const ran = await run(evalDir);
  if (ran === null) continue;
  sections.push(...[ran].flat());
  process.stderr.write(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

const f = (x: number | null | undefined): string =>
  x === null || x === undefined ? '' : x.toFixed(4);
const met = (r: { target: string }, pass: boolean | undefined): string =>
  r.target && pass !== undefined ? (pass ? 'yes' : 'NO') : '';
// Every figure on the whole set and on each half (eval/split.ts); the tuning half is the data
// we tune on, so its figure is in-sample. The check half is the one that says a change generalises.
const header = [
  'measure',
  'whole',
  'tuning*',
  'check',
  'base whole',
  'base tuning*',
  'base check',
  'baseline is',
  'target',
  'met',
  'met (check)',
];
const rows = sections.flatMap((s) =>
  s.rows.map((r) => {
    const check = s.tuningOnly ? undefined : r.halves?.check;
    return [
      r.measure,
      f(r.ours),
      f(r.halves?.tuning.ours),
      f(check?.ours),
      f(r.baseline),
      f(r.halves?.tuning.baseline),
      f(check?.baseline),
      r.baselineName,
      r.target,
      met(r, r.pass),
      met(r, check?.pass),
    ];
  }),
);
const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows])
  process.stdout.write(
    `${r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()}\n`,
  );
process.stdout.write(
  '* tuning half: in-sample (the half we tune on). Halves are split by document: eval/split.ts.\n',
);

const outDir = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'latest.json');
writeFileSync(out, `${JSON.stringify({ sections }, null, 2)}\n`);
process.stderr.write(`results written to ${out}\n`);

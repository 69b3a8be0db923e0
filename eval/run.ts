import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateAnswers } from './answers.ts';
import { evaluateHtml } from './html.ts';
import { evaluateNer } from './ner.ts';
import { evaluateQuotes } from './quotes.ts';
import { sentenceSection } from './sentences.ts';
import { type EvalSection, requireShared } from './shared.ts';
import { evaluateSummaries } from './summaries.ts';

/** `npm run eval`: measures the analyser on ../shared/eval, prints one table, writes JSON. */
const evalDir = requireShared();
const only = process.argv.slice(2);
const all: Array<[string, (dir: string) => EvalSection | Promise<EvalSection>]> = [
  ['quotes', (d) => evaluateQuotes(d)],
  ['actors', evaluateNer],
  ['sentences', sentenceSection],
  ['summaries', evaluateSummaries],
  ['html', evaluateHtml],
  ['answers', evaluateAnswers],
];
const sections: EvalSection[] = [];
for (const [name, run] of all) {
  if (only.length && !only.includes(name)) continue;
  const t0 = performance.now();
  sections.push(await run(evalDir));
  process.stderr.write(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

const f = (x: number | null): string => (x === null ? '' : x.toFixed(4));
const header = ['measure', 'briefwire', 'baseline', 'baseline is', 'target', 'met'];
const rows = sections.flatMap((s) =>
  s.rows.map((r) => [
    r.measure,
    f(r.ours),
    f(r.baseline),
    r.baselineName,
    r.target,
    r.target ? (r.pass ? 'yes' : 'NO') : '',
  ]),
);
const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows])
  process.stdout.write(
    `${r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()}\n`,
  );

const outDir = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'latest.json');
writeFileSync(out, `${JSON.stringify({ sections }, null, 2)}\n`);
process.stderr.write(`results written to ${out}\n`);

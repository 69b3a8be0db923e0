import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateSentences } from './sentences.ts';
import { requireShared } from './shared.ts';

/** `npm run eval`: measures the analyser on ../shared/eval, prints a table, writes JSON. */
const evalDir = requireShared();
const sentences = evaluateSentences(evalDir);

const f = (x: number): string => x.toFixed(4);
const rows: Array<[string, string, string, string]> = [
  ['measure', 'briefwire', 'baseline', 'baseline is'],
  ['sentence boundary F1, BBC', f(sentences.ours.f1), f(sentences.compromise.f1), 'compromise'],
  [
    '  precision / recall',
    `${f(sentences.ours.precision)} / ${f(sentences.ours.recall)}`,
    `${f(sentences.compromise.precision)} / ${f(sentences.compromise.recall)}`,
    '',
  ],
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) process.stdout.write(`${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}\n`);

const outDir = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify({ sentences }, null, 2)}\n`);
process.stderr.write(
  `\n${sentences.documents} BBC articles; results written to ${join(outDir, 'latest.json')}\n`,
);

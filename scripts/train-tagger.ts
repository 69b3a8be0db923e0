/**
 * Trains the named-entity tagger on CoNLL-2003 train (only) and writes its weights to
 * src/nlp/data/tagger.json. Deterministic: fixed seed, sorted output, so running it again
 * reproduces the checked-in file byte for byte.
 * Run: node bin/run-ts.js scripts/train-tagger.ts [--epochs N] [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignSentence, lowercaseWords, readConll } from '../src/nlp/conll.ts';
import { sentenceFeatures } from '../src/nlp/tagger/features.ts';
import { LABEL_COUNT, LABELS } from '../src/nlp/tagger/labels.ts';
import { WEIGHTS_URL, type WeightsFile } from '../src/nlp/tagger/model.ts';
import { type Example, Perceptron, seededRandom, shuffle } from '../src/nlp/tagger/train.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TRAIN = join(root, '../shared/eval/ner/conll2003-train.txt');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const EPOCHS = Number(option('epochs', '10'));
/** Features seen fewer times than this in training carry no reliable weight. */
const MIN_COUNT = Number(option('min-count', '2'));
/** Weights are stored as round(w × SCALE); smaller ones are dropped. */
const SCALE = Number(option('scale', '10'));
const SEED = Number(option('seed', '2003'));
const out = option('out', fileURLToPath(WEIGHTS_URL));

const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};

const t0 = performance.now();
const conll = readConll(TRAIN);
const lowercase = lowercaseWords(conll, 2);
const lexicon = { lowercase: new Set(lowercase) };
const sequences = conll.flatMap(alignSentence);
log(`${sequences.length} sequences aligned in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const featureStrings = sequences.map((s) => sentenceFeatures(s.tokens, lexicon));
const counts = new Map<string, number>();
for (const sentence of featureStrings)
  for (const token of sentence) for (const f of token) counts.set(f, (counts.get(f) ?? 0) + 1);
const names = [...counts.keys()].filter((f) => (counts.get(f) ?? 0) >= MIN_COUNT).sort();
const ids = new Map(names.map((f, i) => [f, i]));
log(`${counts.size} features, ${names.length} seen at least ${MIN_COUNT} times`);

const examples: Example[] = sequences.map((s, k) => ({
  labels: s.labels,
  features: featureStrings[k]!.map((fs) =>
    Int32Array.from(fs.map((f) => ids.get(f)).filter((id): id is number => id !== undefined)),
  ),
}));

const model = new Perceptron(names.length);
const random = seededRandom(SEED);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  let wrong = 0;
  for (const ex of shuffle([...examples], random)) if (model.learn(ex)) wrong++;
  log(`epoch ${epoch}: ${wrong} of ${examples.length} sequences mislabelled`);
}

const { features, transitions } = model.averaged();
const kept: Record<string, number[]> = {};
let stored = 0;
names.forEach((name, f) => {
  const pairs: number[] = [];
  for (let y = 0; y < LABEL_COUNT; y++) {
    const q = Math.round(features[f * LABEL_COUNT + y]! * SCALE);
    if (q !== 0) pairs.push(y, q);
  }
  if (pairs.length) {
    kept[name] = pairs;
    stored++;
  }
});
const file: WeightsFile = {
  version: 1,
  labels: [...LABELS],
  scale: SCALE,
  transitions: Array.from(transitions, (v) => Math.round(v * SCALE)),
  lowercase,
  features: kept,
};
// One feature a line keeps the file diffable; keys are sorted, so output is reproducible.
const body = Object.keys(kept)
  .map((k) => `${JSON.stringify(k)}:${JSON.stringify(kept[k])}`)
  .join(',\n');
const head = JSON.stringify({ ...file, features: {} }).slice(0, -3);
writeFileSync(out, `${head}{\n${body}\n}}\n`);
log(`${stored} features written to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

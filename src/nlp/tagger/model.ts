import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BriefwireError } from '../../model/errors.ts';
import type { TaggerLexicon } from './features.ts';
import { LABEL_COUNT, LABELS } from './labels.ts';

/**
 * The trained tagger: per-feature label weights and label transitions, read once from
 * src/nlp/data/tagger.json (written by scripts/train-tagger.ts). Weights are stored as
 * integers over a common scale, each feature's as sparse [label, weight, …] pairs.
 */
export interface WeightsFile {
  version: 1;
  labels: string[];
  /** Stored integer = round(weight × scale). */
  scale: number;
  /** (LABEL_COUNT + 1) × LABEL_COUNT integers; the last row is the start of a sentence. */
  transitions: number[];
  /** Words seen in lowercase in running training text (see TaggerLexicon). */
  lowercase: string[];
  features: Record<string, number[]>;
}

export interface TaggerModel {
  /** Feature → offset of its row of LABEL_COUNT weights in `weights`. */
  rows: Map<string, number>;
  weights: Float32Array;
  transitions: Float32Array;
  lexicon: TaggerLexicon;
}

export const WEIGHTS_URL = new URL('../data/tagger.json', import.meta.url);

export function modelFromFile(data: WeightsFile, source = fileURLToPath(WEIGHTS_URL)): TaggerModel {
  if (data.version !== 1 || data.labels.join() !== LABELS.join())
    throw new BriefwireError(
      'DATA_INVALID',
      `${source}: tagger weights were written for other labels; retrain the tagger (scripts/train-tagger.ts)`,
      source,
    );
  const names = Object.keys(data.features);
  const rows = new Map<string, number>();
  // One flat array rather than a small array per feature: loading is several times faster.
  const weights = new Float32Array(names.length * LABEL_COUNT);
  names.forEach((feature, i) => {
    const pairs = data.features[feature]!;
    const at = i * LABEL_COUNT;
    for (let k = 0; k + 1 < pairs.length; k += 2)
      weights[at + pairs[k]!] = pairs[k + 1]! / data.scale;
    rows.set(feature, at);
  });
  const transitions = Float32Array.from(data.transitions, (v) => v / data.scale);
  return { rows, weights, transitions, lexicon: { lowercase: new Set(data.lowercase) } };
}

let cached: TaggerModel | undefined;

/** The checked-in model, loaded on first use so commands that never analyse pay nothing. */
export function loadModel(): TaggerModel {
  cached ??= modelFromFile(JSON.parse(readFileSync(WEIGHTS_URL, 'utf8')) as WeightsFile);
  return cached;
}

/** Per-token label scores: the sum of the weights of each token's features. */
export function emissionScores(model: TaggerModel, features: readonly string[][]): Float32Array[] {
  return features.map((fs) => {
    const scores = new Float32Array(LABEL_COUNT);
    for (const f of fs) {
      const at = model.rows.get(f);
      if (at === undefined) continue;
      for (let y = 0; y < LABEL_COUNT; y++) scores[y]! += model.weights[at + y]!;
    }
    return scores;
  });
}

import { viterbi } from './decode.ts';
import { LABEL_COUNT, START } from './labels.ts';

/**
 * The averaged structured perceptron (Collins 2002): decode each training sequence with the
 * current weights, and where the best path differs from the gold one, add the gold path's
 * features and subtract the predicted path's. The weights kept are the average over every
 * step, computed lazily (each weight remembers when it last changed).
 */
export interface Example {
  /** Feature ids per token. */
  features: Int32Array[];
  labels: number[];
}

const L = LABEL_COUNT;
const TRANSITIONS = (L + 1) * L;

export class Perceptron {
  /** Feature weights [feature * L + label], then the transition table at the end. */
  private readonly w: Float64Array;
  private readonly total: Float64Array;
  private readonly stamp: Float64Array;
  private step = 0;
  private readonly offset: number;

  constructor(readonly featureCount: number) {
    this.offset = featureCount * L;
    this.w = new Float64Array(this.offset + TRANSITIONS);
    this.total = new Float64Array(this.w.length);
    this.stamp = new Float64Array(this.w.length);
  }

  private bump(i: number, v: number): void {
    this.total[i]! += (this.step - this.stamp[i]!) * this.w[i]!;
    this.stamp[i] = this.step;
    this.w[i]! += v;
  }

  predict(features: readonly Int32Array[]): number[] {
    const emissions = features.map((ids) => {
      const s = new Float64Array(L);
      for (const id of ids) for (let y = 0; y < L; y++) s[y]! += this.w[id * L + y]!;
      return s;
    });
    return viterbi(emissions, this.w.subarray(this.offset));
  }

  /** One training step; returns whether the prediction was wrong. */
  learn(example: Example): boolean {
    this.step++;
    const guess = this.predict(example.features);
    const gold = example.labels;
    let wrong = false;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]!;
      const p = guess[i]!;
      const gPrev = i === 0 ? START : gold[i - 1]!;
      const pPrev = i === 0 ? START : guess[i - 1]!;
      if (g !== p) {
        wrong = true;
        for (const id of example.features[i]!) {
          this.bump(id * L + g, 1);
          this.bump(id * L + p, -1);
        }
      }
      if (g !== p || gPrev !== pPrev) {
        this.bump(this.offset + gPrev * L + g, 1);
        this.bump(this.offset + pPrev * L + p, -1);
      }
    }
    return wrong;
  }

  /** The averaged weights: feature rows, then the transition table. */
  averaged(): { features: Float64Array; transitions: Float64Array } {
    const avg = new Float64Array(this.w.length);
    const n = Math.max(this.step, 1);
    for (let i = 0; i < avg.length; i++) {
      avg[i] = (this.total[i]! + (this.step - this.stamp[i]!) * this.w[i]!) / n;
    }
    return { features: avg.subarray(0, this.offset), transitions: avg.subarray(this.offset) };
  }
}

/** A small deterministic generator (mulberry32), so shuffles repeat from a fixed seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

import { allowed, LABEL_COUNT, START } from './labels.ts';

/**
 * Viterbi decoding over BIO labels: the best label sequence given per-token label scores
 * and a transition table indexed [previous * LABEL_COUNT + label], previous START for the
 * first token. Invalid BIO steps (O → I-PER) are never taken.
 */
export type Scores = ArrayLike<number>;

export function viterbi(emissions: readonly Scores[], transitions: Scores): number[] {
  const n = emissions.length;
  if (n === 0) return [];
  const L = LABEL_COUNT;
  const score = new Float64Array(n * L).fill(Number.NEGATIVE_INFINITY);
  const back = new Int32Array(n * L);
  const e0 = emissions[0]!;
  for (let y = 0; y < L; y++) {
    if (allowed(START, y)) score[y] = (e0[y] ?? 0) + (transitions[START * L + y] ?? 0);
  }
  for (let i = 1; i < n; i++) {
    const e = emissions[i]!;
    for (let y = 0; y < L; y++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!allowed(p, y)) continue;
        const s = score[(i - 1) * L + p]! + (transitions[p * L + y] ?? 0);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + y] = best + (e[y] ?? 0);
      back[i * L + y] = arg;
    }
  }
  let y = 0;
  for (let k = 1; k < L; k++) if (score[(n - 1) * L + k]! > score[(n - 1) * L + y]!) y = k;
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = y;
    y = back[i * L + y]!;
  }
  return out;
}

/**
 * ROUGE (Lin 2004), written from the paper's definitions, for one candidate summary against
 * one reference summary, each given as a list of sentences.
 *
 * Choices, the same for every system scored:
 * - Tokens are lowercased runs of letters and digits; punctuation is dropped (as ROUGE-1.5.5
 *   does). No stemming and no stop-word removal, so figures run a little below published ones
 *   that use the Porter stemmer.
 * - ROUGE-N counts n-grams over the whole summary (sentences joined in order), clipped: an
 *   n-gram matches at most as often as it occurs in the reference.
 * - ROUGE-L is the summary-level form (section 3.2): for each reference sentence, the union of
 *   its longest common subsequences with every candidate sentence; a union token counts as a
 *   hit only while that word has unused occurrences in both summaries, so nothing is counted
 *   twice.
 * - Every score is F1 (β = 1); a corpus figure is the mean of per-document scores.
 */

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
}

export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function score(hits: number, candidateLength: number, referenceLength: number): RougeScore {
  const precision = candidateLength ? hits / candidateLength : 0;
  const recall = referenceLength ? hits / referenceLength : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N between two token streams. */
export function rougeN(candidate: string[], reference: string[], n: number): RougeScore {
  const cand = ngramCounts(candidate, n);
  const ref = ngramCounts(reference, n);
  let hits = 0;
  for (const [gram, count] of cand) hits += Math.min(count, ref.get(gram) ?? 0);
  return score(hits, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Positions in `ref` of one longest common subsequence of `ref` and `cand`. */
export function lcsPositions(ref: string[], cand: string[]): number[] {
  const m = ref.length;
  const n = cand.length;
  // table[i][j] = LCS length of ref[i..] and cand[j..], flattened row by row.
  const table = new Uint32Array((m + 1) * (n + 1));
  const at = (i: number, j: number): number => table[i * (n + 1) + j] ?? 0;
  for (let i = m - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--)
      table[i * (n + 1) + j] =
        ref[i] === cand[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const positions: number[] = [];
  let i = 0;
  let j = 0;
  while (i < m && j < n) {
    if (ref[i] === cand[j]) {
      positions.push(i);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return positions;
}

function counts(tokens: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/** Summary-level ROUGE-L: union LCS of each reference sentence with all candidate sentences. */
export function rougeL(candidate: string[][], reference: string[][]): RougeScore {
  const candLeft = counts(candidate.flat());
  const refLeft = counts(reference.flat());
  let hits = 0;
  for (const r of reference) {
    const union = new Set<number>();
    for (const c of candidate) for (const p of lcsPositions(r, c)) union.add(p);
    for (const p of [...union].sort((a, b) => a - b)) {
      const word = r[p]!;
      const inCand = candLeft.get(word) ?? 0;
      const inRef = refLeft.get(word) ?? 0;
      if (inCand > 0 && inRef > 0) {
        hits++;
        candLeft.set(word, inCand - 1);
        refLeft.set(word, inRef - 1);
      }
    }
  }
  return score(
    hits,
    candidate.reduce((n, s) => n + s.length, 0),
    reference.reduce((n, s) => n + s.length, 0),
  );
}

/** ROUGE-1, ROUGE-2 and ROUGE-L of a candidate summary against a reference, both as sentences. */
export function rouge(candidate: string[], reference: string[]): RougeScores {
  const cand = candidate.map(rougeTokens).filter((s) => s.length > 0);
  const ref = reference.map(rougeTokens).filter((s) => s.length > 0);
  return {
    rouge1: rougeN(cand.flat(), ref.flat(), 1),
    rouge2: rougeN(cand.flat(), ref.flat(), 2),
    rougeL: rougeL(cand, ref),
  };
}

/** Mean of per-document scores. */
export function meanRouge(all: RougeScores[]): RougeScores {
  const mean = (pick: (s: RougeScores) => RougeScore): RougeScore => {
    const n = all.length || 1;
    const sum = all.reduce(
      (acc, s) => {
        const x = pick(s);
        return {
          precision: acc.precision + x.precision,
          recall: acc.recall + x.recall,
          f1: acc.f1 + x.f1,
        };
      },
      { precision: 0, recall: 0, f1: 0 },
    );
    return { precision: sum.precision / n, recall: sum.recall / n, f1: sum.f1 / n };
  };
  return {
    rouge1: mean((s) => s.rouge1),
    rouge2: mean((s) => s.rouge2),
    rougeL: mean((s) => s.rougeL),
  };
}

import type { Token } from '../text/tokens.ts';
import { viterbi } from './decode.ts';
import { sentenceFeatures } from './features.ts';
import { type EntityKind, labelIndex, spansOfLabels } from './labels.ts';
import { emissionScores, loadModel, type TaggerModel } from './model.ts';

/** Entity spans the statistical tagger finds, one sentence at a time. */
export interface TaggedSpan {
  /** Token indices into the whole token list, end inclusive. */
  first: number;
  last: number;
  kind: EntityKind;
  /** How strongly the token scores favour each kind over this span (higher is stronger). */
  evidence: Record<EntityKind, number>;
}

/** The tokens of each sentence, as [first, last] index ranges. */
export function sentenceRanges(tokens: readonly Token[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]!.sentence !== tokens[from]!.sentence) {
      ranges.push([from, i - 1]);
      from = i;
    }
  }
  return tokens.length ? ranges : [];
}

/**
 * Labels every sentence, handing each sentence's labels and label scores to `each` in turn,
 * so the scores of a long article's hundreds of thousands of tokens are never all held at once.
 */
function labelSentences(
  tokens: readonly Token[],
  model: TaggerModel,
  each: (first: number, labels: number[], emissions: Float32Array[]) => void,
): void {
  for (const [first, last] of sentenceRanges(tokens)) {
    const sentence = tokens.slice(first, last + 1);
    const emissions = emissionScores(model, sentenceFeatures(sentence, model.lexicon));
    each(first, viterbi(emissions, model.transitions), emissions);
  }
}

export function labelTokens(tokens: readonly Token[], model: TaggerModel = loadModel()): number[] {
  const out: number[] = [];
  labelSentences(tokens, model, (_, labels) => {
    for (const y of labels) out.push(y);
  });
  return out;
}

const KINDS: readonly EntityKind[] = ['PER', 'ORG', 'LOC', 'MISC'];

export function tagEntities(
  tokens: readonly Token[],
  model: TaggerModel = loadModel(),
): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  labelSentences(tokens, model, (first, labels, emissions) => {
    // A span never crosses a sentence: decoding starts each one afresh, where I- is not allowed.
    for (const span of spansOfLabels(labels)) {
      const evidence = {} as Record<EntityKind, number>;
      for (const kind of KINDS) {
        let sum = 0;
        for (let i = span.first; i <= span.last; i++) {
          const y = labelIndex(`${i === span.first ? 'B' : 'I'}-${kind}`);
          sum += emissions[i]?.[y] ?? 0;
        }
        evidence[kind] = sum;
      }
      out.push({ first: first + span.first, last: first + span.last, kind: span.kind, evidence });
    }
  });
  return out;
}

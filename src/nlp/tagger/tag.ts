import type { Token } from '../tokens.ts';
import { viterbi } from './decode.ts';
import { sentenceFeatures } from './features.ts';
import { type EntityKind, spansOfLabels } from './labels.ts';
import { emissionScores, loadModel, type TaggerModel } from './model.ts';

/** Entity spans the statistical tagger finds, one sentence at a time. */
export interface TaggedSpan {
  /** Token indices into the whole token list, end inclusive. */
  first: number;
  last: number;
  kind: EntityKind;
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

/** The label index of every token. */
export function labelTokens(tokens: readonly Token[], model: TaggerModel = loadModel()): number[] {
  const labels: number[] = [];
  for (const [first, last] of sentenceRanges(tokens)) {
    const sentence = tokens.slice(first, last + 1);
    labels.push(
      ...viterbi(
        emissionScores(model, sentenceFeatures(sentence, model.lexicon)),
        model.transitions,
      ),
    );
  }
  return labels;
}

export function tagEntities(
  tokens: readonly Token[],
  model: TaggerModel = loadModel(),
): TaggedSpan[] {
  return spansOfLabels(labelTokens(tokens, model));
}

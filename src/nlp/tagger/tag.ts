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

interface Labelled {
  labels: number[];
  emissions: Float32Array[];
}

/** The label index of every token, with the label scores it was decoded from. */
function label(tokens: readonly Token[], model: TaggerModel): Labelled {
  const out: Labelled = { labels: [], emissions: [] };
  for (const [first, last] of sentenceRanges(tokens)) {
    const sentence = tokens.slice(first, last + 1);
    const emissions = emissionScores(model, sentenceFeatures(sentence, model.lexicon));
    out.labels.push(...viterbi(emissions, model.transitions));
    out.emissions.push(...emissions);
  }
  return out;
}

export function labelTokens(tokens: readonly Token[], model: TaggerModel = loadModel()): number[] {
  return label(tokens, model).labels;
}

const KINDS: readonly EntityKind[] = ['PER', 'ORG', 'LOC', 'MISC'];

export function tagEntities(
  tokens: readonly Token[],
  model: TaggerModel = loadModel(),
): TaggedSpan[] {
  const { labels, emissions } = label(tokens, model);
  return spansOfLabels(labels).map((span) => {
    const evidence = {} as Record<EntityKind, number>;
    for (const kind of KINDS) {
      let sum = 0;
      for (let i = span.first; i <= span.last; i++) {
        const y = labelIndex(`${i === span.first ? 'B' : 'I'}-${kind}`);
        sum += emissions[i]?.[y] ?? 0;
      }
      evidence[kind] = sum;
    }
    return { ...span, evidence };
  });
}

import { analyzeText } from '../src/nlp/analyze.ts';
import { newsArticle } from './news-text.ts';

/**
 * How analysis time grows with an article's length: medians on generated news-like articles
 * of 10 KB, 100 KB and 1 MB (bench/news-text.ts; characters, all analysed, being under
 * LIMITS.analysedChars). Linear cost gives a 1 MB / 10 KB ratio near 100; the bar is 120.
 */

export const SCALING_SIZES = [10_000, 100_000, 1_000_000] as const;
export const MAX_SCALING_RATIO = 120;

export interface ScalingFigure {
  chars: number;
  runs: number;
  medianMs: number;
}

export interface AnalysisScaling {
  sizes: ScalingFigure[];
  /** Median 1 MB time over median 10 KB time. */
  ratio: number;
}

export async function analysisScaling(
  median: (runs: number, work: () => unknown) => Promise<number>,
  quick: boolean,
): Promise<AnalysisScaling> {
  const runsFor = (chars: number): number =>
    chars <= 10_000 ? (quick ? 9 : 25) : chars <= 100_000 ? (quick ? 3 : 7) : quick ? 1 : 3;
  // Loads the tagger weights and warms the JIT, which the first article would otherwise pay.
  const warm = newsArticle(10_000, 99);
  for (let i = 0; i < 3; i++) analyzeText(warm.title, warm.text);
  const sizes: ScalingFigure[] = [];
  for (const [k, chars] of SCALING_SIZES.entries()) {
    const article = newsArticle(chars, k + 1);
    const runs = runsFor(chars);
    sizes.push({
      chars,
      runs,
      medianMs: await median(runs, () => analyzeText(article.title, article.text)),
    });
  }
  return { sizes, ratio: sizes.at(-1)!.medianMs / sizes[0]!.medianMs };
}

import { analyzeText } from '../../src/nlp/analyze.ts';

/** The speaker the analysis gives the quote that starts with `start`; undefined when none does. */
export function speakerOf(text: string, start: string): string | null | undefined {
  const quotes = analyzeText('Harbour news', text).quotes;
  return quotes.find((q) => q.text.startsWith(start))?.speaker;
}

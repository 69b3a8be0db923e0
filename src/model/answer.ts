/** A follow-up question's answer: found or not, and the sentences it rests on. */

export interface Citation {
  articleId: number;
  title: string;
  /** The sentence, verbatim from the article, that supports the answer. */
  sentence: string;
  source: string | null;
  url: string | null;
  origin: string;
  publishedAt: string | null;
}

export interface Answer {
  question: string;
  found: boolean;
  /**
   * The answer text: the cited sentence verbatim (the default extractive answerer), a model's
   * wording of the cited sentences (the optional generative one), or a plain "not found".
   */
  answer: string;
  citations: Citation[];
  /** Where it was looked for: the briefing's articles, or the whole store when those had nothing. */
  scope: 'briefing' | 'store';
}

import type { Analysis } from '../model/analysis.ts';
import type { TermQuery } from '../store/ports/articles.ts';

/**
 * Whether a passage of an article is about the briefing's topic: how many of the topic's term
 * groups its paragraph names. An article matches a topic anywhere in its title or text, so a
 * quote or sentence from it can still be about something else (a story that names the topic
 * once in passing); the briefing prefers passages that are about the topic themselves.
 * Terms match the way the full-text index matches them: whole words, any case, accents ignored.
 */

/** Scores passages of articles against one topic. */
export interface Topicality {
  /** Share (0–1) of the topic's term groups named in the paragraph of sentence `sentence`. */
  ofSentence(analysis: Analysis, sentence: number): number;
  /** The same for a quote: the best of the paragraphs its span runs through. */
  ofSpan(analysis: Analysis, firstSentence: number, end: number): number;
}

/** Folds text to its lowercase, unaccented words, space-joined and padded for phrase search. */
export function foldedWords(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return ` ${(words ?? []).join(' ')} `;
}

export function topicality(terms: TermQuery): Topicality {
  const groups = terms.allOf
    .map((g) => g.map(foldedWords).filter((p) => p.trim() !== ''))
    .filter((g) => g.length > 0);
  const share = (folded: string): number =>
    groups.length === 0
      ? 1
      : groups.filter((g) => g.some((p) => folded.includes(p))).length / groups.length;
  // Per article, its paragraphs' text (one pass over its sentences) and their scores as asked.
  const cache = new WeakMap<
    Analysis,
    { texts: Map<number, string[]>; scores: Map<number, number> }
  >();
  const ofParagraph = (analysis: Analysis, paragraph: number): number => {
    let entry = cache.get(analysis);
    if (!entry) {
      const texts = new Map<number, string[]>();
      for (const s of analysis.sentences) {
        const list = texts.get(s.paragraph);
        if (list) list.push(s.text);
        else texts.set(s.paragraph, [s.text]);
      }
      entry = { texts, scores: new Map() };
      cache.set(analysis, entry);
    }
    let score = entry.scores.get(paragraph);
    if (score === undefined) {
      score = share(foldedWords((entry.texts.get(paragraph) ?? []).join(' ')));
      entry.scores.set(paragraph, score);
    }
    return score;
  };
  return {
    ofSentence(analysis, sentence) {
      const s = analysis.sentences[sentence];
      return s ? ofParagraph(analysis, s.paragraph) : 0;
    },
    ofSpan(analysis, firstSentence, end) {
      let best = 0;
      for (let i = firstSentence; i < analysis.sentences.length; i++) {
        const s = analysis.sentences[i]!;
        if (i > firstSentence && s.start >= end) break;
        best = Math.max(best, ofParagraph(analysis, s.paragraph));
      }
      return best;
    },
  };
}

import type { Analysis } from '../model/analysis.ts';
import { finishActors, resolveActors } from './actors.ts';
import { analysedLength } from './extent.ts';
import { englishOnly } from './language.ts';
import { findNames } from './names.ts';
import { findQuotes } from './quotes.ts';
import { assignRoles } from './roles.ts';
import { splitSentences } from './sentences.ts';
import { rankSummary } from './summary.ts';
import { tokenize } from './text/tokens.ts';
import { retypeByCues } from './type-cues.ts';

/**
 * Analyses one article's cleaned text: sentences, actors with roles, quotes with speakers,
 * summary. A text over the LIMITS is analysed in part (extent.ts) and the analysis says so.
 */
export function analyzeText(title: string, fullText: string): Analysis {
  const analysed = analysedLength(fullText);
  const text = analysed < fullText.length ? fullText.slice(0, analysed) : fullText;
  const sentences = splitSentences(text);
  const tokens = tokenize(
    text,
    sentences.map((s) => s.end),
  );
  const names = findNames(tokens);
  const { drafts, actorOf } = resolveActors(tokens, names);
  retypeByCues(tokens, names, actorOf, drafts);
  assignRoles(tokens, names, actorOf, drafts);
  const quotes = findQuotes(text, sentences, tokens, names, actorOf, drafts);
  const { actors, mentions } = finishActors(drafts, actorOf, names, text.length);
  const analysis: Analysis = {
    sentences,
    mentions,
    actors,
    quotes,
    summary: rankSummary(title, sentences),
  };
  if (text !== fullText)
    analysis.limited = { analysedChars: text.length, totalChars: fullText.length };
  // Analysis is English-only: another language keeps its sentences and summary, not the
  // actors and quotes an English tagger would invent from it.
  return englishOnly(analysis, text);
}

import { parseJson } from '../src/ingest/parse-json.ts';
import type { Sentence } from '../src/model/analysis.ts';
import { analysedLength } from '../src/nlp/extent.ts';
import { splitSentences } from '../src/nlp/sentences.ts';
import { rankSummary } from '../src/nlp/summary.ts';

/**
 * CNN/DM articles through the path a user's JSON record takes: `{"text": …}` with no title,
 * parsed by parse-json (which cleans it and decides what the title is), then analysed; the
 * summary is the analysis's top three sentences in reading order. This is the figure that
 * shows whether the lead survives a record with no headline.
 *
 * The dataset's articles are lower-cased and tokenised ("obama said . that , he said"), text
 * no user sends and our sentence splitter is not built for. So each article is first put back
 * into ordinary form: tokenisation undone and each sentence's first letter capitalised. Proper
 * names stay lower-case (their capitals are lost for good). ROUGE drops case and punctuation,
 * so none of this changes the words scored.
 *
 * Of analyzeText only its summary steps run (the analysed extent, sentences, rankSummary):
 * the whole analysis of 500 articles would double the eval's time. A unit test holds this
 * to the summary analyzeText gives, so a change there cannot pass unseen.
 */

/** A tokenised, lower-cased CNN/DM article as ordinary prose. */
export function untokenise(article: string): string {
  const text = article
    .replace(/``\s*/g, '"')
    .replace(/\s*''/g, '"')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\s+([.,;:?!%])/g, '$1')
    .replace(/\s+(['’](?:s|re|ve|ll|d|m|t)\b|n['’]t\b)/g, '$1')
    .replace(/\$\s+(?=\d)/g, '$')
    .replace(/\bi\b(?=[\s'’])/g, 'I')
    .replace(/\s+/g, ' ')
    .trim();
  // Capitalise the text's first letter and each letter that opens a sentence, but not after
  // an abbreviation ("8 p.m. on", "mr. quist").
  return text.replace(
    /(^|[.?!]["”)]?\s+["“(]?)(\p{Ll})/gu,
    (whole: string, lead: string, letter: string, at: number) =>
      ABBREVIATION_BEFORE.test(text.slice(Math.max(0, at - 6), at + 1))
        ? whole
        : `${lead}${letter.toUpperCase()}`,
  );
}

/** Text ending in an abbreviation's full stop: "p.m.", "u.s.", "mr.", "st.". */
const ABBREVIATION_BEFORE =
  /(?:\b\p{L}\.\p{L}|\b(?:mr|mrs|ms|dr|st|jr|sr|gov|sen|rep|gen|no|vs))\.$/u;

/** The summary ingest gives a CNN/DM article sent as a JSON record without a title. */
export function jsonRecordSummary(article: string, k: number): string[] {
  const content = JSON.stringify({ text: untokenise(article) });
  const [parsed] = parseJson('cnndm-record.json', content).articles;
  if (!parsed) return [];
  const { title, sentences } = summaryInput(parsed.title, parsed.text);
  return rankSummary(title, sentences)
    .slice(0, k)
    .sort((a, b) => a - b)
    .map((i) => sentences[i]?.text ?? '');
}

/** What analyzeText ranks for its summary: the title and the sentences of the analysed text. */
export function summaryInput(
  title: string,
  text: string,
): { title: string; sentences: Sentence[] } {
  return { title, sentences: splitSentences(text.slice(0, analysedLength(text))) };
}

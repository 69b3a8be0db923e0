import type { Actor } from '../model/analysis.ts';
import type { StoredArticle } from '../model/article.ts';
import { SPEECH_VERBS } from '../nlp/text/lexicon.ts';
import { wordCount } from '../nlp/words.ts';
import { CONTEXT_SHARE, conceptsOf, resolveActor, sentenceViews } from './entities.ts';
import type { Question } from './question.ts';
import { concept } from './stem.ts';

/**
 * "What did X say (about Y)?": X's quotes first, then sentences that report X speaking, the
 * one most about Y best. A quote whose own sentence does not name X is cited with the
 * sentence before that does, so the answer says who.
 */

/** A candidate answer: the cited sentence(s) and how well they answer. */
export interface Scored {
  article: StoredArticle;
  sentence: string;
  score: number;
}

export function better(best: Scored | null, next: Scored): Scored {
  return !best || next.score > best.score ? next : best;
}

/**
 * How much being about Y counts against being X's own words (a quote scores 1, X's reported
 * speech 0.5), so on-topic reported speech beats an off-topic quote but not an on-topic one.
 */
const TOPIC_WEIGHT = 0.6;
/** Words a quotation needs to be one (shorter ones are quoted phrases inside a report). */
const QUOTE_WORDS = 4;
/** Characters before a quote that still open its sentence (the quotation mark). */
const QUOTE_OPENS = 2;
/** A sentence that opens with "he"/"she" and a verb of saying ("He said …", "She added …"). */
const PRONOUN_SAYS =
  /^(?:he|she)\s+(?:also\s+)?(?:said|says|added|adds|told|warned|argued|noted|insisted|claimed|wrote)\b/iu;
/** Sentences of one quote cited together, from the one that answers best. */
const QUOTE_SENTENCES = 4;

/** "What did X say": a sentence holding a quote X is credited with, best on the rest. */
export function quoteAnswer(articles: StoredArticle[], q: Question): Scored | null {
  const subject = new Set(conceptsOf(q.subject ?? ''));
  const rest = q.words.map(concept).filter((c) => !subject.has(c));
  let best: Scored | null = null;
  for (const article of articles) {
    const actor = resolveActor(article, q.subject ?? '');
    if (actor < 0) {
      const described = describedSpeaker(article, q.subject ?? '', rest);
      if (described) best = better(best, described);
      continue;
    }
    const name = article.analysis.actors[actor]!.name;
    // A few quoted words inside reported speech ("called it “appalling”") are not a quote of
    // what X said: that sentence counts as reported speech. A short quote that opens its
    // sentence ("“It's over,” Quist said.") is a quote, and a quote running over several
    // sentences makes each of them X's words.
    const { sentences } = article.analysis;
    // Each quoted sentence and the last sentence of its quote.
    const quoted = new Map<number, number>();
    for (const x of article.analysis.quotes) {
      const opens = x.start - (sentences[x.sentence]?.start ?? 0) <= QUOTE_OPENS;
      if (x.speaker !== name || (wordCount(x.text) < QUOTE_WORDS && !opens)) continue;
      let last = x.sentence;
      while (last + 1 < sentences.length && sentences[last + 1]!.start < x.end) last++;
      for (let k = x.sentence; k <= last; k++) quoted.set(k, Math.max(last, quoted.get(k) ?? k));
    }
    const views = sentenceViews(article);
    for (const view of views) {
      const prev = views[view.index - 1];
      // "He said the budget would run over." after a sentence where X speaks: X's words too.
      const continues =
        !view.actors.has(actor) &&
        PRONOUN_SAYS.test(view.text) &&
        !!prev?.actors.has(actor) &&
        saysIt(prev.text, article.analysis.actors[actor]!);
      const base = quoted.has(view.index)
        ? 1
        : (view.actors.has(actor) && saysIt(view.text, article.analysis.actors[actor]!)) ||
            continues
          ? 0.5
          : 0;
      if (base === 0) continue;
      // What it is about: the sentence's words, and the scene the sentence before sets.
      const covered = rest.length
        ? rest.reduce(
            (n, c) => n + (view.concepts.has(c) ? 1 : prev?.concepts.has(c) ? CONTEXT_SHARE : 0),
            0,
          ) / rest.length
        : 0;
      // A quote whose sentence does not name its speaker ("“It was a shock.”" after "…, says
      // Quist.") is cited with the sentence before that does, so the answer says who.
      // A quote goes on to the end of its thought: the next sentences of the same quote, a
      // few at most, are cited with it.
      const last = Math.min(quoted.get(view.index) ?? view.index, view.index + QUOTE_SENTENCES - 1);
      const said = views
        .slice(view.index, last + 1)
        .map((v) => v.text)
        .join(' ');
      const sentence =
        prev && !view.actors.has(actor) && prev.actors.has(actor) ? `${prev.text} ${said}` : said;
      best = better(best, { article, sentence, score: base + TOPIC_WEIGHT * covered });
    }
  }
  return best;
}

/**
 * "Quist said …" or "…, said Quist": the actor next to the speech verb is the one speaking;
 * a sentence that names Portline and has someone else say something is not Portline's word.
 */
function saysIt(text: string, actor: Actor): boolean {
  const lower = text.toLowerCase();
  const verbs = [...text.matchAll(/\p{L}+/gu)].filter((m) => SPEECH_VERBS.has(m[0].toLowerCase()));
  return verbs.some((verb) =>
    [actor.name, ...actor.aliases].some((form) => {
      const at = lower.indexOf(form.toLowerCase());
      if (at < 0) return false;
      const before = at < verb.index;
      // After the verb only as in "…, said Quist": "asking Quist for comment" asks her.
      if (!before && !INVERTED.test(verb[0])) return false;
      const between = before
        ? text.slice(at + form.length, verb.index)
        : text.slice(verb.index + verb[0].length, at);
      // "Quist, a senior fellow at the Ashby Institute and a former envoy, said": an apposition.
      const apposition = before && /^,[^"“”]*,\s*$/u.test(between);
      if (apposition) return between.length <= APPOSITION_REACH;
      // The common verbs of reporting may stand a few words off ("Quist told reporters on
      // Monday …"); a rarer one ("joked", "asked") must follow the name itself, or "who".
      return REPORTING.test(verb[0])
        ? between.length <= SPEAKER_REACH
        : /^(?:\s*\([^)]*\))?,?\s*(?:(?:who|has|had|have|also|then|later)\s+)*$/u.test(between);
    }),
  );
}

/** The verbs of reporting news copy uses most. */
const REPORTING = /^(?:said|says|stated|told|warned|added|revealed|announced|claimed)$/iu;
/** Speech verbs a news sentence puts before the speaker ("…, said Quist"). */
const INVERTED =
  /^(?:said|says|added|adds|wrote|writes|explained|continued|recalled|noted|insisted|warned|argued|asked|concluded)$/iu;
/** Characters between a speaker's name and the speech verb ("Quist, the port's chief, said"). */
const SPEAKER_REACH = 40;
const APPOSITION_REACH = 160;

/**
 * "What did the harbour master say?" when no actor answers to the description: a sentence in
 * which the description itself speaks ("The harbour master told reporters …", "…, the
 * ministry said"), scored as reported speech.
 */
function describedSpeaker(
  article: StoredArticle,
  description: string,
  rest: string[],
): Scored | null {
  const words = description.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0 || words.length > 4 || !/^\p{Ll}/u.test(words[0]!)) return null;
  const phrase = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const speaks = new RegExp(`\\b(?:the\\s+)?${phrase}\\s+(?:has\\s+|had\\s+)?(\\p{L}+)`, 'iu');
  const spoken = new RegExp(`\\b(\\p{L}+)\\s+the\\s+${phrase}\\b`, 'iu');
  let best: Scored | null = null;
  for (const view of sentenceViews(article)) {
    const verb = speaks.exec(view.text)?.[1] ?? spoken.exec(view.text)?.[1];
    if (!verb || !SPEECH_VERBS.has(verb.toLowerCase())) continue;
    const covered = rest.length ? rest.filter((c) => view.concepts.has(c)).length / rest.length : 0;
    best = better(best, { article, sentence: view.text, score: 0.5 + TOPIC_WEIGHT * covered });
  }
  return best;
}

import type { Actor } from '../model/analysis.ts';
import type { StoredArticle } from '../model/article.ts';
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
const SAID = /\b(?:said|says|stated|told|warned|added|revealed|announced|claimed)\b/iu;

/** "What did X say": a sentence holding a quote X is credited with, best on the rest. */
export function quoteAnswer(articles: StoredArticle[], q: Question): Scored | null {
  const subject = new Set(conceptsOf(q.subject ?? ''));
  const rest = q.words.map(concept).filter((c) => !subject.has(c));
  let best: Scored | null = null;
  for (const article of articles) {
    const actor = resolveActor(article, q.subject ?? '');
    if (actor < 0) continue;
    const name = article.analysis.actors[actor]!.name;
    // A few quoted words inside reported speech ("called it “appalling”") are not a quote of
    // what X said: that sentence counts as reported speech. A short quote that opens its
    // sentence ("“It's over,” Quist said.") is a quote, and a quote running over several
    // sentences makes each of them X's words.
    const { sentences } = article.analysis;
    const quoted = new Set<number>();
    for (const x of article.analysis.quotes) {
      const opens = x.start - (sentences[x.sentence]?.start ?? 0) <= QUOTE_OPENS;
      if (x.speaker !== name || (wordCount(x.text) < QUOTE_WORDS && !opens)) continue;
      for (let k = x.sentence; k < sentences.length && sentences[k]!.start < x.end; k++)
        quoted.add(k);
    }
    const views = sentenceViews(article);
    for (const view of views) {
      const base = quoted.has(view.index)
        ? 1
        : view.actors.has(actor) && saysIt(view.text, article.analysis.actors[actor]!)
          ? 0.5
          : 0;
      if (base === 0) continue;
      // What it is about: the sentence's words, and the scene the sentence before sets.
      const prev = views[view.index - 1];
      const covered = rest.length
        ? rest.reduce(
            (n, c) => n + (view.concepts.has(c) ? 1 : prev?.concepts.has(c) ? CONTEXT_SHARE : 0),
            0,
          ) / rest.length
        : 0;
      // A quote whose sentence does not name its speaker ("“It was a shock.”" after "…, says
      // Quist.") is cited with the sentence before that does, so the answer says who.
      const sentence =
        prev && !view.actors.has(actor) && prev.actors.has(actor)
          ? `${prev.text} ${view.text}`
          : view.text;
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
  const verb = SAID.exec(text);
  if (!verb) return false;
  return [actor.name, ...actor.aliases].some((form) => {
    const at = lower.indexOf(form.toLowerCase());
    if (at < 0) return false;
    const before = at < verb.index;
    const between = before
      ? text.slice(at + form.length, verb.index)
      : text.slice(verb.index + verb[0].length, at);
    // "Quist, a senior fellow at the Ashby Institute and a former envoy, said": an apposition.
    const apposition = before && /^,[^"“”]*,\s*$/u.test(between);
    return between.length <= SPEAKER_REACH || (apposition && between.length <= APPOSITION_REACH);
  });
}

/** Characters between a speaker's name and the speech verb ("Quist, the port's chief, said"). */
const SPEAKER_REACH = 40;
const APPOSITION_REACH = 160;

import type { Actor } from '../model/analysis.ts';
import type { Answer, Citation } from '../model/answer.ts';
import type { StoredArticle } from '../model/article.ts';
import type { ArticleStore } from '../store/ports/articles.ts';
import type { ThreadName, ThreadTurn } from '../store/ports/thread-links.ts';
import { resolveActor, sentenceViews } from './entities.ts';
import { parseQuestion } from './question.ts';

/**
 * What one question and its answer talked about, for the next question's pronouns: the
 * question's subject, the other people and organisations it names, and the actors the cited
 * sentence names (or whose quote it holds). Names are the articles' canonical ones, so "Quist"
 * asked about and "Mara Quist" in the answer are one person.
 */

/** Capitalised runs ("Mara Quist", "Portline's"), possessive dropped. */
const CAPITALISED_RUN = /\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*/gu;

/** The article actor a name means, searched in the articles in order. */
function actorFor(articles: readonly StoredArticle[], name: string): Actor | null {
  for (const article of articles) {
    const actor = article.analysis.actors[resolveActor(article, name)];
    if (actor) return actor;
  }
  return null;
}

/** That actor as a name the thread remembers; places are not wanted. */
function actorNamed(articles: readonly StoredArticle[], name: string): ThreadName | null {
  const actor = actorFor(articles, name);
  return actor && actor.type !== 'place' ? { name: actor.name, type: actor.type } : null;
}

function addName(into: ThreadName[], name: ThreadName | null, seen: Set<string>): void {
  if (!name || seen.has(name.name)) return;
  seen.add(name.name);
  into.push(name);
}

/** The subject as the articles name it; kept as written, of unknown kind, when capitalised. */
function subjectOf(question: string, articles: readonly StoredArticle[]): ThreadName | null {
  const subject = parseQuestion(question).subject;
  if (!subject) return null;
  const actor = actorFor(articles, subject);
  // A place asked about is no one a pronoun can mean; an unknown capitalised name may be.
  if (actor) return actor.type === 'place' ? null : { name: actor.name, type: actor.type };
  return /^\p{Lu}/u.test(subject) ? { name: subject, type: null } : null;
}

/** Other names in the question that the articles know ("Did Portline …" reads as Portline). */
function namesIn(question: string, articles: readonly StoredArticle[]): ThreadName[] {
  const names: ThreadName[] = [];
  const seen = new Set<string>();
  for (const run of question.match(CAPITALISED_RUN) ?? [])
    addName(names, actorNamed(articles, run.replace(/[’']s$/u, '')), seen);
  return names;
}

/** The actors a citation's sentence(s) name, in text order, then the speakers of its quotes. */
function citedNames(article: StoredArticle, citation: Citation): ThreadName[] {
  const views = sentenceViews(article);
  let cited = views.filter((v) => citation.sentence.includes(v.text));
  if (cited.length === 0) cited = views.filter((v) => v.text.includes(citation.sentence));
  const { actors, quotes } = article.analysis;
  const indexes = new Set(cited.map((v) => v.index));
  const order = [
    ...cited.flatMap((v) => [...v.actors]),
    ...quotes
      .filter((q) => indexes.has(q.sentence) && q.speaker !== null)
      .map((q) => actors.findIndex((a) => a.name === q.speaker)),
  ];
  const names: ThreadName[] = [];
  const seen = new Set<string>();
  for (const i of order) {
    const actor = actors[i];
    if (actor && actor.type !== 'place')
      addName(names, { name: actor.name, type: actor.type }, seen);
  }
  return names;
}

/** The turn a question and its answer make, read against the given articles. */
export function turnOf(
  question: string,
  answer: Answer,
  articles: readonly StoredArticle[],
): ThreadTurn {
  const subject = subjectOf(question, articles);
  const named = namesIn(question, articles).filter((n) => n.name !== subject?.name);
  const answered: ThreadName[] = [];
  const seen = new Set<string>();
  if (answer.found) {
    for (const citation of answer.citations) {
      const article = articles.find((a) => a.id === citation.articleId);
      if (article) for (const n of citedNames(article, citation)) addName(answered, n, seen);
    }
  }
  return { subject, named, answered };
}

/** The turn, with the briefing's articles and the cited ones read from the store. */
export async function recordedTurn(
  store: ArticleStore,
  question: string,
  answer: Answer,
  briefingArticles: readonly number[],
): Promise<ThreadTurn> {
  const ids = [...new Set([...briefingArticles, ...answer.citations.map((c) => c.articleId)])];
  const articles = ids.length > 0 ? await store.getArticles(ids) : [];
  return turnOf(question, answer, articles);
}

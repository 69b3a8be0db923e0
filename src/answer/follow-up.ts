import type { Answer } from '../model/answer.ts';
import type { StoredArticle } from '../model/article.ts';
import type { ArticleStore } from '../store/ports/articles.ts';
import type { ThreadLinks, ThreadTurn } from '../store/ports/thread-links.ts';
import { resolveActor } from './entities.ts';
import { type Gender, peopleGenders } from './gender.ts';
import {
  namesOf,
  PeopleEvidence,
  type Referent,
  referentOf,
  type Wanted,
} from './thread-people.ts';

/**
 * Follow-on questions in a thread: "What else did he say?" means the last man the thread
 * talked about. The thread remembers its last few turns (see thread-people.ts for who a
 * pronoun picks out of them); pronouns in the next question are replaced by that name before
 * the question is answered, and when the choice is not clear the reader is asked.
 */

const PRONOUN = /\b(he|she|him|her|his|hers|they|them|their|theirs)\b/giu;
const POSSESSIVE = new Set(['his', 'hers', 'their', 'theirs']);
const FEMALE = /^(?:she|her|hers)$/iu;
const MALE = /^(?:he|him|his)$/iu;
/** Words after "her" that make it an object ("thank her for", "send her a letter"), not a possessive. */
const AFTER_OBJECT_HER =
  /^\s+(?:a|an|the|this|these|those|some|any|no|to|for|about|at|with|in|on|from|by|that|if|when|why|what|how|and|or|but|again|back|up|off|out|so|yet|ever|now|then|today|yesterday)\b/iu;
/** Store articles read for a name the briefing's articles never name. */
const NAME_ARTICLES = 10;
/** Names looked up outside the briefing, at most: the turns are few, their names fewer. */
const NAMES_SEARCHED = 8;
/** More people than this to choose from is no question worth asking back. */
const MAX_LISTED = 5;

/** A follow-up read against the thread: the question to answer, or why it cannot be. */
export type FollowUp = { kind: 'question'; question: string } | { kind: 'unclear'; answer: Answer };

function wantedBy(word: string): Wanted {
  return FEMALE.test(word) ? 'female' : MALE.test(word) ? 'male' : 'they';
}

/** A thread's remembered turns; a thread from before turns were kept has its focus as one. */
export async function threadHistory(threads: ThreadLinks, thread: string): Promise<ThreadTurn[]> {
  const turns = await threads.turns(thread);
  if (turns.length > 0) return turns;
  const focus = await threads.focus(thread);
  return focus ? [focusTurn(focus)] : [];
}

/** A turn that only says what the question was about. */
export function focusTurn(focus: string): ThreadTurn {
  return { subject: { name: focus, type: null }, named: [], answered: [] };
}

/** The briefing's articles, and store articles naming anyone the briefing's do not. */
async function evidenceFor(
  articles: ArticleStore,
  names: string[],
  briefingArticles: number[],
): Promise<StoredArticle[]> {
  const inBriefing =
    briefingArticles.length > 0 ? await articles.getArticles(briefingArticles) : [];
  const missing = names
    .filter((n) => !inBriefing.some((a) => resolveActor(a, n) >= 0))
    .slice(0, NAMES_SEARCHED);
  const ids = new Set<number>();
  for (const name of missing)
    for (const hit of await articles.searchSentences(name, {}, NAME_ARTICLES))
      if (!briefingArticles.includes(hit.articleId)) ids.add(hit.articleId);
  return [...inBriefing, ...(ids.size > 0 ? await articles.getArticles([...ids]) : [])];
}

/** Nobody of that gender in the thread: the one person of it the articles name, or a choice. */
function fromArticles(articles: readonly StoredArticle[], gender: Gender): Referent {
  const names = [...peopleGenders(articles, () => -1)]
    .filter(([, g]) => g === gender)
    .map(([name]) => name);
  if (names.length === 1) return { kind: 'one', name: names[0]! };
  return names.length > 1 && names.length <= MAX_LISTED ? { kind: 'several', names } : null;
}

/**
 * A follow-up's pronouns read against the thread's turns: "he" the last man talked about,
 * "she" the last woman, "they" the last organisation or ungendered person. A gender nobody in
 * the thread has means the one person of it the articles name; when several could be meant,
 * the answer asks which. A thread that has talked about nobody leaves the question as it is.
 */
export async function resolveFollowUp(
  articles: ArticleStore,
  asked: string,
  turns: readonly ThreadTurn[],
  briefingArticles: number[],
): Promise<FollowUp> {
  const words = [...new Set((asked.match(PRONOUN) ?? []).map((w) => w.toLowerCase()))];
  const names = namesOf(turns);
  if (words.length === 0 || names.length === 0) return { kind: 'question', question: asked };
  const evidence = await evidenceFor(articles, names, briefingArticles);
  const people = new PeopleEvidence(evidence);
  const chosen = new Map<Wanted, string>();
  for (const word of words) {
    const wanted = wantedBy(word);
    if (chosen.has(wanted)) continue;
    const found =
      referentOf(turns, wanted, people) ??
      (wanted === 'they' ? null : fromArticles(evidence, wanted));
    if (found?.kind === 'several')
      return { kind: 'unclear', answer: unclear(asked, whichOne(word, found.names)) };
    if (!found) {
      if (wanted === 'they') continue;
      return { kind: 'unclear', answer: unclear(asked, nobody(word, wanted)) };
    }
    chosen.set(wanted, found.name);
  }
  const question = asked.replace(PRONOUN, (word: string, _w: string, at: number) => {
    const who = chosen.get(wantedBy(word));
    if (!who) return word;
    return isPossessive(word, asked.slice(at + word.length)) ? `${who}’s` : who;
  });
  return { kind: 'question', question };
}

/** "his plan", "her plan": "her" is possessive when a word other than a particle follows. */
function isPossessive(word: string, after: string): boolean {
  const lower = word.toLowerCase();
  if (lower !== 'her') return POSSESSIVE.has(lower);
  return /^\s+\p{L}/u.test(after) && !AFTER_OBJECT_HER.test(after);
}

/** "A, B or C". */
function oneOf(names: string[]): string {
  return names.length < 2
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

function whichOne(word: string, names: string[]): string {
  return `By "${word}", do you mean ${oneOf(names)}? Ask again with the name.`;
}

function nobody(word: string, gender: Gender): string {
  const who = gender === 'female' ? 'woman' : 'man';
  return `It isn't clear who "${word}" is here: this thread has not talked about a ${who}, and the articles do not point to one ${who}. Please ask again with the person's name.`;
}

function unclear(asked: string, text: string): Answer {
  return { question: asked, found: false, answer: text, citations: [], scope: 'briefing' };
}

/** "What else did X say?" asks for another quote than the one already given. */
export function asksForMore(question: string): boolean {
  return /\b(?:else|more|another|again)\b/iu.test(question);
}

import type { Answer } from '../model/answer.ts';
import type { StoredArticle } from '../model/article.ts';
import type { ArticleStore } from '../store/ports/articles.ts';
import { resolveActor } from './entities.ts';
import { type Gender, genderOf, peopleGenders, pronounGenders } from './gender.ts';
import { parseQuestion } from './question.ts';

/**
 * Follow-on questions in a thread: "What else did he say?" means the person the previous
 * question was about. The thread remembers its focus; pronouns in the next question are read
 * as that name before the question is answered.
 */

const PRONOUN = /\b(he|she|him|her|his|hers|they|them|their)\b/giu;
const POSSESSIVE = new Set(['his', 'hers', 'their']);

/** The question with third-person pronouns replaced by the focus, when there is one. */
export function resolvePronouns(question: string, focus: string | null): string {
  if (!focus) return question;
  return question.replace(PRONOUN, (word: string) =>
    POSSESSIVE.has(word.toLowerCase()) ? `${focus}’s` : focus,
  );
}

const FEMALE = /^(?:she|her|hers|herself)$/iu;
const MALE = /^(?:he|him|his|himself)$/iu;
/** Store articles read for a focus the briefing's articles never name. */
const FOCUS_ARTICLES = 10;

/** A follow-up read against the thread: the question to answer, or why it cannot be. */
export type FollowUp = { kind: 'question'; question: string } | { kind: 'unclear'; answer: Answer };

/** Pronouns replaced by the person of their gender ("she" → "Mara Quist"); "they" by the focus. */
function replaceByGender(question: string, focus: string, by: Map<Gender, string>): string {
  return question.replace(PRONOUN, (word: string) => {
    const gender: Gender | null = FEMALE.test(word) ? 'female' : MALE.test(word) ? 'male' : null;
    const who = (gender && by.get(gender)) ?? focus;
    return POSSESSIVE.has(word.toLowerCase()) ? `${who}’s` : who;
  });
}

/** The only other person the articles give that gender, or null when none or several. */
function onlyOther(articles: StoredArticle[], gender: Gender, focus: string): string | null {
  const agreeing = [...peopleGenders(articles, (a) => resolveActor(a, focus))]
    .filter(([, g]) => g === gender)
    .map(([name]) => name);
  return agreeing.length === 1 ? agreeing[0]! : null;
}

/** The articles that can say who the focus is: the briefing's, else store articles naming them. */
async function evidenceFor(
  articles: ArticleStore,
  focus: string,
  briefingArticles: number[],
): Promise<StoredArticle[]> {
  const inBriefing =
    briefingArticles.length > 0 ? await articles.getArticles(briefingArticles) : [];
  if (inBriefing.some((a) => resolveActor(a, focus) >= 0)) return inBriefing;
  const hits = await articles.searchSentences(focus, {}, FOCUS_ARTICLES);
  const ids = [...new Set(hits.map((h) => h.articleId))];
  return [...inBriefing, ...(ids.length > 0 ? await articles.getArticles(ids) : [])];
}

/**
 * A follow-up's pronouns read against the thread's focus, in gender agreement: "she" after a
 * question about a man the articles call "he" means the one woman the briefing names, and
 * when there is no such single person the answer says it is unclear and asks for the name.
 * Unknown gender is no conflict: the pronoun means the focus, as before.
 */
export async function resolveFollowUp(
  articles: ArticleStore,
  asked: string,
  focus: string | null,
  briefingArticles: number[],
): Promise<FollowUp> {
  const wanted = pronounGenders(asked);
  if (!focus || wanted.size === 0)
    return { kind: 'question', question: resolvePronouns(asked, focus) };
  const evidence = await evidenceFor(articles, focus, briefingArticles);
  const focusGender = genderOf(evidence, focus);
  const by = new Map<Gender, string>();
  for (const gender of wanted) {
    if (focusGender === null || focusGender === gender) continue;
    const other = onlyOther(evidence, gender, focus);
    if (!other) return { kind: 'unclear', answer: unclearAnswer(asked, gender, focus) };
    by.set(gender, other);
  }
  return { kind: 'question', question: replaceByGender(asked, focus, by) };
}

function unclearAnswer(asked: string, gender: Gender, focus: string): Answer {
  const [said, other] = gender === 'female' ? ['she', 'he'] : ['he', 'she'];
  return {
    question: asked,
    found: false,
    answer: `It isn't clear who "${said}" is here: the articles call ${focus} "${other}". Please ask again with the person's name.`,
    citations: [],
    scope: 'briefing',
  };
}

/** What the thread is about after this question: the person or thing asked about, if named. */
export function focusOf(question: string): string | null {
  const q = parseQuestion(question);
  if (q.subject && /\p{Lu}/u.test(q.subject)) return q.subject;
  // Capitalised runs after the first word ("Where do Saltreach's agents …" → "Saltreach").
  const runs = question
    .trim()
    .split(/\s+/)
    .slice(1)
    .join(' ')
    .match(/\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*/gu);
  return runs?.[0]?.replace(/[’']s$/u, '') ?? null;
}

/** "What else did X say?" asks for another quote than the one already given. */
export function asksForMore(question: string): boolean {
  return /\b(?:else|more|another|again)\b/iu.test(question);
}

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

/** What the thread is about after this question: the person or thing asked about, if named. */
export function focusOf(question: string): string | null {
  const q = parseQuestion(question);
  if (q.subject && /\p{Lu}/u.test(q.subject)) return q.subject;
  // Capitalised runs after the first word ("Where do Iran's agents …" → "Iran").
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

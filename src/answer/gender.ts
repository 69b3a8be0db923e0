import type { StoredArticle } from '../model/article.ts';
import { resolveActor } from './entities.ts';

/**
 * A person's grammatical gender as the stored articles show it, so a follow-up's "she" is
 * never read as a man the articles call "he". Only evidence in the text counts: titles
 * (Mr, Mrs, Sir, Dame…), kinship nouns beside the name ("his mother, Mara Quist"), and the
 * pronouns that follow a mention before anyone else is named. No evidence means unknown.
 */

export type Gender = 'female' | 'male';

interface Votes {
  female: number;
  male: number;
}

/** A title or kinship noun is near-certain; a pronoun after a mention only likely. */
const STRONG = 3;
/** One side must outweigh the other this many times over before a gender is claimed. */
const MAJORITY = 2;
/** Characters looked at around a mention for a title or an apposition. */
const NEAR_CHARS = 40;

const TITLE_FEMALE = /\b(?:Mrs|Ms|Miss|Lady|Dame|Madam|Madame)\.?\s+$/u;
const TITLE_MALE = /\b(?:Mr|Sir|Lord)\.?\s+$/u;
const TITLE_IN_NAME_FEMALE = /^(?:Mrs|Ms|Miss|Lady|Dame)\.?\s/u;
const TITLE_IN_NAME_MALE = /^(?:Mr|Sir|Lord)\.?\s/u;

const KIN_FEMALE =
  'mother|daughter|wife|sister|grandmother|granddaughter|aunt|niece|widow|girlfriend|stepmother|mum|mom';
const KIN_MALE =
  'father|son|husband|brother|grandfather|grandson|uncle|nephew|widower|boyfriend|stepfather|dad';
/** "… his mother, Mara Quist" / "… mother Mara Quist": the noun right before the name. */
const KIN_BEFORE_FEMALE = new RegExp(`\\b(?:${KIN_FEMALE})\\s*,?\\s+$`, 'iu');
const KIN_BEFORE_MALE = new RegExp(`\\b(?:${KIN_MALE})\\s*,?\\s+$`, 'iu');
/** "Mara Quist, 52, a mother of three": an apposition right after the name. */
const KIN_AFTER_FEMALE = new RegExp(
  `^,\\s+(?:\\d+,\\s+)?(?:the|a|an)\\s+(?:\\w+\\s+)?(?:${KIN_FEMALE})\\b`,
  'iu',
);
const KIN_AFTER_MALE = new RegExp(
  `^,\\s+(?:\\d+,\\s+)?(?:the|a|an)\\s+(?:\\w+\\s+)?(?:${KIN_MALE})\\b`,
  'iu',
);
const KIN_ROLE_FEMALE = new RegExp(`\\b(?:${KIN_FEMALE})\\b`, 'iu');
const KIN_ROLE_MALE = new RegExp(`\\b(?:${KIN_MALE})\\b`, 'iu');

const PRONOUN_FEMALE = /\b(?:she|her|hers|herself)\b/giu;
const PRONOUN_MALE = /\b(?:he|him|his|himself)\b/giu;
/** A pronoun opening a sentence, after any opening quotation mark. */
const OPENING_PRONOUN = /^[\s"“‘']*(she|her|he|his)\b/iu;
/** "Mara Quist's husband said he…": after a possessive, the next pronoun is someone else's. */
const POSSESSIVE_AFTER = /^[’']s?\b/u;

function count(re: RegExp, text: string): number {
  return text.match(re)?.length ?? 0;
}

/** The text with quoted passages blanked: a pronoun inside a quote is the speaker's, not ours. */
function unquoted(article: StoredArticle): string {
  const parts: string[] = [];
  let at = 0;
  const quotes = [...article.analysis.quotes].sort((a, b) => a.start - b.start);
  for (const q of quotes) {
    if (q.start < at) continue;
    parts.push(article.text.slice(at, q.start), ' '.repeat(q.end - q.start));
    at = q.end;
  }
  parts.push(article.text.slice(at));
  return parts.join('');
}

function addVotes(
  votes: Votes,
  article: StoredArticle,
  actor: number,
  text = unquoted(article),
): void {
  const { analysis } = article;
  const role = analysis.actors[actor]?.role ?? '';
  if (KIN_ROLE_FEMALE.test(role)) votes.female += STRONG;
  if (KIN_ROLE_MALE.test(role)) votes.male += STRONG;
  const people = analysis.mentions
    .filter((m) => m.type === 'person')
    .sort((a, b) => a.start - b.start);
  for (const m of people) {
    if (m.actor !== actor) continue;
    const before = text.slice(Math.max(0, m.start - NEAR_CHARS), m.start);
    const after = text.slice(m.end, m.end + NEAR_CHARS);
    if (TITLE_FEMALE.test(before) || TITLE_IN_NAME_FEMALE.test(m.text)) votes.female += STRONG;
    if (TITLE_MALE.test(before) || TITLE_IN_NAME_MALE.test(m.text)) votes.male += STRONG;
    if (KIN_BEFORE_FEMALE.test(before) || KIN_AFTER_FEMALE.test(after)) votes.female += STRONG;
    if (KIN_BEFORE_MALE.test(before) || KIN_AFTER_MALE.test(after)) votes.male += STRONG;
    // A name inside a quote is someone addressed or talked about, not the narrative's subject.
    if (POSSESSIVE_AFTER.test(after) || text[m.start] === ' ') continue;
    // Pronouns after the sentence's first person, to the end of the sentence unless another
    // person is named first; and a pronoun that opens the next sentence ("She said…"), which
    // picks up that subject. Pronouns deeper in the next sentence are too often someone else's.
    const here = analysis.sentences.findIndex((s) => m.start >= s.start && m.start < s.end);
    const sentence = analysis.sentences[here];
    if (!sentence) continue;
    if (people.some((o) => o.actor !== actor && o.start >= sentence.start && o.start < m.start))
      continue;
    const other = people.find((o) => o.start >= m.end && o.actor !== actor);
    const end = Math.min(sentence.end, other?.start ?? sentence.end);
    const window = text.slice(m.end, Math.max(m.end, end));
    votes.female += count(PRONOUN_FEMALE, window);
    votes.male += count(PRONOUN_MALE, window);
    const next = analysis.sentences[here + 1];
    if (!next || (other && other.start < next.start)) continue;
    const opener = OPENING_PRONOUN.exec(text.slice(next.start, next.end))?.[1]?.toLowerCase();
    if (opener === 'she' || opener === 'her') votes.female += 1;
    if (opener === 'he' || opener === 'his') votes.male += 1;
  }
}

/** The gender the articles give the person named, or null when they give none or disagree. */
export function genderOf(articles: readonly StoredArticle[], name: string): Gender | null {
  const votes: Votes = { female: 0, male: 0 };
  for (const article of articles) {
    const actor = resolveActor(article, name);
    if (actor >= 0 && article.analysis.actors[actor]?.type === 'person')
      addVotes(votes, article, actor);
  }
  return decide(votes);
}

function decide(votes: Votes): Gender | null {
  if (votes.female > 0 && votes.female >= MAJORITY * votes.male) return 'female';
  if (votes.male > 0 && votes.male >= MAJORITY * votes.female) return 'male';
  return null;
}

/**
 * Every person the articles name, by canonical name, with the gender they give them; the
 * actor `skip(article)` returns (the person already asked about) is left out.
 */
export function peopleGenders(
  articles: readonly StoredArticle[],
  skip: (article: StoredArticle) => number,
): Map<string, Gender | null> {
  const votes = new Map<string, Votes>();
  for (const article of articles) {
    const skipped = skip(article);
    const text = unquoted(article);
    article.analysis.actors.forEach((a, i) => {
      if (a.type !== 'person' || i === skipped) return;
      const v = votes.get(a.name) ?? { female: 0, male: 0 };
      addVotes(v, article, i, text);
      votes.set(a.name, v);
    });
  }
  return new Map([...votes].map(([name, v]) => [name, decide(v)]));
}

/** The genders a question's third-person pronouns ask about ("what did she say" → female). */
export function pronounGenders(question: string): Set<Gender> {
  const genders = new Set<Gender>();
  if (count(PRONOUN_FEMALE, question) > 0) genders.add('female');
  if (count(PRONOUN_MALE, question) > 0) genders.add('male');
  return genders;
}

import type { Actor } from '../model/analysis.ts';
import type { StoredArticle } from '../model/article.ts';
import { contentWords } from '../nlp/words.ts';
import { concept } from './stem.ts';

/**
 * Sentences as bags of concepts, widened by the actors they mention: a sentence that says
 * "Eastquay" also matches a question about "Saltreach", because the analysis made them one
 * actor; a sentence naming a person also holds that person's role.
 */

export interface SentenceView {
  article: StoredArticle;
  index: number;
  text: string;
  concepts: Set<string>;
  /** Indexes into the article's actors mentioned in the sentence. */
  actors: Set<number>;
}

export function conceptsOf(text: string): string[] {
  return contentWords(text).map(concept);
}

function actorForms(actor: Actor): string[] {
  return [actor.name, ...actor.aliases];
}

export function sentenceViews(article: StoredArticle): SentenceView[] {
  const { sentences, mentions, actors } = article.analysis;
  return sentences.map((s, index) => {
    const inSentence = new Set<number>();
    for (const m of mentions) if (m.start >= s.start && m.start < s.end) inSentence.add(m.actor);
    const concepts = new Set(conceptsOf(s.text));
    for (const a of inSentence) {
      const actor = actors[a];
      if (!actor) continue;
      for (const form of actorForms(actor)) for (const c of conceptsOf(form)) concepts.add(c);
      // A person named here carries the role the article gives them elsewhere: "Quist" in a
      // sentence answers "who heads the Harbour Board" when she is its director general.
      if (actor.type === 'person' && actor.role)
        for (const c of conceptsOf(actor.role)) concepts.add(c);
    }
    return { article, index, text: s.text, concepts, actors: inSentence };
  });
}

function containsPhrase(haystack: string, phrase: string): boolean {
  const h = ` ${contentWords(haystack).join(' ')} `;
  const p = contentWords(phrase).join(' ');
  return p.length > 0 && h.includes(` ${p} `);
}

/**
 * The article's actor a question's subject names: by name or alias, by a person's surname,
 * or by the role the article gives them ("the foreign secretary"). -1 when none.
 */
export function resolveActor(article: StoredArticle, subject: string): number {
  const wanted = contentWords(subject).join(' ');
  if (!wanted) return -1;
  const { actors } = article.analysis;
  const exact = actors.findIndex((a) =>
    actorForms(a).some((f) => contentWords(f).join(' ') === wanted),
  );
  if (exact >= 0) return exact;
  const bySurname = actors.findIndex((a) => {
    if (a.type !== 'person') return false;
    const surname = contentWords(a.name).at(-1);
    return surname !== undefined && containsPhrase(subject, surname);
  });
  if (bySurname >= 0) return bySurname;
  return actors.findIndex((a) => a.role !== null && containsPhrase(a.role, subject));
}

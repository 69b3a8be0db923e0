import type { Actor, Mention } from '../model/analysis.ts';
import type { StoredArticle } from '../model/article.ts';
import { firstIndexWhere } from '../nlp/text/sorted.ts';
import { contentWords } from '../nlp/words.ts';
import { readWords } from './reading.ts';
import { concept } from './stem.ts';

/**
 * Sentences as bags of concepts, widened by the actors they mention: a sentence that says
 * "Eastquay" also matches a question about "Saltreach", because the analysis made them one
 * actor; a sentence naming a person also holds that person's role.
 */

/**
 * What a question word found only in the sentence before counts for, against one in the
 * sentence itself: the sentence before sets the scene ("the network" after "RT").
 */
export const CONTEXT_SHARE = 0.3;

export interface SentenceView {
  article: StoredArticle;
  index: number;
  text: string;
  concepts: Set<string>;
  /** Indexes into the article's actors mentioned in the sentence. */
  actors: Set<number>;
}

export function conceptsOf(text: string): string[] {
  return readWords(text).map(concept);
}

function actorForms(actor: Actor): string[] {
  return [actor.name, ...actor.aliases];
}

/**
 * The concepts an actor's mention brings to a sentence: its names and, for a person, the role
 * the article gives them elsewhere ("Quist" answers "who heads the Harbour Board" when she
 * is its director general). Computed once per actor, not once per mention.
 */
function actorConcepts(actor: Actor): string[] {
  const forms = actorForms(actor).flatMap(conceptsOf);
  return actor.type === 'person' && actor.role ? [...forms, ...conceptsOf(actor.role)] : forms;
}

export function sentenceViews(article: StoredArticle): SentenceView[] {
  const { sentences, mentions, actors } = article.analysis;
  const ofActor = new Map<number, string[]>();
  let m = 0;
  return sentences.map((s, index) => {
    const inSentence = new Set<number>();
    // Mentions are in text order, like the sentences: one pass over both.
    while (m < mentions.length && mentions[m]!.start < s.start) m++;
    for (let k = m; k < mentions.length && mentions[k]!.start < s.end; k++)
      inSentence.add(mentions[k]!.actor);
    const concepts = new Set(conceptsOf(s.text));
    for (const a of inSentence) {
      const actor = actors[a];
      if (!actor) continue;
      let cs = ofActor.get(a);
      if (!cs) {
        cs = actorConcepts(actor);
        ofActor.set(a, cs);
      }
      for (const c of cs) concepts.add(c);
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
  const byRole = actors.findIndex((a) => a.role !== null && containsPhrase(a.role, subject));
  if (byRole >= 0) return byRole;
  // "Portline's boss", "the Ashby Bank economist": every word of the description in a
  // person's role, in whatever order and form ("chief executive of Portline").
  const described = conceptsOf(subject);
  return actors.findIndex((a) => {
    if (a.type !== 'person' || !a.role) return false;
    const role = roleConceptsOf(a.role);
    return described.every((c) => role.has(c));
  });
}

/** Concepts of a role, kept per string: the same roles come back for every question. */
const roleSets = new Map<string, ReadonlySet<string>>();
/** A bound on that memory; past it the cache starts again. */
const MAX_ROLES = 10_000;

export function roleConceptsOf(role: string): ReadonlySet<string> {
  let set = roleSets.get(role);
  if (!set) {
    if (roleSets.size >= MAX_ROLES) roleSets.clear();
    set = new Set(conceptsOf(role));
    roleSets.set(role, set);
  }
  return set;
}

/**
 * "On 6 July, Quist made the following claim:" and the sentence after it are one statement:
 * a sentence ending in a colon is read with the next one, which it introduces.
 */
export function withWhatFollows(view: SentenceView, next: SentenceView | undefined): SentenceView {
  if (!next || !/:\s*$/u.test(view.text)) return view;
  return {
    ...view,
    text: `${view.text} ${next.text}`,
    concepts: new Set([...view.concepts, ...next.concepts]),
    actors: new Set([...view.actors, ...next.actors]),
  };
}

/** The mentions that start in the sentence, in text order, with the sentence's bounds. */
export function mentionsIn(s: SentenceView): {
  sentenceStart: number;
  sentenceEnd: number;
  mentions: Mention[];
} {
  const { sentences, mentions } = s.article.analysis;
  const sentence = sentences[s.index];
  if (!sentence) return { sentenceStart: 0, sentenceEnd: 0, mentions: [] };
  const out: Mention[] = [];
  // Mentions are in text order: start at the sentence's first, stop past its end.
  for (
    let k = firstIndexWhere(mentions, (m) => m.start < sentence.start);
    k < mentions.length && mentions[k]!.start < sentence.end;
    k++
  )
    out.push(mentions[k]!);
  return { sentenceStart: sentence.start, sentenceEnd: sentence.end, mentions: out };
}

import type { Actor, EntityType } from '../model/analysis.ts';
import type { StoredArticle } from '../model/article.ts';
import { lookupPlace, placeKey } from '../nlp/text/places.ts';
import { acronymOf, asAcronym, organizationWords, personWords } from './names.ts';

/**
 * Which of the articles' actors are the same entity. Each article has already merged its own
 * mentions into actors; across articles a country is one place however named (capitals stay
 * cities), a person is one person with or without titles, initials or given name, and an
 * organisation is one with its acronym.
 */

/** One article's actor. */
export interface Form {
  article: number;
  /** The actor's rank within its article. */
  rank: number;
  actor: Actor;
  /** The words it is compared by (people and organisations). */
  words: string[];
}

export interface Entities {
  /** Every entity's forms, by entity key. */
  forms: Map<string, Form[]>;
  /** The entity key of an article's own actor name, or of a name as a person's. */
  keyOf(article: number, name: string): string | undefined;
}

function formKey(a: Actor): { key: string; words: string[] } {
  const place = a.type === 'person' ? undefined : lookupPlace(a.name);
  // An organisation named as a country ("Russia said") is that country's state.
  if (place && place.form !== 'capital' && (a.type === 'place' || place.form !== 'demonym'))
    return { key: `place:${place.country}`, words: [] };
  if (a.type === 'place') return { key: `place:${placeKey(a.name)}`, words: [] };
  // People and organisations share one space: a tagger may call "Jeb Bush" either.
  const words = a.type === 'person' ? personWords(a.name) : organizationWords(a.name);
  return { key: `agent:${words.join(' ')}`, words };
}

/** "WASHINGTON (AP) — ", "FLINT, Mich., Oct. 4 (UPI) — ": a wire dateline opening the text. */
const DATELINE = /^\p{Lu}{2}[^\n()]{0,60}\([^()\n]{1,40}\)\s*[—–-]{1,2}\s/u;

/**
 * Whether an article's actor is named outside its dateline. The city and agency of a dateline
 * are where the copy was filed, not who the story is about; counted, the agency would top
 * every briefing that draws on its wire.
 */
function namedInBody(article: StoredArticle): (actor: number) => boolean {
  const end = DATELINE.exec(article.text)?.[0].length ?? 0;
  if (end === 0) return () => true;
  const inBody = new Set<number>();
  const mentioned = new Set<number>();
  for (const m of article.analysis.mentions) {
    mentioned.add(m.actor);
    if (m.start >= end) inBody.add(m.actor);
  }
  return (actor) => inBody.has(actor) || !mentioned.has(actor);
}

/** The type most of a group's articles give it; people before organisations on a tie. */
export function majorityType(forms: Form[]): EntityType {
  const votes: Record<EntityType, Set<number>> = {
    person: new Set(),
    organization: new Set(),
    place: new Set(),
  };
  for (const f of forms) votes[f.actor.type].add(f.article);
  const order: EntityType[] = ['person', 'organization', 'place'];
  return order.reduce((best, t) => (votes[t].size > votes[best].size ? t : best));
}

export function groupEntities(articles: StoredArticle[]): Entities {
  const groups = new Map<string, Form[]>();
  const memo = new Map<string, { key: string; words: string[] }>();
  const inArticle = articles.map(() => new Map<string, string>());
  articles.forEach((article, ai) => {
    const named = namedInBody(article);
    article.analysis.actors.forEach((actor, rank) => {
      if (!named(rank)) return;
      const id = `${actor.type}\u0000${actor.name}`;
      let k = memo.get(id);
      if (!k) {
        k = formKey(actor);
        memo.set(id, k);
      }
      const forms = groups.get(k.key);
      const form = { article: ai, rank, actor, words: k.words };
      if (forms) forms.push(form);
      else groups.set(k.key, [form]);
      inArticle[ai]!.set(actor.name, k.key);
    });
  });

  const redirect = resolveShortForms(groups);
  // Redirects only ever lead to a fuller or settled form, so chains are short and end.
  const root = (key: string): string => {
    let k = key;
    for (let next = redirect.get(k); next !== undefined && next !== key; next = redirect.get(k))
      k = next;
    return k;
  };
  const forms = new Map<string, Form[]>();
  for (const [key, list] of groups) {
    const r = root(key);
    const into = forms.get(r);
    if (into) into.push(...list);
    else forms.set(r, [...list]);
  }
  return {
    forms,
    keyOf(article, name) {
      const key = inArticle[article]?.get(name) ?? `agent:${personWords(name).join(' ')}`;
      const r = root(key);
      return forms.has(r) ? r : undefined;
    },
  };
}

/**
 * Where each shorter form goes: "Councillor Mara Quist" and "Mara Ellen Quist" to
 * "Mara Quist"; a bare surname to the person it names most often (by the articles that
 * use it as that person's alias, then by coverage); an acronym to the organisation it
 * abbreviates; a lone given name to the only person who has it.
 */
function resolveShortForms(groups: Map<string, Form[]>): Map<string, string> {
  const redirect = new Map<string, string>();
  const typeOf = new Map<string, EntityType>();
  for (const [key, forms] of groups)
    typeOf.set(key, key.startsWith('place:') ? 'place' : majorityType(forms));
  const isPersonPair = (key: string): boolean =>
    typeOf.get(key) === 'person' && groups.get(key)?.[0]?.words.length === 2;

  for (const [key, forms] of groups) {
    const w = forms[0]!.words;
    if (w.length < 3 || typeOf.get(key) !== 'person') continue;
    const target = [`${w.at(-2)} ${w.at(-1)}`, `${w[0]} ${w.at(-1)}`]
      .map((pair) => `agent:${pair}`)
      .find(isPersonPair);
    if (target) redirect.set(key, target);
  }

  // Indexes of full names, and how often articles call each by a short form.
  const bySurname = new Map<string, string[]>();
  const byGiven = new Map<string, string[]>();
  const byAcronym = new Map<string, string[]>();
  const standing = new Map<string, Standing>();
  const aliasWords = new Map<string, string[]>();
  for (const [key, forms] of groups) {
    if (!key.startsWith('agent:') || forms[0]!.words.length < 2) continue;
    const target = redirect.get(key) ?? key;
    const s = standing.get(target) ?? { calls: new Map(), articles: new Set(), mentions: 0 };
    standing.set(target, s);
    for (const f of forms) {
      s.articles.add(f.article);
      s.mentions += f.actor.mentions;
      for (const alias of f.actor.aliases) {
        let w = aliasWords.get(alias);
        if (!w) {
          w = personWords(alias);
          aliasWords.set(alias, w);
        }
        const short = asAcronym(alias) ?? (w.length === 1 ? w[0]! : null);
        if (short !== null) s.calls.set(short, (s.calls.get(short) ?? 0) + 1);
      }
    }
    const w = forms[0]!.words;
    if (typeOf.get(key) === 'person') {
      index(bySurname, w.at(-1)!, target);
      // Only a name's own first word is a given name ("Councillor Mara Quist" has none).
      if (target === key) index(byGiven, w[0]!, target);
    } else {
      for (const f of forms) {
        const acronym = acronymOf(f.actor.name);
        if (acronym) index(byAcronym, acronym, target);
      }
    }
  }

  for (const [key, forms] of groups) {
    const w = forms[0]!.words;
    if (!key.startsWith('agent:') || w.length !== 1) continue;
    const acronym = forms.map((f) => asAcronym(f.actor.name)).find((a) => a !== null);
    const given = byGiven.get(w[0]!) ?? [];
    const [short, candidates] =
      acronym && byAcronym.has(acronym)
        ? [acronym, byAcronym.get(acronym)!]
        : bySurname.has(w[0]!)
          ? [w[0]!, bySurname.get(w[0]!)!]
          : [w[0]!, typeOf.get(key) === 'person' && given.length === 1 ? given : []];
    const best = candidates
      .map((k) => ({ k, s: standing.get(k)! }))
      .sort(
        (x, y) =>
          (y.s.calls.get(short) ?? 0) - (x.s.calls.get(short) ?? 0) ||
          y.s.articles.size - x.s.articles.size ||
          y.s.mentions - x.s.mentions ||
          x.k.localeCompare(y.k),
      )[0];
    if (best) redirect.set(key, best.k);
  }

  // A name that is nobody's and that other articles call a place (not a country, which the
  // gazetteer settles) is one entity, a place or not as most of its articles say: taggers
  // disagree on "Marrowby" or "Washington".
  const places = new Map<string, string>();
  for (const [key, forms] of groups)
    if (key.startsWith('place:') && lookupPlace(key.slice(6))?.form !== 'name')
      places.set(organizationWords(forms[0]!.actor.name).join(' '), key);
  const articlesOf = (key: string): number => new Set(groups.get(key)!.map((f) => f.article)).size;
  for (const [key, forms] of groups) {
    const place = places.get(forms[0]!.words.join(' '));
    if (!key.startsWith('agent:') || redirect.has(key) || !place) continue;
    if (articlesOf(place) >= articlesOf(key)) redirect.set(key, place);
    else redirect.set(place, key);
  }
  return redirect;
}

interface Standing {
  /** How many article actors have each short form (surname, acronym) among their aliases. */
  calls: Map<string, number>;
  articles: Set<number>;
  mentions: number;
}

function index(map: Map<string, string[]>, word: string, key: string): void {
  const keys = map.get(word);
  if (!keys) map.set(word, [key]);
  else if (!keys.includes(key)) keys.push(key);
}

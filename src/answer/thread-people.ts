import type { StoredArticle } from '../model/article.ts';
import type { ThreadName, ThreadTurn } from '../store/ports/thread-links.ts';
import { resolveActor } from './entities.ts';
import { type Gender, genderOf } from './gender.ts';

/**
 * Who a follow-up pronoun means, read from the thread's turns (#16): "he" is the last man the
 * thread talked about, "she" the last woman, "they" the last organisation or person the
 * articles give no gender. Within a turn the question's subject outranks the other names it
 * used, which outrank the people its answer named; when two or more share the top rank the
 * reader is asked which one, never guessed for.
 */

/** What a pronoun asks for. */
export type Wanted = Gender | 'they';

/** One pronoun read against the thread: one name, several to choose from, or nobody. */
export type Referent = { kind: 'one'; name: string } | { kind: 'several'; names: string[] } | null;

type Kind = 'person' | 'organization' | 'unknown';

interface Talked {
  name: string;
  /** 0 the question's subject, 1 another name in it, 2 a name in the answer. */
  rank: number;
  kind: Kind;
  gender: Gender | null;
}

/** Kinds and genders of names, from the evidence articles, each worked out once. */
export class PeopleEvidence {
  readonly #articles: readonly StoredArticle[];
  readonly #kinds = new Map<string, Kind | null>();
  readonly #genders = new Map<string, Gender | null>();

  constructor(articles: readonly StoredArticle[]) {
    this.#articles = articles;
  }

  /** A stored kind stands; a name stored without one takes the articles' (a place is none). */
  kindOf(n: ThreadName): Kind | null {
    if (n.type) return n.type;
    if (!this.#kinds.has(n.name)) {
      const actor = this.#articles
        .map((a) => a.analysis.actors[resolveActor(a, n.name)])
        .find((a) => a !== undefined);
      this.#kinds.set(n.name, actor?.type === 'place' ? null : (actor?.type ?? 'unknown'));
    }
    return this.#kinds.get(n.name) ?? null;
  }

  genderOf(name: string): Gender | null {
    let gender = this.#genders.get(name);
    if (gender === undefined) {
      gender = genderOf(this.#articles, name);
      this.#genders.set(name, gender);
    }
    return gender;
  }
}

/** The turn's names with their rank, kind and gender; a name keeps its best rank. */
function talkedIn(turn: ThreadTurn, evidence: PeopleEvidence): Talked[] {
  const ranked: Array<[ThreadName, number]> = [
    ...(turn.subject ? [[turn.subject, 0] as [ThreadName, number]] : []),
    ...turn.named.map((n): [ThreadName, number] => [n, 1]),
    ...turn.answered.map((n): [ThreadName, number] => [n, 2]),
  ];
  const out: Talked[] = [];
  for (const [n, rank] of ranked) {
    if (out.some((t) => t.name === n.name)) continue;
    const kind = evidence.kindOf(n);
    if (kind === null) continue;
    const gender = kind === 'organization' ? null : evidence.genderOf(n.name);
    out.push({ name: n.name, rank, kind, gender });
  }
  return out;
}

/** Who in one turn a pronoun can mean: known agreement first, then the ungendered. */
function poolFor(talked: Talked[], wanted: Wanted): Talked[] {
  const people = talked.filter((t) => t.kind !== 'organization');
  if (wanted === 'they')
    return talked.filter((t) => t.kind === 'organization' || t.gender === null);
  const agreeing = people.filter((t) => t.gender === wanted);
  return agreeing.length > 0 ? agreeing : people.filter((t) => t.gender === null);
}

function topOf(pool: Talked[]): Referent {
  const best = Math.min(...pool.map((t) => t.rank));
  const names = pool.filter((t) => t.rank === best).map((t) => t.name);
  return names.length === 1 ? { kind: 'one', name: names[0]! } : { kind: 'several', names };
}

/**
 * The referent from the most recent turn that has one; null when no turn does. "They" with no
 * organisation or ungendered person anywhere falls back to the last turn's top-ranked person,
 * as the single focus did before.
 */
export function referentOf(
  turns: readonly ThreadTurn[],
  wanted: Wanted,
  evidence: PeopleEvidence,
): Referent {
  const talked = [...turns].reverse().map((t) => talkedIn(t, evidence));
  for (const inTurn of talked) {
    const pool = poolFor(inTurn, wanted);
    if (pool.length > 0) return topOf(pool);
  }
  if (wanted !== 'they') return null;
  const last = talked.find((inTurn) => inTurn.length > 0);
  return last ? topOf(last) : null;
}

/** Every name the turns hold, for gathering the articles that can tell who they are. */
export function namesOf(turns: readonly ThreadTurn[]): string[] {
  const all = turns.flatMap((t) => [...(t.subject ? [t.subject] : []), ...t.named, ...t.answered]);
  return [...new Set(all.map((n) => n.name))];
}

import type { StoredArticle } from '../model/article.ts';
import type { BriefActor } from '../model/briefing.ts';
import { lookupPlace } from '../nlp/text/places.ts';
import { type Form, groupEntities, majorityType } from './entities.ts';
import { asAcronym, opensWithTitle } from './names.ts';

/**
 * Actors merged across articles (entities.ts decides who is who): ranked by how many stories
 * mention them, then by mentions; named by their fullest common form; the role is the one the
 * most recent article gives. Only the actors shown are described in full, so a briefing of
 * fifty articles and a thousand names stays cheap.
 */

export interface ActorIndex {
  /** The `count` highest-ranked actors. */
  top(count: number): BriefActor[];
  /** The merged actor an article's own name for it (say, a quote's speaker) refers to. */
  lookup(article: number, name: string): { actor: BriefActor; rank: number } | undefined;
}

interface Standing {
  key: string;
  forms: Form[];
  stories: number;
  articles: number;
  /** Mentions, and one more for a role: a named role is a sign of a principal actor. */
  weight: number;
  meanRank: number;
}

export function mergeActors(articles: StoredArticle[], storyOf: readonly number[]): ActorIndex {
  const entities = groupEntities(articles);
  const standings: Standing[] = [];
  for (const [key, forms] of entities.forms) {
    const stories = new Set<number>();
    const seen = new Set<number>();
    let mentions = 0;
    let rankSum = 0;
    let roled = false;
    for (const f of forms) {
      stories.add(storyOf[f.article] ?? -1 - f.article);
      seen.add(f.article);
      mentions += f.actor.mentions;
      rankSum += f.rank;
      roled ||= f.actor.role !== null;
    }
    standings.push({
      key,
      forms,
      stories: stories.size,
      articles: seen.size,
      weight: mentions + (roled ? 1 : 0),
      meanRank: rankSum / forms.length,
    });
  }

  const described = new Map<string, BriefActor>();
  const describe = (s: Standing): BriefActor => {
    let actor = described.get(s.key);
    if (!actor) {
      actor = describeActor(s, articles);
      described.set(s.key, actor);
    }
    return actor;
  };
  standings.sort(
    (x, y) =>
      y.stories - x.stories ||
      y.weight - x.weight ||
      y.articles - x.articles ||
      x.meanRank - y.meanRank ||
      // Equal on every count: the entity key (a normalised name) keeps the order stable.
      x.key.localeCompare(y.key),
  );
  const position = new Map(standings.map((s, i) => [s.key, i]));

  return {
    top: (count) => standings.slice(0, count).map(describe),
    lookup(article, name) {
      const key = entities.keyOf(article, name);
      const rank = key === undefined ? undefined : position.get(key);
      return rank === undefined ? undefined : { actor: describe(standings[rank]!), rank };
    },
  };
}

function describeActor(s: Standing, articles: StoredArticle[]): BriefActor {
  const { key, forms } = s;
  const country = key.startsWith('place:') ? lookupPlace(key.slice(6)) : undefined;
  // A country keeps the spelling articles give its name ("Turkiye"), else the gazetteer's.
  const spelled = forms.filter((f) => lookupPlace(f.actor.name)?.form === 'name');
  const name =
    country?.form !== 'name'
      ? displayName(forms)
      : spelled.length
        ? displayName(spelled)
        : country.country;
  const timeOf = (i: number): number => {
    const a = articles[i]!;
    return Date.parse(a.publishedAt ?? a.ingestedAt) || 0;
  };
  // The most recent article that gives a role has the last word; rank breaks a tie.
  const roled = forms
    .filter((f) => f.actor.role)
    .sort((x, y) => timeOf(y.article) - timeOf(x.article) || x.article - y.article);
  const aliases = new Set<string>();
  for (const f of forms) for (const n of [f.actor.name, ...f.actor.aliases]) aliases.add(n);
  aliases.delete(name);
  return {
    name,
    type: key.startsWith('place:') ? 'place' : majorityType(forms),
    role: roled[0]?.actor.role ?? null,
    aliases: [...aliases].sort(),
    articles: s.articles,
  };
}

/**
 * The name to show: a full name over a surname or acronym, a bare name over one with a
 * title, ordinary case over capitals (datelines shout), then the form most articles use.
 */
function displayName(forms: Form[]): string {
  const uses = new Map<string, Set<number>>();
  for (const f of forms)
    uses.set(f.actor.name, (uses.get(f.actor.name) ?? new Set()).add(f.article));
  const shouts = (n: string): boolean =>
    asAcronym(n) === null && /\p{Lu}{2}/u.test(n) && n === n.toUpperCase();
  const quality = (n: string): number =>
    (n.trim().includes(' ') ? 4 : 0) + (opensWithTitle(n) ? 0 : 2) + (shouts(n) ? 0 : 1);
  return [...uses.keys()].sort(
    (x, y) =>
      quality(y) - quality(x) || uses.get(y)!.size - uses.get(x)!.size || x.localeCompare(y),
  )[0]!;
}

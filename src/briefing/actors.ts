import type { StoredArticle } from '../ingest/article.ts';
import type { Actor } from '../nlp/model.ts';
import { lookupPlace } from '../nlp/places.ts';
import type { BriefActor } from './model.ts';

/**
 * Actors merged across articles: one "Ken McCallum" however each article names him, one
 * "United Kingdom" whether an article says UK or Britain. Ranked by how many articles
 * mention them, then by mentions; the role is the one the most recent article gives.
 */

interface Merged {
  key: string;
  actor: BriefActor;
  mentions: number;
  rankSum: number;
  roleAt: string;
  aliases: Set<string>;
}

function keyOf(a: Actor): string {
  if (a.type === 'place') {
    // A capital stays a city here: the article's analysis already folded capitals used for governments.
    const place = lookupPlace(a.name);
    return `place:${(place && place.form !== 'capital' ? place.country : a.name).toLowerCase()}`;
  }
  return `${a.type}:${a.name.toLowerCase()}`;
}

/** All actors, ranked. Articles are most recent first, so the first role seen is the most recent. */
export function mergeActors(articles: StoredArticle[]): BriefActor[] {
  const merged = new Map<string, Merged>();
  const surnames = new Map<string, string>(); // "mccallum" → key of the full name
  for (const article of articles) {
    const seen = new Set<string>();
    article.analysis.actors.forEach((a, rank) => {
      let key = keyOf(a);
      const parts = a.name.split(' ');
      if (a.type === 'person' && parts.length === 1)
        key = surnames.get(parts[0]!.toLowerCase()) ?? key;
      if (a.type === 'person' && parts.length > 1) surnames.set(parts.at(-1)!.toLowerCase(), key);
      let m = merged.get(key);
      if (!m) {
        m = {
          key,
          actor: { name: a.name, type: a.type, role: a.role, aliases: [], articles: 0 },
          mentions: 0,
          rankSum: 0,
          roleAt: article.publishedAt ?? '',
          aliases: new Set(),
        };
        merged.set(key, m);
      }
      if (a.name.split(' ').length > m.actor.name.split(' ').length) {
        m.aliases.add(m.actor.name);
        m.actor.name = a.name;
      } else if (a.name !== m.actor.name) m.aliases.add(a.name);
      for (const alias of a.aliases) m.aliases.add(alias);
      if (!m.actor.role && a.role) m.actor.role = a.role;
      if (!seen.has(key)) m.actor.articles += 1;
      seen.add(key);
      m.mentions += a.mentions;
      m.rankSum += rank;
    });
  }
  const all = [...merged.values()];
  for (const m of all) {
    m.aliases.delete(m.actor.name);
    m.actor.aliases = [...m.aliases].sort();
  }
  all.sort(
    (x, y) =>
      y.actor.articles - x.actor.articles ||
      y.mentions + (y.actor.role ? 1 : 0) - (x.mentions + (x.actor.role ? 1 : 0)) ||
      x.rankSum / x.actor.articles - y.rankSum / y.actor.articles ||
      x.actor.name.localeCompare(y.actor.name),
  );
  return all.map((m) => m.actor);
}

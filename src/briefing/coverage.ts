import type { StoredArticle } from '../model/article.ts';
import type { Coverage } from '../model/coverage.ts';

const DAY_MS = 86_400_000;
const MAX_DAYS = 62;
const MAX_OUTLETS = 6;
const OTHERS = 'other outlets';

/** A topic's coverage (model/coverage.ts) from its articles in the window, up to `now`. */
export function coverageOf(
  articles: readonly StoredArticle[],
  since: string | null,
  now: Date,
): Coverage {
  const dayOf = (a: StoredArticle): string => (a.publishedAt ?? a.ingestedAt).slice(0, 10);
  // Each article's day and outlet, worked out once.
  const marks = articles.map((a) => ({ day: dayOf(a), outlet: outletOf(a) }));
  const seen = marks.map((m) => m.day).sort();
  const last = now.toISOString().slice(0, 10);
  const first = since ? since.slice(0, 10) : (seen[0] ?? last);
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += DAY_MS)
    days.push(new Date(t).toISOString().slice(0, 10));
  const shown = days.slice(-MAX_DAYS);
  const totals = new Map<string, number>();
  for (const { outlet } of marks) totals.set(outlet, (totals.get(outlet) ?? 0) + 1);
  const ranked = [...totals]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([o]) => o);
  const named = ranked.length > MAX_OUTLETS ? ranked.slice(0, MAX_OUTLETS - 1) : ranked;
  const outlets = ranked.length > named.length ? [...named, OTHERS] : named;
  const counts = shown.map(() => outlets.map(() => 0));
  let charted = 0;
  for (const { day, outlet } of marks) {
    const d = shown.indexOf(day);
    if (d < 0) continue;
    const o = named.indexOf(outlet);
    counts[d]![o < 0 ? outlets.length - 1 : o]! += 1;
    charted++;
  }
  return { days: shown, outlets, counts, articles: charted };
}

/** The outlet's name, else the site it came from, else "unknown outlet". */
function outletOf(a: StoredArticle): string {
  if (a.source) return a.source;
  try {
    return a.url ? new URL(a.url).hostname.replace(/^www\./, '') : 'unknown outlet';
  } catch {
    return 'unknown outlet';
  }
}

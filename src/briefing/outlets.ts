import type { StoredArticle } from '../model/article.ts';

/**
 * The outlets behind a story's articles, each once, in the story's order: the article's own
 * outlet name, else the web host it came from ("www." dropped). An article read from a file
 * with neither has no outlet to name.
 */
export function outletsOf(articles: readonly StoredArticle[]): string[] {
  const out: string[] = [];
  const keys = new Set<string>();
  for (const a of articles) {
    const name = a.source?.trim() || hostOf(a.url);
    if (!name || keys.has(name.toLowerCase())) continue;
    keys.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

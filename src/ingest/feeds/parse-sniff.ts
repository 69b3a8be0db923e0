/**
 * Is it a feed? From the Content-Type first, else from the text: the first element of an XML
 * document (rss, rdf:RDF, feed) or a JSON object carrying a jsonfeed.org version.
 */

/** rss+xml, atom+xml, rdf+xml, feed+json, and plain XML types; never XHTML pages. */
const FEED_CONTENT_TYPE =
  /^\s*(?:application|text)\/(?:rss\+xml|atom\+xml|rdf\+xml|feed\+json|xml|x-rss\+xml|rss|atom)\s*(?:;|$)/i;

/** What precedes the root element: a BOM, an XML declaration, processing instructions, comments, a DOCTYPE. */
const PROLOG =
  /^\uFEFF?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/iy;

const JSON_FEED_VERSION = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1(?:\.\d+)?\/?"/;

/** How far into the text the root element is looked for: a feed's prolog is short. */
const SNIFF_CHARS = 64 * 1024;

export type FeedRoot = 'rss' | 'rdf' | 'atom' | 'json';

export function looksLikeFeed(contentType: string | null, text: string): boolean {
  if (contentType !== null && FEED_CONTENT_TYPE.test(contentType)) return true;
  return feedRoot(text) !== null;
}

/** The kind of feed the text's root says it is, or null. */
export function feedRoot(text: string): FeedRoot | null {
  const head = text.slice(0, SNIFF_CHARS);
  if (/^\uFEFF?\s*\{/.test(head)) return JSON_FEED_VERSION.test(text) ? 'json' : null;
  const name = rootElementName(head);
  if (name === null) return null;
  if (name === 'rss') return 'rss';
  if (name === 'rdf:rdf') return 'rdf';
  if (name === 'feed' || name.endsWith(':feed')) return 'atom';
  return null;
}

/** The first element's name, lower-cased, or null when the text does not start with markup. */
export function rootElementName(head: string): string | null {
  PROLOG.lastIndex = 0;
  PROLOG.exec(head);
  const at = PROLOG.lastIndex;
  const m = /^<([A-Za-z_][\w.:-]{0,100})/.exec(head.slice(at, at + 120));
  return m?.[1] ? m[1].toLowerCase() : null;
}

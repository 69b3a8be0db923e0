import { httpUrl } from '../model/url.ts';

/**
 * Which article URLs may become links. An article's `url` is whatever its file or feed said:
 * `javascript:`, `data:`, `file:` or a relative path would be a live link to something other
 * than the article. Every renderer (text, Markdown, Discord, Slack) asks here, so the rule is
 * kept in one place: only an absolute http(s) URL is linked, and then in the form the WHATWG
 * URL parser normalises it to (what a browser would open, with spaces and angle brackets
 * percent-encoded).
 */

/**
 * Longer URLs are not linked. Browsers and proxies stop at about this length, and a link
 * longer than a chat message would take the message's room (or split it) on its own.
 */
export const MAX_LINK_CHARS = 2048;

/** The normalised http(s) URL to link to, or null when `url` must not become a link. */
export function linkableUrl(url: string | null | undefined): string | null {
  if (!url || url.length > MAX_LINK_CHARS) return null;
  const href = httpUrl(url)?.href;
  if (href === undefined) return null;
  return href.length > MAX_LINK_CHARS ? null : href;
}

/** Reading the response headers the fetcher reports: Content-Type and Retry-After. */

export interface ContentType {
  /** The media type without parameters, lower-cased, or null. */
  type: string | null;
  /** The charset parameter, unquoted and lower-cased, or null. */
  charset: string | null;
}

/**
 * Lenient on purpose: servers send "text/html; charset=UTF-8;", "text/html;charset='utf-8'"
 * or a bare "utf-8"; what can be read is read, the rest is null.
 */
export function parseContentType(header: string | undefined): ContentType {
  if (header === undefined) return { type: null, charset: null };
  const [head = '', ...params] = header.split(';');
  const media = head.trim().toLowerCase();
  const type = /^[\w.+-]+\/[\w.+-]+$/.test(media) ? media : null;
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = param
      .slice(eq + 1)
      .trim()
      .replace(/^["']|["']$/g, '')
      .trim()
      .toLowerCase();
    if (/^[\w.:+-]+$/.test(value)) charset = value;
    break;
  }
  return { type, charset };
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(
  header: string | undefined,
  now: number = Date.now(),
): number | null {
  if (header === undefined) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * The canonical form of an article URL, so the same article reached through two feeds, a
 * shared link and a page's own canonical link is recognised as one. Built on the WHATWG URL
 * parser (which already lower-cases scheme and host, drops default ports, resolves dot
 * segments and punycodes host names); what is ours is the list of tracking parameters.
 * See docs/adr/0008-canonical-urls.md.
 */

/** Parameter-name prefixes that only say how a reader arrived (Urchin/Google, HubSpot). */
const TRACKING_PREFIXES = ['utm_', '__hs'] as const;

/** Click ids and campaign tags of ad, mail and social platforms; compared lower-cased. */
const TRACKING_NAMES: ReadonlySet<string> = new Set([
  // Ads and analytics
  'fbclid',
  'gclid',
  'gclsrc',
  'gbraid',
  'wbraid',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  '_ga',
  '_gl',
  'rb_clickid',
  's_cid',
  'at_medium',
  'at_campaign',
  // Mail campaigns (Mailchimp, Marketo, HubSpot, Vero, Olytics)
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  'wickedid',
  // Share buttons and news-site campaign tags
  'ref_src',
  'ref_url',
  'cmp',
  'cmpid',
  'ncid',
  'ocid',
  'smid',
  'smtyp',
]);

/** True for a query parameter name that only tracks the reader. */
export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/** A query part's name, decoded as a form would be; undecodable escapes are compared raw. */
function parameterName(part: string): string {
  const eq = part.indexOf('=');
  const raw = (eq === -1 ? part : part.slice(0, eq)).replaceAll('+', ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The canonical form of an http(s) URL, or null for anything else (another scheme, not a
 * URL). Scheme and host lower-cased, default port and fragment dropped, tracking parameters
 * removed; the remaining parameters keep their order and their encoding exactly (re-encoding
 * through URLSearchParams would turn `%20` into `+` and make two spellings of one URL).
 */
export function canonicalUrl(url: string): string | null {
  const parsed = httpUrl(url);
  if (parsed === null) return null;
  parsed.hash = '';
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !isTrackingParameter(parameterName(part)));
  // Setting search to '' drops the '?' too, so "…/a?" and "…/a" are one URL.
  parsed.search = kept.length === 0 ? '' : `?${kept.join('&')}`;
  return parsed.href;
}

/** The text parsed as an http(s) URL with a host, or null (another scheme, not a URL). */
export function httpUrl(text: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(text.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.hostname ? parsed : null;
}

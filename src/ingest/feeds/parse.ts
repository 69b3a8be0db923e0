import { parseFeed as parseWithLibrary } from 'feedsmith';
import { BriefwireError, reasonOf } from '../../model/errors.ts';
import { notTextReason } from '../not-text.ts';
import { MAX_FEED_DEPTH, nestsDeeperThan } from './parse-depth.ts';
import { record } from './parse-fields.ts';
import { toParsedFeed } from './parse-formats.ts';
import { repairXml } from './parse-repair.ts';
import { feedRoot, rootElementName } from './parse-sniff.ts';
import type { ParsedFeed } from './types.ts';

export { looksLikeFeed } from './parse-sniff.ts';

/**
 * A feed's text (already decoded, see decode.ts) to a ParsedFeed, with feedsmith doing the
 * parsing (ADR 0007). Malformed XML is parsed again after htmlparser2 has closed what was left
 * open; whatever still cannot be read throws FEED_INVALID naming the URL and the reason.
 * feedsmith never expands DTD entities, so entity bombs stay as their literal text.
 */
export function parseFeed(text: string, url: string): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw invalid(url, 'the body is empty');
  const notText = notTextReason(body.slice(0, 64 * 1024));
  if (notText !== null) throw invalid(url, `the body is not text: ${notText}`);

  const root = feedRoot(body);
  if (root === null) throw invalid(url, notAFeedReason(body));
  if (root !== 'json' && nestsDeeperThan(body)) {
    throw invalid(url, `malformed XML: elements nest deeper than ${MAX_FEED_DEPTH}`);
  }

  let first: unknown;
  try {
    return fromLibrary(body, url);
  } catch (e) {
    if (e instanceof BriefwireError) throw e;
    first = e;
  }
  if (root === 'json') throw invalid(url, `the JSON Feed cannot be read (${short(first)})`, first);
  try {
    return fromLibrary(repairXml(body), url);
  } catch (e) {
    if (e instanceof BriefwireError) throw e;
    throw invalid(url, `malformed XML (${short(first)})`, first);
  }
}

function fromLibrary(text: string, url: string): ParsedFeed {
  const { format, feed } = parseWithLibrary(text);
  const fields = record(feed);
  if (fields === null) throw invalid(url, `the ${format} feed holds nothing`);
  return toParsedFeed(format, fields, url);
}

/** Why a text is not a feed, in words a person can act on. */
function notAFeedReason(body: string): string {
  const head = body.slice(0, 64 * 1024);
  const name = rootElementName(head);
  if (name === 'html' || /^\s*<!doctype\s+html/i.test(head)) {
    return 'not a feed: an HTML page (the site may link its feed from this page)';
  }
  if (name !== null) return `not a feed: the XML document is <${name.slice(0, 40)}>`;
  if (/^\s*[[{]/.test(head)) return 'not a feed: JSON without a jsonfeed.org version';
  return 'not a feed: the body is neither XML nor JSON';
}

function invalid(url: string, reason: string, cause?: unknown): BriefwireError {
  return new BriefwireError('FEED_INVALID', `${url}: ${reason}`, url, { cause });
}

function short(e: unknown): string {
  return reasonOf(e).replace(/\s+/g, ' ').slice(0, 160);
}

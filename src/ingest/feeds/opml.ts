import { generateOpml, parseOpml as parseWithLibrary } from 'feedsmith';
import { BriefwireError, reasonOf } from '../../model/errors.ts';
import { notTextReason } from '../not-text.ts';
import { MAX_FEED_DEPTH, nestsDeeperThan } from './parse-depth.ts';
import { absoluteUrl, type Fields, list, record, text } from './parse-fields.ts';
import { rootElementName } from './parse-sniff.ts';
import type { OpmlFeed } from './types.ts';

/**
 * OPML subscription lists in and out, through feedsmith (ADR 0007). Import walks nested
 * outlines (folders) and keeps every outline with an http(s) xmlUrl, once per URL, in document
 * order; export writes one flat outline per feed, escaped by the library.
 */

export function parseOpml(textIn: string, file: string): OpmlFeed[] {
  const body = textIn.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw invalid(file, 'the file is empty');
  const notText = notTextReason(body.slice(0, 64 * 1024));
  if (notText !== null) throw invalid(file, `the file is not text: ${notText}`);
  const root = rootElementName(body.slice(0, 64 * 1024));
  if (root !== 'opml') {
    throw invalid(
      file,
      root === null
        ? 'not OPML: no XML element'
        : `not OPML: the document is <${root.slice(0, 40)}>`,
    );
  }
  if (nestsDeeperThan(body)) {
    throw invalid(file, `malformed OPML: outlines nest deeper than ${MAX_FEED_DEPTH}`);
  }
  let parsed: unknown;
  try {
    parsed = parseWithLibrary(body);
  } catch (e) {
    throw invalid(file, `malformed OPML (${reasonOf(e).replace(/\s+/g, ' ').slice(0, 160)})`, e);
  }
  return feedsIn(list(record(record(parsed)?.body)?.outlines));
}

/** Every feed outline, depth first, walked without recursion so deep folders cannot overflow the stack. */
function feedsIn(top: unknown[]): OpmlFeed[] {
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const stack: unknown[] = [...top].reverse();
  while (stack.length > 0) {
    const outline = record(stack.pop());
    if (outline === null) continue;
    const url = absoluteUrl(text(field(outline, 'xmlUrl')), []);
    if (url !== null && !seen.has(url)) {
      seen.add(url);
      feeds.push({ url, title: text(outline.title) ?? text(outline.text) });
    }
    stack.push(...list(outline.outlines).reverse());
  }
  return feeds;
}

/** OPML attribute names are case-insensitive in practice (xmlurl, XMLURL). */
function field(outline: Fields, name: string): unknown {
  if (outline[name] !== undefined) return outline[name];
  const lower = name.toLowerCase();
  const key = Object.keys(outline).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : outline[key];
}

export function toOpml(feeds: readonly OpmlFeed[], title: string): string {
  // feedsmith refuses a body without outlines; an empty list is still a valid file.
  if (feeds.length === 0) {
    return `<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n  <head>\n    <title>${escapeXml(title)}</title>\n  </head>\n  <body/>\n</opml>\n`;
  }
  return generateOpml({
    head: { title },
    body: {
      outlines: feeds.map((f) => ({
        text: f.title ?? f.url,
        ...(f.title === null ? {} : { title: f.title }),
        type: 'rss',
        xmlUrl: f.url,
      })),
    },
  });
}

function escapeXml(value: string): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
  };
  return value.replace(/[&<>"]/g, (c) => entities[c] ?? c);
}

function invalid(file: string, reason: string, cause?: unknown): BriefwireError {
  return new BriefwireError('FEED_INVALID', `${file}: ${reason}`, file, { cause });
}

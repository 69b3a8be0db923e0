import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ParsedArticle } from '../model/article.ts';
import { BriefwireError } from '../model/errors.ts';
import { dropCaptionElements } from './caption-html.ts';
import { cleanBlocks, titleFromText } from './clean.ts';
import { parseDate } from './dates.ts';
import type { DomDocument, DomNode } from './dom.ts';
import { type HtmlShape, limitHtmlDepth } from './html-depth.ts';

/**
 * HTML pages: Readability (over linkedom, no network, no script execution) finds the article;
 * its content is walked block by block into paragraphs, then cleaned like any other format.
 * Metadata comes from the page head (Open Graph, canonical link, JSON-LD) before Readability
 * rewrites the document. Every page first goes through the depth pre-pass (html-depth.ts), and
 * its size decides whether Readability runs at all (budgets below).
 */

/**
 * Readability costs about 0.2 ms an element on pages where it retries, and its work grows with
 * depth² (it measures the text under each candidate's descendants): 16,000 elements nested 256
 * deep take it 8 s. Past either budget the whole body is walked instead (linear). The largest of
 * the Readability test pages has about 2,000 elements and a depth work under 1,000,000.
 */
const READABILITY_ELEMENTS = 20_000;
const READABILITY_DEPTH_WORK = 50_000_000;
/** Building the DOM alone takes about 10 µs an element: a page with more is refused. */
const MAX_ELEMENTS = 250_000;

// Minimal DOM shapes we rely on: linkedom's types are not the lib.dom ones.
const ELEMENT = 1;
const TEXT = 3;

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'nav',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'address',
  'form',
  'fieldset',
  'details',
  'summary',
  'center',
  'hgroup',
  'picture',
  'video',
  'audio',
]);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'button',
  'select',
  'textarea',
  'object',
  'embed',
  'canvas',
  'head',
  'title',
  'meta',
  'link',
  'input',
]);
/** Page chrome skipped only when Readability found nothing and the whole body is walked. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form']);

/** Paragraphs of an HTML subtree: one per block element, inline whitespace collapsed. */
export function htmlToParagraphs(root: DomNode, skipChrome = false): string[] {
  const out: string[] = [];
  const buffer: string[] = [];
  const flush = (): void => {
    const text = buffer
      .join('')
      .replace(/[ \t\n\r\f]+/g, ' ')
      .trim();
    if (text !== '') out.push(text);
    buffer.length = 0;
  };
  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT) {
        buffer.push(child.nodeValue ?? '');
        continue;
      }
      if (child.nodeType !== ELEMENT) continue;
      const tag = child.nodeName.toLowerCase();
      if (SKIP.has(tag) || (skipChrome && CHROME.has(tag))) continue;
      if (tag === 'br' || tag === 'hr') {
        flush();
      } else if (tag === 'pre') {
        flush();
        const text = (child.textContent ?? '').replace(/^\s*\n|\s+$/g, '');
        if (text.trim() !== '') out.push(text);
      } else if (tag === 'td' || tag === 'th') {
        buffer.push(' ');
        walk(child);
        buffer.push(' ');
      } else if (BLOCK.has(tag)) {
        flush();
        walk(child);
        flush();
      } else {
        walk(child);
      }
    }
  };
  walk(root);
  flush();
  return out;
}

/** Paragraphs of an HTML fragment (JSON records whose body is HTML). */
export function htmlFragmentToParagraphs(html: string): string[] {
  const page = limitHtmlDepth(`<!doctype html><html><body>${html}</body></html>`).html;
  const doc = parseHTML(page).document as unknown as DomDocument;
  dropCaptionElements(doc);
  return doc.body ? htmlToParagraphs(doc.body) : [];
}

interface PageMeta {
  title: string | null;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
}

type ReadabilityArticle = ReturnType<Readability<DomNode>['parse']>;

/** A .html/.htm page. */
export function parseHtml(path: string, content: string): ParsedArticle {
  const shape = limitHtmlDepth(content);
  if (shape.elements > MAX_ELEMENTS) {
    throw new BriefwireError(
      'INPUT_MALFORMED',
      `${path}: the page has ${shape.elements} HTML elements, more than the ${MAX_ELEMENTS} Briefwire reads; save the article on its own (a browser's reader view) and try again`,
      path,
    );
  }
  const doc = parseHTML(shape.html).document as unknown as DomDocument;
  if (!doc.documentElement) {
    // No tag at all: plain text named .html, or a page read in the wrong encoding.
    throw new BriefwireError('INPUT_MALFORMED', `${path}: holds no HTML elements`, path);
  }
  const meta = readMeta(doc);
  dropCaptionElements(doc);
  const readable = withinReadabilityBudget(shape);
  const article = readable ? readArticle(doc) : null;
  let paragraphs = article?.content ? htmlToParagraphs(article.content) : [];
  if (paragraphs.length === 0) {
    // Readability rewrites the document it reads: the whole-body walk needs a fresh one.
    const page = readable ? (parseHTML(shape.html).document as unknown as DomDocument) : doc;
    if (readable) dropCaptionElements(page);
    paragraphs = page.body ? htmlToParagraphs(page.body, true) : [];
  }
  const source = meta.source ?? nonEmpty(article?.siteName);
  const rawTitle = meta.title ?? nonEmpty(article?.title) ?? meta.documentTitle;
  const title = rawTitle === null ? null : stripSiteName(rawTitle, source);
  const cleaned = cleanBlocks(paragraphs, { inferTitle: false, knownTitle: title });
  const text = cleaned.paragraphs.join('\n\n');
  if (text.trim() === '') {
    throw new BriefwireError(
      'INPUT_EMPTY',
      `${path}: no article text found in the HTML (is it a full page with the article in it?)`,
      path,
    );
  }
  return {
    title: title ?? titleFromText(text),
    text,
    publishedAt: meta.publishedAt ?? parseDate(article?.publishedTime) ?? cleaned.publishedAt,
    source,
    url: meta.url,
  };
}

function withinReadabilityBudget(shape: HtmlShape): boolean {
  return shape.elements <= READABILITY_ELEMENTS && shape.depthWork <= READABILITY_DEPTH_WORK;
}

/** Readability's article (it rewrites `doc`), or null when it finds none or fails. */
function readArticle(doc: DomDocument): ReadabilityArticle {
  try {
    // Inside the try: the constructor throws for a document with no root element (text
    // that holds no tag at all, such as a page decoded in the wrong encoding).
    const reader = new Readability<DomNode>(
      doc as unknown as ConstructorParameters<typeof Readability>[0],
      { serializer: (node) => node as unknown as DomNode },
    );
    return reader.parse();
  } catch {
    return null; // a page Readability cannot handle still gets the whole-body fallback
  }
}

function nonEmpty(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

function metaContent(doc: DomDocument, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    const value = nonEmpty(doc.querySelector(selector)?.getAttribute('content'));
    if (value !== null) return value;
  }
  return null;
}

function readMeta(doc: DomDocument): PageMeta & { documentTitle: string | null } {
  const ld = readJsonLd(doc);
  const ogUrl = metaContent(doc, ['meta[property="og:url"]', 'meta[name="og:url"]']);
  const canonical = nonEmpty(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  const published =
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="date"]',
      'meta[name="dc.date.issued"]',
      'meta[name="DC.date.issued"]',
      'meta[name="parsely-pub-date"]',
      'meta[name="sailthru.date"]',
    ]) ??
    ld.datePublished ??
    nonEmpty(
      doc
        .querySelector('time[pubdate][datetime], article time[datetime], time[datetime]')
        ?.getAttribute('datetime'),
    );
  return {
    title: metaContent(doc, [
      'meta[property="og:title"]',
      'meta[name="og:title"]',
      'meta[name="twitter:title"]',
    ]),
    documentTitle: nonEmpty(doc.querySelector('title')?.textContent),
    source:
      metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="og:site_name"]']) ??
      ld.publisher,
    url: absoluteUrl(canonical, ogUrl) ?? absoluteUrl(ogUrl, null),
    publishedAt: parseDate(published),
  };
}

function absoluteUrl(href: string | null, base: string | null): string | null {
  if (href === null) return null;
  try {
    const url = base === null ? new URL(href) : new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** datePublished and publisher name from JSON-LD blocks (objects, arrays, @graph). */
function readJsonLd(doc: DomDocument): { datePublished: string | null; publisher: string | null } {
  let datePublished: string | null = null;
  let publisher: string | null = null;
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    if (datePublished === null && typeof record.datePublished === 'string') {
      datePublished = nonEmpty(record.datePublished);
    }
    const pub = record.publisher;
    if (publisher === null && pub !== null && typeof pub === 'object' && !Array.isArray(pub)) {
      const name = (pub as Record<string, unknown>).name;
      if (typeof name === 'string') publisher = nonEmpty(name);
    }
    visit(record['@graph'], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // malformed JSON-LD is common on real pages; the other metadata still counts
    }
  }
  return { datePublished, publisher };
}

const SITE_SEPARATOR = /\s+[-|–—:·»]{1,2}\s+/;

/** "Headline - Site Name" or "Site Name | Headline" → "Headline", when it is the site's name. */
export function stripSiteName(title: string, site: string | null): string {
  if (site === null) return title;
  const norm = (s: string): string =>
    s
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/\.(?:com|co\.uk|org|net|fr|de)$/, '')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  const parts = title.split(SITE_SEPARATOR);
  if (parts.length < 2) return title;
  const separators = title.match(new RegExp(SITE_SEPARATOR.source, 'g')) ?? [];
  const last = parts[parts.length - 1] ?? '';
  const first = parts[0] ?? '';
  if (norm(last) === norm(site)) {
    const cut = title.length - last.length - (separators[separators.length - 1]?.length ?? 0);
    return title.slice(0, cut).trim() || title;
  }
  if (norm(first) === norm(site)) {
    return title.slice(first.length + (separators[0]?.length ?? 0)).trim() || title;
  }
  return title;
}

import type { ParsedArticle } from '../model/article.ts';
import { BriefwireError } from '../model/errors.ts';
import { isCaptionBesidePicture } from './caption.ts';
import { cleanBlocks, splitBlocks, titleFromText } from './clean.ts';
import { parseDate } from './dates.ts';

/**
 * Plain text and markdown articles. Blocks are blank-line separated; the header (tagline,
 * headline, byline, date line) is recognised by position and shape, boilerplate by
 * clean.ts; every kept block is copied verbatim.
 */

/** A .txt article. */
export function parseText(path: string, content: string): ParsedArticle {
  return build(path, splitBlocks(content), {});
}

/** A .md article: front matter, `#` headings, image and link-only lines handled. */
export function parseMarkdown(path: string, content: string): ParsedArticle {
  const { meta, body } = splitFrontMatter(content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const blocks: string[] = [];
  let headline: { index: number; level: number } | undefined;
  let sawBody = false;
  let afterPicture = false;
  for (const block of splitBlocks(separateHeadings(body))) {
    // "![alt](src)\n*Caption*": the picture's own lines go, what follows is judged alone.
    const picture = PICTURE_LINES.exec(block)?.[0] ?? '';
    const raw = block.slice(picture.length).trim();
    const besidePicture = afterPicture || picture !== '';
    afterPicture = picture !== '' && raw === '';
    if (raw === '' || isMediaOrLinkOnly(raw)) continue;
    if (besidePicture && headingOf(raw) === null && isCaptionBesidePicture(raw)) continue;
    const heading = headingOf(raw);
    if (heading) {
      // The first heading above any body text is the headline; a later `#` one wins over `##`.
      const better = headline === undefined || (heading.level === 1 && headline.level !== 1);
      if (!sawBody && better) headline = { index: blocks.length, level: heading.level };
      blocks.push(heading.text);
      continue;
    }
    if (raw.length > 80) sawBody = true;
    blocks.push(raw);
  }
  const hints: BuildHints = { meta };
  if (headline !== undefined) hints.headlineIndex = headline.index;
  return build(path, blocks, hints);
}

interface BuildHints {
  meta?: FrontMatter;
  headlineIndex?: number;
}

function build(path: string, blocks: string[], hints: BuildHints): ParsedArticle {
  const meta = hints.meta ?? {};
  const knownTitle = meta.title ?? null;
  const cleaned = cleanBlocks(blocks, {
    inferTitle: knownTitle === null,
    knownTitle,
    ...(hints.headlineIndex === undefined ? {} : { headlineIndex: hints.headlineIndex }),
  });
  const text = cleaned.paragraphs.join('\n\n');
  if (text.trim() === '') {
    throw new BriefwireError(
      'INPUT_EMPTY',
      `${path}: no article text found (only page furniture such as share lines or credits)`,
      path,
    );
  }
  return {
    title: knownTitle ?? cleaned.title ?? titleFromText(text),
    text,
    publishedAt: parseDate(meta.date ?? null) ?? cleaned.publishedAt,
    source: meta.source ?? null,
    url: meta.url ?? null,
  };
}

interface FrontMatter {
  title?: string;
  date?: string;
  source?: string;
  url?: string;
}

const FRONT_MATTER_KEYS: Readonly<Record<string, keyof FrontMatter>> = {
  title: 'title',
  headline: 'title',
  date: 'date',
  published: 'date',
  publishedat: 'date',
  published_at: 'date',
  source: 'source',
  site: 'source',
  publisher: 'source',
  url: 'url',
  link: 'url',
  canonical: 'url',
};

/** YAML-style `key: value` front matter between `---` lines (flat keys only). */
function splitFrontMatter(content: string): { meta: FrontMatter; body: string } {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(content);
  if (!m || m[1] === undefined) return { meta: {}, body: content };
  const meta: FrontMatter = {};
  for (const line of m[1].split('\n')) {
    const kv = /^([A-Za-z_]+)\s*:\s*(.+?)\s*$/.exec(line);
    const key = kv?.[1] ? FRONT_MATTER_KEYS[kv[1].toLowerCase()] : undefined;
    if (!kv?.[2] || key === undefined) continue;
    meta[key] = kv[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return { meta, body: content.slice(m[0].length) };
}

/** Give every ATX heading line its own block, so "# Title\nFirst line" splits. */
function separateHeadings(body: string): string {
  return body.replace(/^(#{1,6}[ \t]+[^\n]*)\n(?=[^\n])/gm, '$1\n\n');
}

function headingOf(block: string): { level: number; text: string } | null {
  const atx = /^(#{1,6})[ \t]+(\S[^\n]*)$/.exec(block);
  if (atx?.[1] && atx[2]) {
    return { level: atx[1].length, text: withoutClosingHashes(atx[2].trimEnd()) };
  }
  const setext = /^([^\n]+)\n(=+|-+)[ \t]*$/.exec(block);
  if (setext?.[1] && setext[2])
    return { level: setext[2].startsWith('=') ? 1 : 2, text: setext[1] };
  return null;
}

/**
 * "Title ##" → "Title". By hand: `(.+?)(?:[ \t]+#+)?[ \t]*$` retries the space run at every
 * position, quadratic on a heading line padded with thousands of spaces.
 */
function withoutClosingHashes(text: string): string {
  let cut = text.length;
  while (cut > 0 && text[cut - 1] === '#') cut--;
  if (cut === text.length || cut === 0 || !/[ \t]/.test(text[cut - 1] ?? '')) return text;
  return text.slice(0, cut).trimEnd();
}

/** Leading lines that are nothing but `![alt](src)` pictures (maybe linked). */
const PICTURE_LINES =
  /^(?:(?:[ \t]*\[?!\[[^\]\n]*\]\([^)\n]*\)(?:\]\([^)\n]*\))?)+[ \t]*(?:\n|$))+/;

/** `![alt](src)` image lines and lines that are nothing but a link. */
function isMediaOrLinkOnly(block: string): boolean {
  const t = block.trim();
  return (
    /^(?:\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?\s*)+$/.test(t) ||
    /^(?:\[[^\]]*\]\([^)]*\)|<https?:\/\/[^>\s]+>|https?:\/\/\S+)$/.test(t)
  );
}

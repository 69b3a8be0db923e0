import { splitSentences } from '../nlp/sentences.ts';
import { wordCount } from '../nlp/words.ts';
import { isWireCaption } from './caption.ts';
import { parseDateLine } from './dates.ts';
import { isHeadlineLike } from './headline.ts';

/**
 * Boilerplate classification shared by every input format. A document arrives as blocks
 * (paragraphs); each block is kept verbatim or dropped whole, never edited, so offsets into
 * the joined text stay meaningful. Rules are general (position, length, punctuation, photo
 * credit shapes, a short list of generic page-furniture phrases), not tuned to one outlet.
 */

export type BlockRole =
  | 'body'
  | 'title'
  | 'tagline'
  | 'byline'
  | 'dateline'
  | 'caption'
  | 'crosslink'
  | 'furniture'
  | 'separator';

export interface CleanOptions {
  /** Title already known (HTML or JSON metadata): header blocks repeating it are dropped. */
  knownTitle?: string | null;
  /** Index of a block already known to be the headline (a markdown `#` heading). */
  headlineIndex?: number;
  /** Pick the headline out of the leading blocks (plain text, markdown). */
  inferTitle: boolean;
}

export interface RemovedBlock {
  index: number;
  role: BlockRole;
  text: string;
}

export interface CleanResult {
  /** The headline found among the blocks, or null. */
  title: string | null;
  /** ISO date of the first date line in the header, or null. */
  publishedAt: string | null;
  /** Kept blocks, verbatim and in order. */
  paragraphs: string[];
  removed: RemovedBlock[];
}

/** How far into a document headline, byline and date line are looked for. */
const HEADER_SCAN = 8;
const MAX_TITLE_WORDS = 30;

// Photo agencies and credit words: a caption is recognised by how credits are written.
const AGENCY =
  /\b(?:getty(?: images)?|afp|ap(?: photo)?|reuters|epa(?:-efe)?|efe|shutterstock|alamy|pa(?: images| wire| media)?|anadolu(?: agency)?|xinhua|bloomberg|nurphoto|sopa images|sipa(?: usa)?|zuma(?: press| wire)?|istock(?:photo)?|corbis|rex(?: features)?|wikimedia commons|dpa|ansa|kyodo|tass|unsplash|imago)\b/i;
const CREDIT_WORD =
  /^(?:file )?(?:photo(?:graph)?s?|pictures?|images?|credit|courtesy|illustration|video|footage|source)\b/i;
const TRAILING_BRACKET = /[[(]([^[\]()]{2,160})[\])][\s.*_]*$/;
const LABELLED_CREDIT =
  /\b(?:photo(?:graph)?|picture|image|illustration|credit)s?\s*(?:credit\s*)?:\s*[^.:]{2,100}\.?$/i;
const MEDIA_LABEL = /^(?:image|media|video|photo) (?:caption|copyright|source|credit)\b/i;

const CROSSLINK =
  /^(?:read(?: more| also| next)?|also read|more(?: on this(?: story)?)?|related(?: articles?| stories| content| coverage| news)?|see also|watch|listen|recommended|don['’]t miss)\s*[:：|»›]/i;
const LINK_PROMPT =
  /^(?:(?:click|tap) here\b|continue reading\b|read more\b|read (?:the )?(?:rest|full (?:story|article|report)|original (?:story|article))\b|(?:read|view|see) (?:this|the) (?:story|article) (?:here|on|at)\b)/i;

const SHARE_WORD =
  '(?:share|tweet|email|e-mail|print|save|pin|whatsapp|facebook|twitter|linkedin|reddit|messenger|telegram|comments?|copy link)';
const FURNITURE: readonly RegExp[] = [
  /^advertisement\b/i,
  /^(?:sponsored|promoted|paid)(?: content| post| partner)?$/i,
  new RegExp(
    `^${SHARE_WORD}(?: (?:this|the) (?:article|story|page|post))?(?: (?:on|via|to) \\S+)?(?:[\\s|·•,/]+${SHARE_WORD})*[.!:]?$`,
    'i',
  ),
  /^(?:subscribe|sign up|register|join|get|receive)\b.{0,80}\b(?:newsletters?|updates|alerts|subscriptions?|briefing|inbox|digest)\b/i,
  /^(?:subscribe|sign up|log in|sign in)(?: now| today| here| for free| free)?[.!:]?$/i,
  /^(?:follow|like) (?:us|me|@\S+|[\p{L}'’.-]+(?: [\p{L}'’.-]+){0,3}) on (?:twitter|facebook|instagram|linkedin|tiktok|youtube|x|threads|bluesky|mastodon|telegram|whatsapp|google news)\b/iu,
  /^(?:follow|like) us\b/i,
  /^(?:download|get) (?:the|our) .{0,30}\bapp\b/i,
  /^(?:©|\(c\) ?\d{4}|copyright\b)/i,
  /\ball rights reserved\b/i,
  /^(?:we|this (?:site|website)) uses? cookies\b/i,
  /\bcookies?\b.*\b(?:accept|consent|cookie policy|cookie settings|manage preferences)\b/i,
  /^(?:image|photo|video)(?: \d+ of \d+)?$/i,
  /^(?:most (?:read|popular|viewed)|trending(?: now)?|more stories|top stories|related stories)$/i,
  /^(?:skip to (?:main )?content|back to top|loading\.*)$/i,
];

/** The block as it reads without markdown emphasis or quote markers, for matching only. */
function probe(block: string): string {
  return trimEndOf(block, /[\s*_]/).replace(/^[\s*_>]+/, '');
}

/**
 * `s` without the trailing characters `mark` matches. A loop, not `/[…]+$/`: that regex is
 * retried at every position of a long run of spaces, quadratic (20,000 spaces took seconds).
 */
function trimEndOf(s: string, mark: RegExp): string {
  let end = s.length;
  while (end > 0 && mark.test(s[end - 1] ?? '')) end--;
  return s.slice(0, end);
}

function endsSentence(s: string): boolean {
  return /[.!?…]["'”’)\]]*$/.test(s);
}

/** A credit on its own ("JANE DOE/AFP via Getty Images", "Getty/Instagram", "Photo: X"). */
function isCreditOnly(s: string): boolean {
  const t = trimEndOf(s, /[.\s]/);
  if (wordCount(t) > 10) return false;
  if (CREDIT_WORD.test(t) && /[:/]|\b(?:by|via)\b/i.test(t)) return true;
  if (!AGENCY.test(t)) return false;
  // Only agency names and person names joined by "/", "via", "," or "|"
  return /[/|]|\bvia\b/i.test(t) || t.replace(AGENCY, '').trim() === '';
}

function isCreditText(inner: string): boolean {
  const t = inner.trim();
  if (wordCount(t) > 12) return false;
  if (CREDIT_WORD.test(t) || AGENCY.test(t) || /\bvia\b/i.test(t)) return true;
  return /\p{Lu}[^/]*\/\s*\p{Lu}/u.test(t); // NAME/AGENCY
}

/** A picture caption: a short block ending in a credit, or a credit alone. */
export function isCaption(block: string): boolean {
  const s = probe(block);
  if (MEDIA_LABEL.test(s) || isWireCaption(s)) return true;
  if (wordCount(s) > 60) return false;
  if (isCreditOnly(s)) return true;
  const bracket = TRAILING_BRACKET.exec(s);
  if (bracket?.[1] !== undefined && isCreditText(bracket[1])) return true;
  return LABELLED_CREDIT.test(s);
}

export function isCrossLink(block: string): boolean {
  const s = probe(block);
  return wordCount(s) <= 40 && (CROSSLINK.test(s) || (wordCount(s) <= 15 && LINK_PROMPT.test(s)));
}

export function isFurniture(block: string): boolean {
  const s = probe(block);
  if (wordCount(s) > 30) return false;
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(s)) return true; // a bare link
  return FURNITURE.some((re) => re.test(s));
}

/** Position-independent role of one block: boilerplate wherever it appears, or body. */
export function classifyBlock(block: string): BlockRole {
  if (!/[\p{L}\p{N}]/u.test(block)) return 'separator';
  if (isCrossLink(block)) return 'crosslink';
  if (isCaption(block)) return 'caption';
  if (isFurniture(block)) return 'furniture';
  return 'body';
}

const BYLINE_LEAD =
  /^(?:[Bb]y|BY|(?:[Ww]ords|[Ww]ritten|[Ss]tory|[Rr]eport(?:ing|ed)) by)\s+(?=[\p{Lu}@])/u;

/** "By Jane Doe and John Roe, Agency": mostly capitalised words, not a sentence. */
export function isByline(block: string): boolean {
  const s = probe(block);
  if (wordCount(s) > 15 || s.includes('\n')) return false;
  const lead = BYLINE_LEAD.exec(s);
  if (!lead) return false;
  const words = s
    .slice(lead[0].length)
    .split(/[\s,|]+/)
    .filter((w) => /\p{L}/u.test(w));
  const joiners = /^(?:and|&|with|in|for|of|the|de|van|von|da|la|le|al)$/i;
  const names = words.filter((w) => !joiners.test(w));
  const capitalised = names.filter((w) => /^[\p{Lu}@]/u.test(w)).length;
  return names.length > 0 && capitalised / names.length >= 0.75;
}

/** The ISO date when the block is a date line ("Updated 3:04 PM ET, Tue March 8, 2016"). */
export function dateLineOf(block: string): string | null {
  const s = probe(block);
  if (wordCount(s) > 16 || s.includes('\n')) return null;
  return parseDateLine(s);
}

/** "By Jane Doe | 17 November 2022": byline and date line in one. */
function bylineWithDate(block: string): string | null {
  const parts = probe(block).split(/(?<=\S)\s+[|·•–—-]\s+/); // (?<=\S): linear on long space runs
  if (parts.length < 2 || !parts[0] || !isByline(parts[0])) return null;
  for (const p of parts.slice(1)) {
    const d = parseDateLine(p);
    if (d) return d;
  }
  return null;
}

export function isTitleLike(block: string): boolean {
  const s = probe(block);
  const words = wordCount(s);
  return (
    words >= 1 &&
    words <= MAX_TITLE_WORDS &&
    s.length <= 250 &&
    !s.includes('\n') &&
    !/[:,]$/.test(s) && // "He said:" leads into what follows
    /\p{L}/u.test(s)
  );
}

/** Site slogans and kickers: short, and no sentence punctuation at all. */
export function isTaglineLike(block: string): boolean {
  const s = probe(block);
  return isTitleLike(s) && wordCount(s) <= 8 && !/[.,;:!?"“”]/.test(s);
}

function sameText(a: string, b: string): boolean {
  const norm = (x: string): string => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return norm(a) !== '' && norm(a) === norm(b);
}

/** Classify every block, find headline and date line in the header, keep the body. */
export function cleanBlocks(blocks: readonly string[], options: CleanOptions): CleanResult {
  const roles: BlockRole[] = blocks.map(classifyBlock);
  let publishedAt: string | null = null;
  const candidates: number[] = [];
  let anchor = -1; // first byline or date line: the headline sits above it
  const limit = Math.min(blocks.length, HEADER_SCAN);
  for (let i = 0; i < limit; i++) {
    const block = blocks[i] ?? '';
    if (roles[i] !== 'body') continue;
    if (options.knownTitle && sameText(block, options.knownTitle)) {
      roles[i] = 'title';
      continue;
    }
    if (i === options.headlineIndex) {
      candidates.push(i);
      continue;
    }
    const date = dateLineOf(block) ?? bylineWithDate(block);
    if (date !== null || isByline(block)) {
      roles[i] = date !== null && !isByline(block) ? 'dateline' : 'byline';
      publishedAt ??= date;
      if (anchor < 0) anchor = i;
      continue;
    }
    // Known title: a short kicker or subhead above the byline does not end the header.
    if (!options.inferTitle && isTitleLike(block) && wordCount(block) <= 12) continue;
    const beforeHeadline = anchor < 0 || candidates.length === 0;
    if (options.inferTitle && beforeHeadline && isTitleLike(block)) {
      candidates.push(i);
      continue;
    }
    break; // the body has started
  }
  let title: string | null = null;
  const bodyLeft = (pick: number): boolean =>
    roles.some((r, i) => r === 'body' && i !== pick && !(candidates.includes(i) && i < pick));
  const pick =
    candidates.length > 0 ? pickHeadline(blocks, candidates, anchor, options.headlineIndex) : -1;
  // Never turn the only content into a title: a one-paragraph item is body, titled from it.
  // With no byline, date line or heading marking the header, only a block shaped like a
  // headline is one: a first paragraph that reads as the lead stays in the text.
  const positioned = anchor >= 0 || pick === options.headlineIndex;
  const headline = pick >= 0 && (positioned || isHeadlineLike(probe(blocks[pick] ?? '')));
  if (options.inferTitle && headline && bodyLeft(pick)) {
    title = probe(blocks[pick] ?? '').replace(/\s*;$/, '');
    roles[pick] = 'title';
    for (const c of candidates) if (c < pick) roles[c] = 'tagline';
  }
  const paragraphs: string[] = [];
  const removed: RemovedBlock[] = [];
  blocks.forEach((text, index) => {
    const role = roles[index] ?? 'body';
    if (role === 'body') paragraphs.push(text);
    else removed.push({ index, role, text });
  });
  return { title, publishedAt, paragraphs, removed };
}

/**
 * Which leading short block is the headline. Above a byline or date line, taglines (short,
 * unpunctuated) come first and the headline last; a dek after the headline usually ends in
 * a full stop where the headline does not. Without such an anchor the first block is the
 * headline unless it is a tagline directly above a clearly longer headline.
 */
function pickHeadline(
  blocks: readonly string[],
  candidates: readonly number[],
  anchor: number,
  headlineIndex: number | undefined,
): number {
  if (headlineIndex !== undefined && candidates.includes(headlineIndex)) return headlineIndex;
  const at = (i: number): string => probe(blocks[i] ?? '');
  const first = candidates[0] ?? 0;
  const before = anchor < 0 ? [] : candidates.filter((c) => c < anchor);
  if (before.length > 0) {
    const pool = before.filter((c) => !isTaglineLike(at(c)));
    if (pool.length === 0) return before[before.length - 1] ?? first;
    // Closest to the byline or date line wins: site names and kickers sit above the headline.
    return [...pool].reverse().find((c) => !/\.["'”’]?$/.test(at(c))) ?? pool[0] ?? first;
  }
  const second = candidates[1];
  if (
    second !== undefined &&
    isTaglineLike(at(first)) &&
    !endsSentence(at(second)) &&
    wordCount(at(second)) > wordCount(at(first))
  ) {
    return second;
  }
  return first;
}

/** A title for an article that has none: its first sentence, shortened on a word. */
export function titleFromText(text: string): string {
  const firstLine = text.trim().split('\n')[0] ?? '';
  // The sentence splitter, not the first full stop: "Mary J. Doe said …" is one sentence.
  const sentence = splitSentences(firstLine)[0]?.text ?? firstLine;
  if (sentence.length <= 120) return sentence;
  const cut = sentence.slice(0, 120);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** Blank-line separated blocks, trimmed; a file without blank lines is split by line. */
export function splitBlocks(content: string): string[] {
  const normalised = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let blocks = normalised
    .split(/\n[ \t\u00a0]*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (blocks.length === 1 && blocks[0]?.includes('\n')) {
    blocks = blocks[0]
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
  }
  return explodeLeadingHeader(blocks);
}

/**
 * A first block whose first line is a headline ("Headline;\nDek sentence.", or
 * "Headline\nBy Jane Doe\n17 November 2022") is split so the headline stands alone. Not
 * done in hard-wrapped text, where the first line is just the start of a paragraph.
 */
function explodeLeadingHeader(blocks: string[]): string[] {
  const first = blocks[0];
  if (first === undefined || !first.includes('\n')) return blocks;
  const lines = first
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const header = lines.length <= 6 && lines.every(isTitleLike);
  if (header && lines.some((l) => isByline(l) || dateLineOf(l) !== null)) {
    return [...lines, ...blocks.slice(1)];
  }
  const [head = '', ...rest] = lines;
  if (!isTitleLike(head) || isHardWrapped(blocks)) return blocks;
  return [head, rest.join('\n'), ...blocks.slice(1)];
}

/** Lines broken at a fixed width: most non-final lines of multi-line blocks are 40-100 long. */
function isHardWrapped(blocks: readonly string[]): boolean {
  const inner = blocks.flatMap((b) => b.split('\n').slice(0, -1));
  if (inner.length < 3) return false;
  const wrapped = inner.filter((l) => l.length >= 40 && l.length <= 100).length;
  return wrapped / inner.length >= 0.75;
}

import { wordCount } from '../nlp/words.ts';
import type { DomDocument, DomElement } from './dom.ts';

/**
 * Picture captions and credits taken out of an HTML page before the article is extracted:
 * `<figcaption>`, elements whose class names them a caption or credit, and a short line of
 * text that shares a small box with a picture and nothing else, a paragraph that repeats a
 * picture's alt text, a one-item list right after a figure. Done on the DOM, because
 * Readability drops the class names that say what an element is.
 */

/** Captions are short; an element with more text than this is not removed as one. */
const CAPTION_WORDS = 80;
/** A box holding a picture and this little text is a captioned picture. */
const PICTURE_BOX_WORDS = 30;
/** How far above a picture its box is looked for. */
const PICTURE_BOX_LEVELS = 3;
/** Pictures smaller than this (icons, emoji, tracking pixels) carry no caption. */
const SMALL_PICTURE_PX = 100;

/** A class token that names a caption or credit ("media-caption__text", "credit"), not a state ("has-caption"). */
const CAPTION_CLASS = /(?:^|[-_])(?:caption|credits?|photo-?credit)(?:$|[-_])/i;
const CAPTION_STATE = /(?:^|[-_])(?:has|no|with|without|narrow|wide)[-_]+caption/i;
/** Elements a caption class never removes: the page and its article containers. */
const CONTAINERS = new Set(['html', 'body', 'main', 'article']);
/** Elements that wrap a picture with its caption; a header or section is more than that. */
const PICTURE_BOXES = new Set(['figure', 'picture', 'div', 'span', 'p', 'a']);
const ICON_CLASS = /\b(?:emoji|icon|avatar|logo|sprite|badge)\b/i;

/** Words under an element, each element counted once per page (boxes share ancestors). */
let wordsUnder = new WeakMap<DomElement, number>();
function textWords(el: DomElement): number {
  let n = wordsUnder.get(el);
  if (n === undefined) {
    n = wordCount(el.textContent ?? '');
    wordsUnder.set(el, n);
  }
  return n;
}

function hasCaptionClass(el: DomElement): boolean {
  const tokens = (el.getAttribute('class') ?? '').split(/\s+/);
  return tokens.some((t) => CAPTION_CLASS.test(t) && !CAPTION_STATE.test(t));
}

function isSmallPicture(img: DomElement): boolean {
  const size = (name: string): number => Number.parseInt(img.getAttribute(name) ?? '', 10);
  const small = (n: number): boolean => Number.isFinite(n) && n < SMALL_PICTURE_PX;
  return (
    small(size('width')) ||
    small(size('height')) ||
    ICON_CLASS.test(img.getAttribute('class') ?? '') ||
    /^\s*\S{1,2}\s*$/u.test(img.getAttribute('alt') ?? '') // an emoji's alt text
  );
}

/** More than a picture and its caption: several children with text (a header, a list). */
function holdsSeveralBlocks(el: DomElement): boolean {
  return Array.from(el.children).filter((c) => textWords(c) > 0).length > 2;
}

/** The largest box around a picture that holds no more than a caption's worth of text. */
function pictureBox(img: DomElement): DomElement | null {
  let box: DomElement | null = null;
  let at = img.parentElement;
  for (let level = 0; at && level < PICTURE_BOX_LEVELS; level++, at = at.parentElement) {
    if (!PICTURE_BOXES.has(at.nodeName.toLowerCase())) break;
    if (textWords(at) > PICTURE_BOX_WORDS || holdsSeveralBlocks(at)) break;
    box = at;
  }
  return box !== null && textWords(box) > 0 ? box : null;
}

/** Sentence punctuation at the end: a body paragraph has it, a bare caption often not. */
const SENTENCE_END = /[.!?…]["'”’)\]]*$/u;
/** The words a caption beside a picture may have at most. */
const BESIDE_WORDS = 25;
const SIBLING_BLOCKS = new Set(['p', 'div', 'span', 'em', 'i', 'small']);

/** All of its text set in italics or small type, as captions are. */
function isSetAsCaption(el: DomElement): boolean {
  const styled = Array.from(el.querySelectorAll('em, i, small')).reduce(
    (n, e) => n + (e.textContent ?? '').replace(/\s+/g, '').length,
    0,
  );
  const all = (el.textContent ?? '').replace(/\s+/g, '').length;
  return ['em', 'i', 'small'].includes(el.nodeName.toLowerCase()) || (all > 0 && styled >= all);
}

/** A lone short line right before or after a picture that reads as its caption. */
function captionBeside(picture: DomElement): DomElement | null {
  for (const el of [picture.nextElementSibling, picture.previousElementSibling]) {
    if (el === null || !SIBLING_BLOCKS.has(el.nodeName.toLowerCase())) continue;
    if (el.querySelector('img') !== null) continue;
    const text = (el.textContent ?? '').trim();
    const words = wordCount(text);
    if (words === 0 || words > BESIDE_WORDS) continue;
    if (!SENTENCE_END.test(text) || isSetAsCaption(el)) return el;
  }
  return null;
}

/** The picture's own box when it holds no text (a <p> or <a> around it), or the picture. */
function pictureHolder(img: DomElement): DomElement {
  let at = img;
  for (
    let p = at.parentElement;
    p && PICTURE_BOXES.has(p.nodeName.toLowerCase());
    p = p.parentElement
  ) {
    if (textWords(p) > 0 || p.children.length > 1) break;
    at = p;
  }
  return at;
}

/** A caption's text as compared with a picture's alt text: case, spacing and the final stop aside. */
function captionKey(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/u, '')
    .toLowerCase();
}

/** Alt texts shorter than this are labels ("Photo", "Map"), not captions a paragraph repeats. */
const ALT_CAPTION_WORDS = 4;

/**
 * Paragraphs and list items that repeat a picture's alt text word for word: pages that set
 * the caption as a list or a paragraph after the picture, where no class says so.
 */
function altTextRepeats(doc: DomDocument): DomElement[] {
  const alts = new Set<string>();
  for (const img of Array.from(doc.querySelectorAll('img[alt]'))) {
    const alt = img.getAttribute('alt') ?? '';
    if (!isSmallPicture(img) && wordCount(alt) >= ALT_CAPTION_WORDS) alts.add(captionKey(alt));
  }
  if (alts.size === 0) return [];
  return Array.from(doc.querySelectorAll('p, li')).filter(
    (el) => textWords(el) <= CAPTION_WORDS && alts.has(captionKey(el.textContent ?? '')),
  );
}

/** A list of one short item right after a figure: its caption, set as a bullet by the page. */
function captionListAfterFigure(figure: DomElement): DomElement | null {
  const next = figure.nextElementSibling;
  if (next === null || !['ul', 'ol'].includes(next.nodeName.toLowerCase())) return null;
  const items = Array.from(next.children);
  const single = items.length === 1 && items[0]!.nodeName.toLowerCase() === 'li';
  return single && textWords(next) <= CAPTION_WORDS && next.querySelector('a') === null
    ? next
    : null;
}

/** Removes caption and credit elements from the page; returns how many went. */
export function dropCaptionElements(doc: DomDocument): number {
  wordsUnder = new WeakMap();
  const doomed = new Set<DomElement>();
  for (const el of Array.from(doc.querySelectorAll('figcaption'))) doomed.add(el);
  for (const el of Array.from(doc.querySelectorAll('[class]'))) {
    const tag = el.nodeName.toLowerCase();
    if (CONTAINERS.has(tag) || !hasCaptionClass(el) || textWords(el) > CAPTION_WORDS) continue;
    doomed.add(el);
  }
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    if (isSmallPicture(img)) continue;
    const box = pictureBox(img);
    const beside = box === null ? captionBeside(pictureHolder(img)) : null;
    if (box !== null) doomed.add(box);
    if (beside !== null) doomed.add(beside);
  }
  for (const el of altTextRepeats(doc)) doomed.add(el);
  for (const figure of Array.from(doc.querySelectorAll('figure'))) {
    const list = captionListAfterFigure(figure);
    if (list !== null) doomed.add(list);
  }
  for (const el of doomed) {
    // The picture stays (only its caption goes): Readability weighs pictures when it looks
    // for the article, and a page should be read the same with or without its captions.
    const pictures = Array.from(el.querySelectorAll('img'));
    if (pictures.length === 0) el.remove();
    else el.replaceWith(...pictures);
  }
  return doomed.size;
}

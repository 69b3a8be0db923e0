import { wordCount } from '../nlp/words.ts';

/**
 * Picture captions written the way news agencies and papers write them, recognised in any
 * format's blocks (clean.ts has the bracketed and "Photo:" credits). A caption describes a
 * picture the reader cannot see: left in, it leads summaries and feeds quotes and actors.
 */

/** Captions are short: a wire caption runs to two or three sentences at most. */
const CAPTION_WORDS = 80;

const PICTURE =
  '(?:photo(?:graph)?|image|picture|frame ?grab|screen ?(?:grab|shot)|screenshot|video still|handout)s?(?![-\\w])';

/** AP style slug before the caption proper: "FILE - ", "FILE PHOTO: ". */
const FILE_SLUG = /^(?:file(?: photo)?|handout(?: photo)?)\s*[-–—:]\s*/i;

/** "In this photo dated March 3, 2026, …", "In this March 3, 2026, file photo, …". */
const IN_THIS_PICTURE = new RegExp(`^in this\\b.{0,60}?\\b${PICTURE}\\b`, 'i');

/** "This undated photo shows …", "This image released by … shows …". */
const THIS_PICTURE = new RegExp(
  `^this\\b.{0,40}?\\b${PICTURE}\\s+(?:shows?|showing|provided|released|taken|made|dated|obtained|distributed|supplied|posted|courtesy|from)\\b`,
  'i',
);

/** An agency's photo credit in parentheses anywhere: "(AP Photo/Jane Doe)", "(Jane Doe/AFP Photo)". */
const PHOTO_CREDIT_PARENS =
  /\([^()]{0,60}\bphoto\b[^()]{0,60}\/[^()]{1,60}\)|\([^()/]{1,60}\/[^()]{0,40}\bphoto\)/i;

/** "… on Monday. Credit Jane Doe/Agence Portline — Getty Images": a credit after the caption. */
const TRAILING_CREDIT =
  /(?:^|[.!?"”’)]\s+|\s)(?:[Pp]hoto(?:graph)?\s+)?(?:[Cc]redits?|CREDITS?):?\s+(\p{Lu}[^.!?]{1,100})$/u;

/** A credit's text: names joined by "/" or naming a picture agency's way of crediting. */
function isCreditTail(tail: string): boolean {
  return wordCount(tail) <= 14 && (/\//.test(tail) || /\b(?:getty|images|via|pool)\b/i.test(tail));
}

/** A block written as a news agency's or paper's picture caption. */
export function isWireCaption(text: string): boolean {
  const s = text.trim();
  const body = s.replace(FILE_SLUG, '');
  const credit = TRAILING_CREDIT.exec(s)?.[1];
  const shaped =
    IN_THIS_PICTURE.test(body) ||
    THIS_PICTURE.test(body) ||
    PHOTO_CREDIT_PARENS.test(s) ||
    (credit !== undefined && isCreditTail(credit));
  // Counted last: most blocks match no shape, and counting words is the costly part.
  return shaped && wordCount(s) <= CAPTION_WORDS;
}

/** The words a caption set beside a picture may have at most. */
const BESIDE_WORDS = 25;

/**
 * A short line right after a picture that reads as its caption: set wholly in emphasis
 * (`*Workers at the pier.*`, `_…_`) or without sentence punctuation, as captions often are.
 */
export function isCaptionBesidePicture(text: string): boolean {
  const s = text.trim();
  const words = wordCount(s);
  if (words === 0 || words > BESIDE_WORDS || s.includes('\n')) return false;
  if (/^([*_]{1,2})[^*_].*[^*_\s]\1$/su.test(s)) return true;
  return !/[.!?…:]["'”’)\]*_]*$/u.test(s);
}

/**
 * Decoded bytes that are still not text: an executable, an image or random bytes named .txt,
 * UTF-16 without a byte-order mark, or a file in another encoding than it declares. Storing
 * one would put binary titles and NULs in briefings, so ingest refuses it with the reason.
 *
 * Thresholds, as shares of the decoded characters (UTF-16 code units):
 * - any NUL: no text format we read has one, and every binary format has many;
 * - more than 1% C0/C1 control characters other than tab, line feed, carriage return and
 *   form feed (DEL counted with them): real text has next to none, random bytes about 13%;
 * - more than 10 U+FFFD replacement characters, or more than 1% of the text: the bytes were
 *   not in the encoding they were decoded as (a few stray ones are tolerated, since source
 *   text sometimes carries them already).
 */

const MAX_CONTROL_SHARE = 0.01;
const MAX_REPLACEMENT_SHARE = 0.01;
const MAX_REPLACEMENTS = 10;

/** Why the text is not text, or null when it is. */
export function notTextReason(text: string): string | null {
  let nuls = 0;
  let controls = 0;
  let replacements = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nuls++;
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
    } else if (c === 0xfffd) replacements++;
  }
  const n = Math.max(1, text.length);
  if (nuls > 0) {
    return `${count(nuls, 'NUL character')} (binary data, or UTF-16 without a byte-order mark)`;
  }
  if (controls / n > MAX_CONTROL_SHARE) {
    return `${percent(controls / n)} of its characters are control characters (binary data?)`;
  }
  if (replacements > MAX_REPLACEMENTS || replacements / n > MAX_REPLACEMENT_SHARE) {
    return `${count(replacements, 'character')} could not be decoded (U+FFFD)`;
  }
  return null;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

/**
 * Discord's text rules: its limits, splitting at word boundaries, and making text from
 * articles inert (no markdown it did not mean, no mention that could ping anyone).
 */

export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Characters across every embed of one message. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  threadName: 100,
} as const;

const ZWSP = '\u200b';

/**
 * A zero-width space inside every mention-shaped token, so that even a client that ignored
 * `allowed_mentions` would show it as text. Channel links (<#…>) never ping and stay.
 */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)\b/gi, `@${ZWSP}$1`)
    .replace(/<@([!&]?)(\d+)>/g, `<@${ZWSP}$1$2>`);
}

/** Markdown characters in article text are meant literally. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([>#-])/gm, (_m, space: string, c: string) => `${space}\\${c}`);
}

/** Text from an article, safe to put anywhere in a message. */
export function inert(text: string): string {
  return neutraliseMentions(escapeMarkdown(text));
}

/** A headline or name on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Shortens to `max` characters at a word boundary, marking the cut with an ellipsis. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max);
  const space = room.search(/\s\S*$/);
  const cut = space > max / 2 ? room.slice(0, space) : safeCut(text, max - 1);
  return `${cut.replace(/[\s\\]+$/, '')}…`;
}

/**
 * Splits text into pieces of at most `max` characters, in order: at the last line break that
 * fits, else at the last space; a word is cut only when it alone is longer than a piece.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const newline = window.lastIndexOf('\n');
    const space = window.search(/\s\S*$/);
    let cut: number;
    if (newline > 0) cut = newline;
    else if (space > 0) cut = space;
    else cut = safeCut(rest, max).length;
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** The longest prefix of at most `max` characters that splits no surrogate pair or escape. */
function safeCut(text: string, max: number): string {
  let end = Math.min(max, text.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  while (end > 1 && text[end - 1] === '\\') end -= 1;
  return text.slice(0, end);
}

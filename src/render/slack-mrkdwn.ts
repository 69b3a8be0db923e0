import { linkableUrl } from './links.ts';

/**
 * Slack's mrkdwn primitives: escaping, links and Block Kit limits. Article text goes through
 * `literalMrkdwn`, which leaves no `<` for Slack to read as a control sequence (so no
 * `<!channel>`, `<!here>`, `<!everyone>` or `<@U…>` can reach the platform from it) and no
 * character Slack would read as formatting.
 */

export const SLACK_LIMITS = {
  /** Characters in a section's text. */
  sectionText: 3000,
  /** Characters in a header's plain text. */
  headerText: 150,
  /** Blocks in one message. */
  blocks: 50,
  /** Elements in a context block. */
  contextElements: 10,
  /** Slack accepts 40,000 characters of `text` but advises keeping it under 4,000. */
  fallbackText: 3900,
} as const;

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  /** Verbatim: Slack does not auto-link names or parse mentions in it. */
  verbatim: true;
}

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji: boolean;
}

export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: MrkdwnText }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'divider' };

/** One chat.postMessage worth: blocks within the limits and a plain `text` fallback. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** The three characters Slack's own escaping covers; `&` first so entities are not doubled. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Slack's formatting characters in article text, as look-alikes no parser pairs up: `*bold*`,
 * `_italic_`, `~strike~` and `code` then show as written instead of formatting the text.
 * Slack has no escape for them (a backslash shows, and the text is formatted anyway). An
 * invisible character beside them is no escape either: a zero-width space is what people
 * insert to make Slack format text it otherwise would not (bold in mid-word), so whether it
 * stops or starts formatting depends on its neighbours and on Slack's undocumented parser. No
 * parser pairs a look-alike, and it reads the same. Our own markup (`*Summary*`) does not pass
 * through here, only article text (link labels included).
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\u02cd', // ˍ modifier letter low macron
  '~': '\u223c', // ∼ tilde operator
  '`': '\u02cb', // ˋ modifier letter grave accent
};

/** Article text for mrkdwn: escaped, and with no character Slack reads as formatting. */
export function literalMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/[*_~`]/g, (c) => LOOK_ALIKES[c] ?? c);
}

export const mrkdwn = (text: string): MrkdwnText => ({ type: 'mrkdwn', text, verbatim: true });

/** A link to an http(s) URL (links.ts decides), or the label alone when the URL is anything else. */
export function link(url: string | null, label: string): string {
  const safeLabel = literalMrkdwn(label).replace(/\|/g, '¦');
  const target = linkableUrl(url);
  if (!target) return safeLabel;
  const safeUrl = escapeMrkdwn(target).replace(/\|/g, '%7C');
  return `<${safeUrl}|${safeLabel}>`;
}

/** Shortens to `max` characters with an ellipsis, never cutting an entity such as `&amp;`. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}

/**
 * Splits text into pieces of at most `max` characters: at line breaks where it can, else at a
 * space, else anywhere outside an entity. Order is kept and nothing is lost.
 */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let at = window.lastIndexOf('\n');
    if (at <= 0) at = window.lastIndexOf(' ');
    if (at <= 0) {
      at = max;
      const amp = rest.lastIndexOf('&', at - 1);
      const semi = rest.indexOf(';', amp);
      if (amp > 0 && semi >= at && semi - amp < 8) at = amp;
    }
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  if (rest.trim() || !out.length) out.push(rest);
  return out;
}

/** Section blocks for a body of mrkdwn, as many as its length needs (none when it is empty). */
export function sections(body: string): SlackBlock[] {
  return splitText(body, SLACK_LIMITS.sectionText)
    .filter((text) => text.trim())
    .map((text) => ({ type: 'section', text: mrkdwn(text) }));
}

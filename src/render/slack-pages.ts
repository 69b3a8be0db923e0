import { mrkdwn, SLACK_LIMITS, type SlackBlock } from './slack-mrkdwn.ts';
import { shortenedNote } from './text.ts';

/**
 * Blocks grouped into messages: at most 50 blocks and MESSAGE_TEXT characters of text each, in
 * order, and at most MAX_MESSAGES_PER_REPLY messages a reply.
 */

/**
 * The most messages one reply takes. A briefing of ordinary size needs one or two; past this,
 * the reply is shortened rather than fill a channel.
 */
export const MAX_MESSAGES_PER_REPLY = 3;

/**
 * Text characters across one message's blocks. Slack refuses a message whose blocks hold more
 * (`msg_blocks_too_long`) at about 12,000, counting its block containers too, and documents no
 * exact figure; this leaves room for them.
 */
export const MESSAGE_TEXT = 10_000;

/**
 * Groups blocks into messages, keeping their order. When more than MAX_MESSAGES_PER_REPLY
 * would be needed, the blocks that do not fit are left out and the last message ends with a
 * line saying how many lines they held. `tail` (a digest's ref) always ends the last message.
 */
export function paginate(blocks: SlackBlock[], tail: SlackBlock[] = []): SlackBlock[][] {
  const pages = fill(blocks);
  const last = pages.at(-1);
  if (!last) return [tail];
  if (pages.length <= MAX_MESSAGES_PER_REPLY && fits(last, tail)) {
    last.push(...tail);
    return pages;
  }
  if (pages.length < MAX_MESSAGES_PER_REPLY) return [...pages, tail];

  const kept = pages.slice(0, MAX_MESSAGES_PER_REPLY);
  const dropped = pages.slice(MAX_MESSAGES_PER_REPLY).flat();
  const end = kept.at(-1)!;
  const note = (lines: number): SlackBlock => ({
    type: 'context',
    elements: [mrkdwn(shortenedNote(lines))],
  });
  const widest = [note(Number.MAX_SAFE_INTEGER), ...tail];
  while (end.length > 0 && !fits(end, widest)) dropped.unshift(end.pop()!);
  end.push(note(dropped.reduce((n, b) => n + linesOf(b), 0)), ...tail);
  return kept;
}

/** Greedy: each block goes on the current page while it fits, else starts the next. */
function fill(blocks: SlackBlock[]): SlackBlock[][] {
  const pages: SlackBlock[][] = [];
  let page: SlackBlock[] = [];
  for (const block of blocks) {
    if (page.length > 0 && !fits(page, [block])) {
      pages.push(page);
      page = [];
    }
    page.push(block);
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

function fits(page: SlackBlock[], more: SlackBlock[]): boolean {
  return (
    page.length + more.length <= SLACK_LIMITS.blocks &&
    textLength(page) + textLength(more) <= MESSAGE_TEXT
  );
}

function textLength(blocks: SlackBlock[]): number {
  return blocks.reduce((n, b) => n + textsOf(b).reduce((m, t) => m + t.length, 0), 0);
}

function textsOf(b: SlackBlock): string[] {
  if (b.type === 'divider') return [];
  if (b.type === 'context') return b.elements.map((e) => e.text);
  return [b.text.text];
}

/** The lines a reader would have seen in a block. */
function linesOf(b: SlackBlock): number {
  return textsOf(b).reduce((n, t) => n + t.split('\n').filter((l) => l.trim()).length, 0);
}

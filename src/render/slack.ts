import type { Answer, Citation } from '../model/answer.ts';
import {
  type BriefActor,
  type Briefing,
  type BriefQuote,
  type BriefSource,
  coverageOf,
} from '../model/briefing.ts';
import type { Digest, Reply } from '../model/reply.ts';
import { FIELD_CHARS as CAP, field } from './fields.ts';
import {
  escapeMrkdwn as esc,
  link,
  literalMrkdwn,
  mrkdwn,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
  sections,
  splitText,
  truncate,
} from './slack-mrkdwn.ts';
import { paginate } from './slack-pages.ts';
import { carriedBy, firstReported, newsMark, quoteCites, showsStories } from './story-parts.ts';
import { digestHeading, digestRef, nothingNewLine, renderBriefing } from './text.ts';

export {
  escapeMrkdwn,
  literalMrkdwn,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
} from './slack-mrkdwn.ts';
export { MAX_MESSAGES_PER_REPLY, MESSAGE_TEXT } from './slack-pages.ts';

/**
 * Slack Block Kit for the platform-neutral replies: a briefing as a header, summary, quotes
 * (speaker and role), actors and linked sources; an answer with its citation; short texts; a
 * digest as its briefing under a heading line, with its ref in a context block at the end.
 * Everything from articles is capped (fields.ts) and made literal; long bodies are split into
 * several sections, and past 50 blocks into several messages, in order, up to
 * MAX_MESSAGES_PER_REPLY. No file path reaches Slack: an article without a link is named by its
 * title and outlet only.
 */

/** The story list is an overview: past this many, the sources carry the rest. */
const STORY_LINES = 10;

/** Article text as mrkdwn: one line within its cap, escaped, no formatting. */
const shown = (text: string, max: number): string => literalMrkdwn(field(text, max));

/** The briefing as plain text for `text` (notifications, clients without blocks): no paths. */
const fallback = (b: Briefing): string =>
  literalMrkdwn(renderBriefing(b, 'text', { origins: false }));

export function renderSlack(reply: Reply): SlackMessage[] {
  if (reply.kind === 'briefing') return renderSlackBriefing(reply.briefing);
  if (reply.kind === 'answer') return [renderSlackAnswer(reply.answer)];
  if (reply.kind === 'digest') return renderSlackDigest(reply.digest);
  return renderSlackText(reply.text);
}

export function renderSlackBriefing(b: Briefing): SlackMessage[] {
  const pages = paginate(briefingBlocks(b));
  return pages.map((page, i) => ({
    blocks: page,
    text:
      i === 0
        ? truncate(fallback(b), SLACK_LIMITS.fallbackText)
        : `Briefing: ${shown(b.title, CAP.title)} (continued, ${i + 1} of ${pages.length})`,
  }));
}

/** A digest: heading, the briefing, the ref small at the end; nothing new is one line. */
export function renderSlackDigest(d: Digest): SlackMessage[] {
  const lines = { ...d, topicTitle: field(d.topicTitle, CAP.title) };
  const ref = context([digestRef(d.key, esc)]);
  if (!d.briefing) {
    const line = nothingNewLine(lines, esc);
    return [{ blocks: [...sections(line), ref], text: truncate(line, SLACK_LIMITS.fallbackText) }];
  }
  const heading = digestHeading(lines, esc);
  const blocks = [
    ...sections(digestHeading(lines, esc, '*Digest*')),
    ...briefingBlocks(d.briefing),
  ];
  const pages = paginate(blocks, [ref]);
  const title = shown(d.briefing.title, CAP.title);
  const full = `${heading}\n${fallback(d.briefing)}`;
  return pages.map((page, i) => ({
    blocks: page,
    text:
      i === 0
        ? truncate(full, SLACK_LIMITS.fallbackText)
        : `Digest: ${title} (continued, ${i + 1} of ${pages.length})`,
  }));
}

function briefingBlocks(b: Briefing): SlackBlock[] {
  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(`Briefing: ${field(b.title, CAP.title)}`, SLACK_LIMITS.headerText),
        emoji: false,
      },
    },
    context([overview(b), ...b.notes.map((n) => esc(field(n, CAP.note)))]),
  ];
  blocks.push(
    ...sections(
      ['*Summary*', ...b.summary.map((s) => `• ${shown(s.text, CAP.sentence)} [${s.source}]`)].join(
        '\n',
      ),
    ),
  );
  if (showsStories(b)) {
    const lines = b.stories.slice(0, STORY_LINES).map((s) => {
      const name = (t: string): string => shown(t, CAP.name);
      const news = newsMark(s, name, (w) => `*${w}*`);
      return `${s.n}. ${shown(s.title, CAP.title)} — ${carriedBy(s, name)}${firstReported(s, b)}${news}`;
    });
    const more = b.stories.length - STORY_LINES;
    if (more > 0) lines.push(`_… and ${more} more (see Sources)_`);
    blocks.push(...sections(['*Stories*', ...lines].join('\n')));
  }
  if (b.quotes.length) {
    blocks.push({ type: 'divider' }, ...sections('*Key quotes*'));
    for (const q of b.quotes) blocks.push(...sections(quoteText(q)));
  }
  if (b.actors.length)
    blocks.push(...sections(['*Actors*', ...b.actors.map(actorLine)].join('\n')));
  blocks.push(
    { type: 'divider' },
    ...sections(['*Sources*', ...b.sources.map(sourceLine)].join('\n')),
  );
  if (b.url) blocks.push(...sections(`<${b.url}|Full briefing: every quote in its article>`));
  return blocks;
}

export function renderSlackAnswer(a: Answer): SlackMessage {
  const blocks: SlackBlock[] = [
    ...sections(
      a.found ? `> ${shown(a.answer, CAP.answer)}` : literalMrkdwn(field(a.answer, CAP.answer)),
    ),
  ];
  const cites = a.citations.slice(0, SLACK_LIMITS.contextElements - 1).map(citationLine);
  const notes =
    a.found && a.scope === 'store'
      ? ["_Not in this briefing's articles; found elsewhere in the archive._"]
      : [];
  if (cites.length || notes.length) blocks.push(context([...cites, ...notes]));
  const first = a.citations[0];
  const source = first ? ` — ${shown(first.title, CAP.title)}` : '';
  return {
    blocks: blocks.slice(0, SLACK_LIMITS.blocks),
    text: truncate(`${shown(a.answer, CAP.answer)}${source}`, SLACK_LIMITS.fallbackText),
  };
}

/** A short message from the core, escaped: it may echo what someone typed. */
export function renderSlackText(text: string): SlackMessage[] {
  const escaped = esc(text);
  return paginate(sections(escaped)).map((page, i) => ({
    blocks: page,
    text: i === 0 ? truncate(escaped, SLACK_LIMITS.fallbackText) : '(continued)',
  }));
}

function overview(b: Briefing): string {
  const covered = coverageOf(b.window);
  const n = b.sources.length;
  return `${n} ${n === 1 ? 'article' : 'articles'} · ${esc(covered)}`;
}

function context(texts: string[]): SlackBlock {
  // A context element is a text object too: the same 3000-character limit applies.
  const elements = texts
    .filter((t) => t.trim())
    .flatMap((t) => splitText(t, SLACK_LIMITS.sectionText))
    .slice(0, SLACK_LIMITS.contextElements)
    .map(mrkdwn);
  return { type: 'context', elements };
}

function quoteText(q: BriefQuote): string {
  const speaker = `*${shown(q.speaker, CAP.name)}*`;
  const who = q.role ? `${speaker}, ${shown(q.role, CAP.name)}` : speaker;
  return `> “${shown(q.text, CAP.quote)}”\n— ${who} ${quoteCites(q)}`;
}

function actorLine(a: BriefActor): string {
  const role = a.role ? ` — ${shown(a.role, CAP.name)}` : '';
  const aliases = a.aliases.map((x) => field(x, CAP.name)).join(', ');
  const also = a.aliases.length ? ` (also: ${shown(aliases, CAP.aliases)})` : '';
  return `• *${shown(a.name, CAP.name)}* · ${a.type}${role}${also}`;
}

function sourceLine(s: BriefSource): string {
  const date = s.publishedAt ? s.publishedAt.slice(0, 10) : 'undated';
  const where = literalMrkdwn(
    [s.source && field(s.source, CAP.name), date].filter(Boolean).join(', '),
  );
  return `[${s.n}] ${link(s.url, field(s.title, CAP.title))} — ${where}`;
}

function citationLine(c: Citation): string {
  const date = c.publishedAt ? c.publishedAt.slice(0, 10) : 'undated';
  const where = literalMrkdwn(
    [c.source && field(c.source, CAP.name), date].filter(Boolean).join(', '),
  );
  return `Source: ${link(c.url, field(c.title, CAP.title))} — ${where}`;
}

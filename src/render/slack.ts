import type { Answer, Citation } from '../model/answer.ts';
import {
  type BriefActor,
  type Briefing,
  type BriefQuote,
  type BriefSource,
  coverageOf,
} from '../model/briefing.ts';
import type { Digest, Reply } from '../model/reply.ts';
import {
  escapeMrkdwn as esc,
  link,
  mrkdwn,
  paginate,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
  sections,
  splitText,
  truncate,
} from './slack-mrkdwn.ts';
import { digestHeading, digestRef, nothingNewLine, renderBriefing } from './text.ts';

export { escapeMrkdwn, SLACK_LIMITS, type SlackBlock, type SlackMessage } from './slack-mrkdwn.ts';

/**
 * Slack Block Kit for the platform-neutral replies: a briefing as a header, summary, quotes
 * (speaker and role), actors and linked sources; an answer with its citation; short texts; a
 * digest as its briefing under a heading line, with its ref in a context block at the end.
 * Everything from articles is escaped; long bodies are split into several sections, and past
 * 50 blocks into several messages, in order.
 */

/** The story list is an overview: past this many, the sources carry the rest. */
const STORY_LINES = 10;

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
        ? truncate(esc(renderBriefing(b, 'text')), SLACK_LIMITS.fallbackText)
        : `Briefing: ${esc(oneLine(b.title))} (continued, ${i + 1} of ${pages.length})`,
  }));
}

/** A digest: heading, the briefing, the ref small at the end; nothing new is one line. */
export function renderSlackDigest(d: Digest): SlackMessage[] {
  const lines = { ...d, topicTitle: truncate(oneLine(d.topicTitle), 200) };
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
  const pages = paginate([...blocks, ref]);
  const title = esc(oneLine(d.briefing.title));
  const full = `${heading}\n${esc(renderBriefing(d.briefing, 'text'))}`;
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
        text: truncate(`Briefing: ${oneLine(b.title)}`, SLACK_LIMITS.headerText),
        emoji: false,
      },
    },
    context([overview(b), ...b.notes.map(esc)]),
  ];
  blocks.push(
    ...sections(
      ['*Summary*', ...b.summary.map((s) => `• ${esc(s.text)} [${s.source}]`)].join('\n'),
    ),
  );
  if (b.stories.some((s) => s.sources.length > 1 || s.isNew)) {
    const lines = b.stories.slice(0, STORY_LINES).map((s) => {
      const cites = s.sources.map((n) => `[${n}]`).join(' ');
      const carried = s.sources.length > 1 ? `${s.sources.length} sources ${cites}` : cites;
      return `${s.n}. ${esc(oneLine(s.title))} — ${carried}${s.isNew ? ' · *new*' : ''}`;
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
  return blocks;
}

export function renderSlackAnswer(a: Answer): SlackMessage {
  const blocks: SlackBlock[] = [
    ...sections(a.found ? `> ${esc(oneLine(a.answer))}` : esc(a.answer)),
  ];
  const cites = a.citations.slice(0, SLACK_LIMITS.contextElements - 1).map(citationLine);
  const notes =
    a.found && a.scope === 'store'
      ? ["_Not in this briefing's articles; found elsewhere in the archive._"]
      : [];
  if (cites.length || notes.length) blocks.push(context([...cites, ...notes]));
  const first = a.citations[0];
  const source = first ? ` — ${esc(oneLine(first.title))}` : '';
  return {
    blocks: blocks.slice(0, SLACK_LIMITS.blocks),
    text: truncate(`${esc(a.answer)}${source}`, SLACK_LIMITS.fallbackText),
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
  const who = q.role ? `*${esc(q.speaker)}*, ${esc(q.role)}` : `*${esc(q.speaker)}*`;
  return `> “${esc(oneLine(q.text))}”\n— ${who} [${q.source}]`;
}

function actorLine(a: BriefActor): string {
  const role = a.role ? ` — ${esc(a.role)}` : '';
  const also = a.aliases.length ? ` (also: ${esc(a.aliases.join(', '))})` : '';
  return `• *${esc(a.name)}* · ${a.type}${role}${also}`;
}

function sourceLine(s: BriefSource): string {
  const date = s.publishedAt ? s.publishedAt.slice(0, 10) : 'undated';
  const where = esc([s.source, date].filter(Boolean).join(', '));
  return `[${s.n}] ${link(s.url, oneLine(s.title))} — ${where}`;
}

function citationLine(c: Citation): string {
  const date = c.publishedAt ? c.publishedAt.slice(0, 10) : 'undated';
  const where = esc([c.source, date].filter(Boolean).join(', '));
  return `Source: ${link(c.url, oneLine(c.title))} — ${where}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

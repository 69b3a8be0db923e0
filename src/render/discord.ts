import type { Answer, Citation } from '../model/answer.ts';
import { type Briefing, type BriefSource, coverageOf } from '../model/briefing.ts';
import type { Digest, Reply } from '../model/reply.ts';
import {
  contentMessages,
  type DiscordEmbed,
  type DiscordMessage,
  fieldSection,
  packEmbeds,
  textSection,
} from './discord-embeds.ts';
import {
  DISCORD_LIMITS,
  inert,
  neutraliseMentions,
  oneLine,
  truncateWords,
} from './discord-text.ts';
import { digestHeading, digestRef, nothingNewLine } from './text.ts';

export type { DiscordEmbed, DiscordMessage } from './discord-embeds.ts';

/**
 * Replies as Discord messages: a briefing as embeds (summary, key quotes, actors, sources),
 * an answer with its citations, text as content, a digest as its briefing under a heading with
 * its ref in the last footer. Every string from an article goes through `inert`, and every
 * message carries `allowed_mentions: { parse: [] }`.
 */

export interface DiscordRenderOptions {
  /** A line under the briefing, e.g. how to ask follow-up questions. */
  footer?: string;
}

const STORY_LINES = 10;
const MUTED = 0x8a8f98;

export function renderDiscord(reply: Reply, options: DiscordRenderOptions = {}): DiscordMessage[] {
  switch (reply.kind) {
    case 'briefing':
      return briefingMessages(reply.briefing, options);
    case 'answer':
      return answerMessages(reply.answer);
    case 'text':
      return textMessages(reply.text);
    case 'digest':
      return digestMessages(reply.digest, options);
  }
}

/** Our own prose (which may echo what someone typed): mentions neutralised, markdown kept. */
export function textMessages(text: string): DiscordMessage[] {
  const messages = contentMessages(neutraliseMentions(text));
  return messages.length ? messages : contentMessages('(nothing to say)');
}

export function briefingMessages(
  b: Briefing,
  options: DiscordRenderOptions = {},
): DiscordMessage[] {
  const embeds = briefingEmbeds(b);
  if (options.footer) {
    const last = embeds.at(-1);
    if (last) last.footer = { text: truncateWords(options.footer, DISCORD_LIMITS.footer) };
  }
  return packEmbeds(embeds);
}

/**
 * A digest: the briefing's embeds under a heading line, the ref in the last footer (and in the
 * first message's too when it takes several, so the message its thread hangs on can be found);
 * nothing new is one line with the ref as subtext.
 */
export function digestMessages(d: Digest, options: DiscordRenderOptions = {}): DiscordMessage[] {
  const lines = { ...d, topicTitle: truncateWords(oneLine(d.topicTitle), 200) };
  const ref = digestRef(d.key);
  if (!d.briefing)
    return contentMessages(`${nothingNewLine(lines, inert)}\n-# ${digestRef(d.key, inert)}`);
  const embeds = briefingEmbeds(d.briefing);
  const last = embeds.at(-1);
  if (!last) return contentMessages(`${digestHeading(lines, inert, '**Digest**')}\n-# ${ref}`);
  const room = DISCORD_LIMITS.footer - ref.length - 3;
  last.footer = { text: options.footer ? `${truncateWords(options.footer, room)} · ${ref}` : ref };
  const heading = truncateWords(digestHeading(lines, inert, '**Digest**'), DISCORD_LIMITS.content);
  const messages = packEmbeds(embeds, heading, ref.length);
  const firstLast = messages.length > 1 ? messages[0]?.embeds.at(-1) : undefined;
  if (firstLast && !firstLast.footer) firstLast.footer = { text: ref };
  return messages;
}

function briefingEmbeds(b: Briefing): DiscordEmbed[] {
  const embeds: DiscordEmbed[] = [];
  const covered = coverageOf(b.window);
  const showStories = b.stories.some((s) => s.sources.length > 1 || s.isNew);
  const counts = [plural(b.sources.length, 'article')];
  if (showStories) counts.push(plural(b.stories.length, 'story', 'stories'));
  const head = [`_${counts.join(', ')} · ${covered}_`];
  for (const note of b.notes) head.push(`> ${neutraliseMentions(note)}`);
  head.push('');
  for (const s of b.summary) head.push(`• ${inert(s.text)} [${s.source}]`);
  embeds.push(...textSection(neutraliseMentions(`Briefing: ${oneLine(b.title)}`), head));

  if (showStories) {
    const lines = b.stories.slice(0, STORY_LINES).map((s) => {
      const cites = s.sources.map((n) => `[${n}]`).join(' ');
      return `${s.n}. ${inert(oneLine(s.title))} — ${cites}${s.isNew ? ' · **new**' : ''}`;
    });
    const more = b.stories.length - STORY_LINES;
    if (more > 0) lines.push(`_… and ${plural(more, 'more story', 'more stories')} (see Sources)_`);
    embeds.push(...textSection('Stories', lines));
  }
  if (b.quotes.length) {
    const entries = b.quotes.map((q) => ({
      name: inert(oneLine(q.role ? `${q.speaker}, ${q.role}` : q.speaker)),
      value: `“${inert(q.text)}” [${q.source}]`,
    }));
    embeds.push(...fieldSection('Key quotes', entries));
  }
  if (b.actors.length) {
    const lines = b.actors.map((a) => {
      const role = a.role ? ` — ${inert(a.role)}` : '';
      const also = a.aliases.length ? ` (also: ${inert(a.aliases.join(', '))})` : '';
      return `**${inert(a.name)}** · ${a.type}${role}${also}`;
    });
    embeds.push(...textSection('Actors', lines));
  }
  embeds.push(...textSection('Sources', b.sources.map(sourceLine), MUTED));
  return embeds;
}

export function answerMessages(a: Answer): DiscordMessage[] {
  const lines = [inert(a.answer)];
  if (a.found && a.scope === 'store')
    lines.push('', "_Not found in this briefing's articles; this comes from the wider archive._");
  // Titles show no markdown, so they are only made unable to ping.
  const embeds = textSection(neutraliseMentions(`Q: ${oneLine(a.question)}`), lines);
  if (a.citations.length)
    embeds.push(...textSection('Cited', a.citations.map(citationLine), MUTED));
  return packEmbeds(embeds);
}

function sourceLine(s: BriefSource): string {
  const date = s.publishedAt ? s.publishedAt.slice(0, 10) : 'undated';
  const where = [s.source, date].filter(Boolean).map((x) => inert(String(x)));
  return `[${s.n}] ${link(s.title, s.url)} — ${where.join(', ')}`;
}

function citationLine(c: Citation, i: number): string {
  const where = [c.source, c.publishedAt?.slice(0, 10)].filter((x): x is string => Boolean(x));
  const head = `**[${i + 1}]** ${link(c.title, c.url)}${where.length ? ` — ${inert(where.join(', '))}` : ''}`;
  return `${head}\n> ${inert(oneLine(c.sentence))}`;
}

/** A masked link for http(s) URLs; the title alone otherwise. */
function link(title: string, url: string | null): string {
  const text = inert(truncateWords(oneLine(title), 200));
  if (!url || !/^https?:\/\//i.test(url)) return text;
  // Brackets and spaces would end the link early; encodeURIComponent leaves ( and ) alone.
  const safe = url.replace(
    /[()<>\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${text}](${safe})`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

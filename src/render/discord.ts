import type { Answer, Citation } from '../model/answer.ts';
import { type Briefing, type BriefSource, coverageOf } from '../model/briefing.ts';
import type { Digest, Reply } from '../model/reply.ts';
import {
  contentMessages,
  type DiscordEmbed,
  type DiscordMessage,
  fieldSection,
  MUTED_COLOR,
  packEmbeds,
  textSection,
} from './discord-embeds.ts';
import { DISCORD_LIMITS, inert, neutraliseMentions, truncateWords } from './discord-text.ts';
import { FIELD_CHARS as CAP, field } from './fields.ts';
import { linkableUrl } from './links.ts';
import { carriedBy, firstReported, newsMark, quoteCites, showsStories } from './story-parts.ts';
import { digestHeading, digestRef, nothingNewLine } from './text.ts';

export type { DiscordEmbed, DiscordMessage } from './discord-embeds.ts';

/**
 * Replies as Discord messages: a briefing as embeds (summary, key quotes, actors, sources),
 * an answer with its citations, text as content, a digest as its briefing under a heading with
 * its ref in the last footer. Every string from an article goes through `shown` (its field cap,
 * then `inert`), every message carries `allowed_mentions: { parse: [] }`, and a reply takes at
 * most MAX_MESSAGES_PER_REPLY messages.
 */

export interface DiscordRenderOptions {
  /** A line under the briefing, e.g. how to ask follow-up questions. */
  footer?: string;
}

const STORY_LINES = 10;
const MUTED = MUTED_COLOR;

/** Article text as a message shows it: one line within its cap, inert. */
const shown = (text: string, max: number): string => inert(field(text, max));

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
  const footer = options.footer ? truncateWords(options.footer, DISCORD_LIMITS.footer) : undefined;
  return packEmbeds(briefingEmbeds(b), { ...(footer ? { footer } : {}) });
}

/**
 * A digest: the briefing's embeds under a heading line, the ref in the last footer (and in the
 * first message's too when it takes several, so the message its thread hangs on can be found);
 * nothing new is one line with the ref as subtext.
 */
export function digestMessages(d: Digest, options: DiscordRenderOptions = {}): DiscordMessage[] {
  const lines = { ...d, topicTitle: field(d.topicTitle, CAP.title) };
  const ref = digestRef(d.key);
  if (!d.briefing)
    return contentMessages(`${nothingNewLine(lines, inert)}\n-# ${digestRef(d.key, inert)}`);
  const embeds = briefingEmbeds(d.briefing);
  if (!embeds.length)
    return contentMessages(`${digestHeading(lines, inert, '**Digest**')}\n-# ${ref}`);
  const room = DISCORD_LIMITS.footer - ref.length - 3;
  const footer = options.footer ? `${truncateWords(options.footer, room)} · ${ref}` : ref;
  const heading = truncateWords(digestHeading(lines, inert, '**Digest**'), DISCORD_LIMITS.content);
  const messages = packEmbeds(embeds, { content: heading, reserve: ref.length, footer });
  const firstLast = messages.length > 1 ? messages[0]?.embeds.at(-1) : undefined;
  if (firstLast && !firstLast.footer) firstLast.footer = { text: ref };
  return messages;
}

function briefingEmbeds(b: Briefing): DiscordEmbed[] {
  const embeds: DiscordEmbed[] = [];
  const covered = coverageOf(b.window);
  const showStories = showsStories(b);
  const counts = [plural(b.sources.length, 'article')];
  if (showStories) counts.push(plural(b.stories.length, 'story', 'stories'));
  const head = [`_${counts.join(', ')} · ${covered}_`];
  for (const note of b.notes) head.push(`> ${neutraliseMentions(field(note, CAP.note))}`);
  head.push('');
  for (const s of b.summary) head.push(`• ${shown(s.text, CAP.sentence)} [${s.source}]`);
  const title = neutraliseMentions(`Briefing: ${field(b.title, CAP.title)}`);
  embeds.push(...textSection(title, head));

  if (showStories) {
    const lines = b.stories.slice(0, STORY_LINES).map((s) => {
      const name = (t: string): string => shown(t, CAP.name);
      const news = newsMark(s, name, (w) => `**${w}**`);
      return `${s.n}. ${shown(s.title, CAP.title)} — ${carriedBy(s, name)}${firstReported(s, b)}${news}`;
    });
    const more = b.stories.length - STORY_LINES;
    if (more > 0) lines.push(`_… and ${plural(more, 'more story', 'more stories')} (see Sources)_`);
    embeds.push(...textSection('Stories', lines));
  }
  if (b.quotes.length) {
    const entries = b.quotes.map((q) => ({
      name: q.role
        ? `${shown(q.speaker, CAP.name)}, ${shown(q.role, CAP.name)}`
        : shown(q.speaker, CAP.name),
      value: `“${shown(q.text, CAP.quote)}” ${quoteCites(q)}`,
    }));
    embeds.push(...fieldSection('Key quotes', entries));
  }
  if (b.actors.length) {
    const lines = b.actors.map((a) => {
      const role = a.role ? ` — ${shown(a.role, CAP.name)}` : '';
      const aliases = a.aliases.map((x) => field(x, CAP.name)).join(', ');
      const also = a.aliases.length ? ` (also: ${shown(aliases, CAP.aliases)})` : '';
      return `**${shown(a.name, CAP.name)}** · ${a.type}${role}${also}`;
    });
    embeds.push(...textSection('Actors', lines));
  }
  embeds.push(...textSection('Sources', b.sources.map(sourceLine), MUTED));
  // Our own signed link: every quote there opens its article with the words highlighted.
  if (b.url)
    embeds.push(...textSection('Full briefing', [`[Every quote in its article](${b.url})`], MUTED));
  return embeds;
}

export function answerMessages(a: Answer): DiscordMessage[] {
  const lines = [shown(a.answer, CAP.answer)];
  if (a.found && a.scope === 'store')
    lines.push('', "_Not found in this briefing's articles; this comes from the wider archive._");
  // Titles show no markdown, so they are only made unable to ping.
  const embeds = textSection(neutraliseMentions(`Q: ${field(a.question, CAP.title)}`), lines);
  if (a.citations.length)
    embeds.push(...textSection('Cited', a.citations.map(citationLine), MUTED));
  return packEmbeds(embeds);
}

function sourceLine(s: BriefSource): string {
  const date = s.publishedAt ? s.publishedAt.slice(0, 10) : 'undated';
  const where = [s.source && field(s.source, CAP.name), date]
    .filter(Boolean)
    .map((x) => inert(String(x)));
  return `[${s.n}] ${link(s.title, s.url)} — ${where.join(', ')}`;
}

function citationLine(c: Citation, i: number): string {
  const where = [c.source && field(c.source, CAP.name), c.publishedAt?.slice(0, 10)].filter(
    (x): x is string => Boolean(x),
  );
  const head = `**[${i + 1}]** ${link(c.title, c.url)}${where.length ? ` — ${inert(where.join(', '))}` : ''}`;
  return `${head}\n> ${shown(c.sentence, CAP.sentence)}`;
}

/** A masked link for http(s) URLs (links.ts decides); the title alone otherwise. */
function link(title: string, url: string | null): string {
  const text = shown(title, CAP.title);
  const target = linkableUrl(url);
  if (!target) return text;
  // Brackets and spaces would end the link early; the URL parser leaves ( and ) alone.
  const safe = target.replace(
    /[()<>\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${text}](${safe})`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

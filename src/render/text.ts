import {
  type BriefActor,
  type Briefing,
  type BriefQuote,
  type BriefSource,
  type BriefStory,
  coverageOf,
} from '../model/briefing.ts';
import { FIELD_CHARS as CAP, field } from './fields.ts';
import { linkableUrl } from './links.ts';
import { carriedBy, firstReported, newsMark, quoteCites, showsStories } from './story-parts.ts';

/** Plain text for terminals, and Markdown for chat and files, from the same walk. */

type Style = 'text' | 'markdown';

export interface TextOptions {
  /**
   * Show where an article without a link came from (its file path, `file.json#2`). On for the
   * CLI, whose user owns those files; off wherever the text reaches a chat (console chat, Slack's
   * fallback), which must never learn the server's paths.
   */
  origins?: boolean;
}

/** The story list is an overview, ranked: past this many, the Sources list has the rest. */
const STORY_LINES = 10;

/**
 * Article text as the style shows it: one line within its cap, and in Markdown with every
 * character that could start a link, an HTML tag, emphasis or code escaped (CommonMark's
 * backslash escape), so that what the article says is shown and never interpreted.
 */
function show(text: string, max: number, style: Style): string {
  const shown = field(text, max);
  return style === 'markdown' ? shown.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`) : shown;
}

function heading(title: string, style: Style): string {
  return style === 'markdown' ? `## ${title}` : `${title}\n${'─'.repeat(title.length)}`;
}

function quoteLine(q: BriefQuote, style: Style): string {
  const speaker = show(q.speaker, CAP.name, style);
  const who = q.role ? `${speaker}, ${show(q.role, CAP.name, style)}` : speaker;
  const text = show(q.text, CAP.quote, style);
  return style === 'markdown'
    ? `> “${text}”\n> — **${who}** ${quoteCites(q)}`
    : `  “${text}”\n     — ${who} ${quoteCites(q)}`;
}

function actorLine(a: BriefActor, style: Style): string {
  const shownName = show(a.name, CAP.name, style);
  const name = style === 'markdown' ? `**${shownName}**` : shownName;
  const role = a.role ? ` — ${show(a.role, CAP.name, style)}` : '';
  const aliases = a.aliases.map((x) => field(x, CAP.name)).join(', ');
  const also = a.aliases.length ? ` (also: ${show(aliases, CAP.aliases, style)})` : '';
  return `${style === 'markdown' ? '-' : ' '} ${name} · ${a.type}${role}${also}`;
}

function storyLine(s: BriefStory, b: Briefing, style: Style): string {
  const name = (t: string): string => show(t, CAP.name, style);
  const carried = carriedBy(s, name);
  const news = newsMark(s, name, (w) => (style === 'markdown' ? `**${w}**` : w));
  return `${style === 'markdown' ? '' : '  '}${s.n}. ${show(s.title, CAP.title, style)} — ${carried}${firstReported(s, b)}${news}`;
}

function sourceLine(s: BriefSource, style: Style, options: TextOptions): string {
  const date = s.publishedAt ? s.publishedAt.slice(0, 10) : 'undated';
  const outlet = s.source ? show(s.source, CAP.name, style) : null;
  const where = [outlet, date].filter(Boolean).join(', ');
  const title = show(s.title, CAP.title, style);
  const url = linkableUrl(s.url);
  const lead = `${style === 'markdown' ? '' : '  '}[${s.n}] `;
  if (style === 'markdown' && url) return `${lead}[${title}](${markdownTarget(url)}) — ${where}`;
  // Only an http(s) URL is shown as where to read it; else the file it came from, where allowed.
  const from = url ?? (options.origins === false ? null : show(s.origin, CAP.title * 2, style));
  return `${lead}${title} — ${where}${from ? ` (${from})` : ''}`;
}

/** A link target Markdown cannot end early: parentheses (and anything spacy) percent-encoded. */
function markdownTarget(url: string): string {
  return url.replace(
    /[()<>\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

export function renderBriefing(b: Briefing, style: Style, options: TextOptions = {}): string {
  const out: string[] = [];
  const covered = coverageOf(b.window);
  const title = show(b.title, CAP.title, style);
  out.push(style === 'markdown' ? `# Briefing: ${title}` : `Briefing: ${title}`);
  // The story list says something the sources do not only when an outlet repeats another
  // or a story is new to the reader.
  const showStories = showsStories(b);
  const count =
    plural(b.sources.length, 'article') +
    (showStories ? `, ${plural(b.stories.length, 'story', 'stories')}` : '');
  const em = style === 'markdown' ? '_' : '';
  out.push(`${em}${count} · ${covered}${em}`);
  for (const n of b.notes) {
    const note = show(n, CAP.note, style);
    out.push(style === 'markdown' ? `> ${note}` : `Note: ${note}`);
  }
  out.push('', heading('Summary', style));
  for (const s of b.summary)
    out.push(
      `${style === 'markdown' ? '-' : ' '} ${show(s.text, CAP.sentence, style)} [${s.source}]`,
    );
  if (showStories) {
    out.push('', heading('Stories', style));
    for (const s of b.stories.slice(0, STORY_LINES)) out.push(storyLine(s, b, style));
    const more = b.stories.length - STORY_LINES;
    const rest = `… and ${plural(more, 'more story', 'more stories')} (see Sources)`;
    // In Markdown a line right after a list item would join that item.
    if (more > 0) out.push(...(style === 'markdown' ? ['', `_${rest}_`] : [`  ${rest}`]));
  }
  if (b.quotes.length) {
    out.push('', heading('Key quotes', style));
    out.push(b.quotes.map((q) => quoteLine(q, style)).join('\n\n'));
  }
  if (b.actors.length) {
    out.push('', heading('Actors', style));
    for (const a of b.actors) out.push(actorLine(a, style));
  }
  out.push('', heading('Sources', style));
  for (const s of b.sources) out.push(sourceLine(s, style, options));
  if (b.url)
    out.push('', style === 'markdown' ? `[Full briefing](${b.url})` : `Full briefing: ${b.url}`);
  return `${out.join('\n')}\n`;
}

/** Headlines can carry line breaks (a subtitle on its own line); a list item is one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A scheduled digest's own lines, worded once for every platform; each renderer passes its
 * escaping for the parts that come from the subscription (its topic's title).
 */
export interface DigestLines {
  slotLabel: string;
  late: boolean;
  topicTitle: string;
  key: string;
}

type Escape = (text: string) => string;
const asIs: Escape = (text) => text;

/** "Digest · Sun 29 Mar 2026, 08:00 (Europe/London)", and why it comes late when it does. */
export function digestHeading(d: DigestLines, esc: Escape = asIs, label = 'Digest'): string {
  const late = d.late ? ' — sent late: the bot was offline when it was due' : '';
  return `${label} · ${esc(oneLine(d.slotLabel))}${late}`;
}

/** The whole of a digest with nothing new in it: one line. */
export function nothingNewLine(d: DigestLines, esc: Escape = asIs): string {
  const late = d.late ? ' Sent late: the bot was offline when it was due.' : '';
  return `Nothing new on ${esc(oneLine(d.topicTitle))} since the last digest (${esc(oneLine(d.slotLabel))}).${late}`;
}

/** Shown small under a digest, so a resend after a crash can find it in the channel. */
export function digestRef(key: string, esc: Escape = asIs): string {
  return `ref ${esc(key)}`;
}

/** The last line of a reply that was cut to its platform's message cap. */
export function shortenedNote(lines: number): string {
  return `… (shortened: ${plural(lines, 'more line')})`;
}

/** A digest for the terminal: its heading, the briefing, and its ref. */
export function renderDigestText(
  d: DigestLines & { briefing: Briefing | null },
  options: TextOptions = {},
): string {
  if (!d.briefing) return `${nothingNewLine(d)}\n${digestRef(d.key)}\n`;
  return `${digestHeading(d)}\n\n${renderBriefing(d.briefing, 'text', options)}\n${digestRef(d.key)}\n`;
}

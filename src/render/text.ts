import {
  type BriefActor,
  type Briefing,
  type BriefQuote,
  type BriefSource,
  type BriefStory,
  coverageOf,
} from '../model/briefing.ts';

/** Plain text for terminals, and Markdown for chat and files, from the same walk. */

type Style = 'text' | 'markdown';

/** The story list is an overview, ranked: past this many, the Sources list has the rest. */
const STORY_LINES = 10;

function heading(title: string, style: Style): string {
  return style === 'markdown' ? `## ${title}` : `${title}\n${'─'.repeat(title.length)}`;
}

function quoteLine(q: BriefQuote, style: Style): string {
  const who = q.role ? `${q.speaker}, ${q.role}` : q.speaker;
  return style === 'markdown'
    ? `> “${q.text}”\n> — **${who}** [${q.source}]`
    : `  “${q.text}”\n     — ${who} [${q.source}]`;
}

function actorLine(a: BriefActor, style: Style): string {
  const name = style === 'markdown' ? `**${a.name}**` : a.name;
  const role = a.role ? ` — ${a.role}` : '';
  const also = a.aliases.length ? ` (also: ${a.aliases.join(', ')})` : '';
  return `${style === 'markdown' ? '-' : ' '} ${name} · ${a.type}${role}${also}`;
}

function storyLine(s: BriefStory, style: Style): string {
  const cites = s.sources.map((n) => `[${n}]`).join(' ');
  const carried = s.sources.length > 1 ? `${s.sources.length} sources ${cites}` : cites;
  const isNew = s.isNew ? (style === 'markdown' ? ' · **new**' : ' · new') : '';
  return `${style === 'markdown' ? '' : '  '}${s.n}. ${oneLine(s.title)} — ${carried}${isNew}`;
}

function sourceLine(s: BriefSource, style: Style): string {
  const date = s.publishedAt ? s.publishedAt.slice(0, 10) : 'undated';
  const where = [s.source, date].filter(Boolean).join(', ');
  const link = s.url ?? s.origin;
  const title =
    style === 'markdown' && s.url ? `[${oneLine(s.title)}](${s.url})` : oneLine(s.title);
  return `${style === 'markdown' ? '' : '  '}[${s.n}] ${title} — ${where}${style === 'markdown' && s.url ? '' : ` (${link})`}`;
}

export function renderBriefing(b: Briefing, style: Style): string {
  const out: string[] = [];
  const covered = coverageOf(b.window);
  out.push(style === 'markdown' ? `# Briefing: ${b.title}` : `Briefing: ${b.title}`);
  // The story list says something the sources do not only when an outlet repeats another
  // or a story is new to the reader.
  const showStories = b.stories.some((s) => s.sources.length > 1 || s.isNew);
  const count =
    plural(b.sources.length, 'article') +
    (showStories ? `, ${plural(b.stories.length, 'story', 'stories')}` : '');
  const em = style === 'markdown' ? '_' : '';
  out.push(`${em}${count} · ${covered}${em}`);
  for (const note of b.notes) out.push(style === 'markdown' ? `> ${note}` : `Note: ${note}`);
  out.push('', heading('Summary', style));
  for (const s of b.summary)
    out.push(`${style === 'markdown' ? '-' : ' '} ${s.text} [${s.source}]`);
  if (showStories) {
    out.push('', heading('Stories', style));
    for (const s of b.stories.slice(0, STORY_LINES)) out.push(storyLine(s, style));
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
  for (const s of b.sources) out.push(sourceLine(s, style));
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

/** A digest for the terminal: its heading, the briefing, and its ref. */
export function renderDigestText(d: DigestLines & { briefing: Briefing | null }): string {
  if (!d.briefing) return `${nothingNewLine(d)}\n${digestRef(d.key)}\n`;
  return `${digestHeading(d)}\n\n${renderBriefing(d.briefing, 'text')}\n${digestRef(d.key)}\n`;
}

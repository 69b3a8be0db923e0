import type { BriefActor, Briefing, BriefQuote, BriefSource } from '../briefing/model.ts';
import { describeWindow } from '../briefing/window.ts';

/** Plain text for terminals, and Markdown for chat and files, from the same walk. */

type Style = 'text' | 'markdown';

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

function sourceLine(s: BriefSource, style: Style): string {
  const date = s.publishedAt ? s.publishedAt.slice(0, 10) : 'undated';
  const where = [s.source, date].filter(Boolean).join(', ');
  const link = s.url ?? s.origin;
  const title = style === 'markdown' && s.url ? `[${s.title}](${s.url})` : s.title;
  return `${style === 'markdown' ? '' : '  '}[${s.n}] ${title} — ${where}${style === 'markdown' && s.url ? '' : ` (${link})`}`;
}

export function renderBriefing(b: Briefing, style: Style): string {
  const out: string[] = [];
  const covered = b.window.fallback
    ? `most recent (none in ${describeWindow(b.window.label)})`
    : describeWindow(b.window.label);
  out.push(style === 'markdown' ? `# Briefing: ${b.title}` : `Briefing: ${b.title}`);
  out.push(
    `${style === 'markdown' ? '_' : ''}${b.sources.length} article${b.sources.length === 1 ? '' : 's'} · ${covered}${style === 'markdown' ? '_' : ''}`,
  );
  for (const note of b.notes) out.push(style === 'markdown' ? `> ${note}` : `Note: ${note}`);
  out.push('', heading('Summary', style));
  for (const s of b.summary)
    out.push(`${style === 'markdown' ? '-' : ' '} ${s.text} [${s.source}]`);
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

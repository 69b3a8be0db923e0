import { DISCORD_LIMITS as L, splitText, truncateWords } from './discord-text.ts';
import { shortenedNote } from './text.ts';

/**
 * Discord message bodies as the REST API takes them (snake_case JSON), built within every
 * limit: sections become embeds, long sections continue in further embeds, and embeds are
 * packed into as many messages as they need, in order.
 */

export interface DiscordEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface DiscordEmbed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: DiscordEmbedField[];
  footer?: { text: string };
}

export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  /** Always `{ parse: [] }`: nothing we send may ping anyone. */
  allowed_mentions: { parse: [] };
}

export const NO_MENTIONS = (): { parse: [] } => ({ parse: [] });

export const BRAND_COLOR = 0x2f6fde;

/** What Discord counts towards the 6000 characters of a message's embeds. */
export function embedLength(e: DiscordEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

const continued = (title: string, i: number): string =>
  truncateWords(i === 0 ? title : `${title} (continued)`, L.embedTitle);

/** A section of lines: one embed, or several when it is longer than one description. */
export function textSection(title: string, lines: string[], color = BRAND_COLOR): DiscordEmbed[] {
  const max = Math.min(L.embedDescription, L.embedsTotal - L.embedTitle);
  return splitText(lines.join('\n'), max).map((description, i) => ({
    title: continued(title, i),
    description,
    color,
  }));
}

/** A section of named entries: fields, split at word boundaries, over as many embeds as needed. */
export function fieldSection(
  title: string,
  entries: DiscordEmbedField[],
  color = BRAND_COLOR,
): DiscordEmbed[] {
  const fields: DiscordEmbedField[] = [];
  for (const entry of entries) {
    const name = truncateWords(entry.name, L.fieldName);
    splitText(entry.value, L.fieldValue).forEach((value, i) => {
      fields.push({ name: i === 0 ? name : truncateWords(`${name} (cont.)`, L.fieldName), value });
    });
  }
  const embeds: DiscordEmbed[] = [];
  let current: DiscordEmbed | null = null;
  for (const field of fields) {
    const full =
      current !== null &&
      ((current.fields?.length ?? 0) >= L.embedFields ||
        embedLength(current) + field.name.length + field.value.length > L.embedsTotal);
    if (current === null || full) {
      current = { title: continued(title, embeds.length), color, fields: [] };
      embeds.push(current);
    }
    current.fields?.push(field);
  }
  return embeds;
}

/**
 * The most messages one reply takes. A briefing of ordinary size needs two or three; past this,
 * the reply is shortened rather than fill a channel (Discord has no limit of its own here).
 */
export const MAX_MESSAGES_PER_REPLY = 4;

export const MUTED_COLOR = 0x8a8f98;

export interface PackOptions {
  /** The first message's content, above its embeds. */
  content?: string;
  /** Characters of each message left free for a footer added afterwards. */
  reserve?: number;
  /** The footer of the last embed shown (the shortened note's, when the reply is shortened). */
  footer?: string;
}

/**
 * Packs embeds into messages of at most 10 embeds and 6000 characters, keeping their order, in
 * at most MAX_MESSAGES_PER_REPLY messages: when more would be needed, the last message ends with
 * a line saying how many lines were left out.
 */
export function packEmbeds(embeds: DiscordEmbed[], options: PackOptions = {}): DiscordMessage[] {
  const { content, reserve = 0, footer } = options;
  const all = embeds.map((e) => ({ ...e }));
  const last = all.at(-1);
  if (last && footer !== undefined) last.footer = { text: footer };
  const messages = pack(all, content, reserve);
  if (messages.length <= MAX_MESSAGES_PER_REPLY) return messages;

  const kept = messages.slice(0, MAX_MESSAGES_PER_REPLY);
  const dropped = messages.slice(MAX_MESSAGES_PER_REPLY).flatMap((m) => m.embeds);
  const tail = kept.at(-1)!;
  const note = (lines: number): DiscordEmbed => ({
    description: shortenedNote(lines),
    color: MUTED_COLOR,
    ...(footer !== undefined ? { footer: { text: footer } } : {}),
  });
  const room = L.embedsTotal - reserve - embedLength(note(Number.MAX_SAFE_INTEGER));
  const size = (): number => tail.embeds.reduce((n, e) => n + embedLength(e), 0);
  while (tail.embeds.length >= L.embedsPerMessage || (tail.embeds.length > 0 && size() > room))
    dropped.unshift(tail.embeds.pop()!);
  tail.embeds.push(note(dropped.reduce((n, e) => n + linesOf(e), 0)));
  return kept;
}

function pack(
  embeds: DiscordEmbed[],
  content: string | undefined,
  reserve: number,
): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: DiscordMessage | null = null;
  let size = 0;
  for (const embed of embeds) {
    const len = embedLength(embed);
    if (
      current === null ||
      current.embeds.length >= L.embedsPerMessage ||
      size + len > L.embedsTotal - reserve
    ) {
      current = { embeds: [], allowed_mentions: NO_MENTIONS() };
      if (messages.length === 0 && content) current.content = content;
      messages.push(current);
      size = 0;
    }
    current.embeds.push(embed);
    size += len;
  }
  return messages;
}

/** The lines a reader would have seen: description lines with text, and one a field. */
function linesOf(e: DiscordEmbed): number {
  const described = (e.description ?? '').split('\n').filter((l) => l.trim()).length;
  return described + (e.fields?.length ?? 0);
}

/**
 * Plain content over as many messages as it needs (at most MAX_MESSAGES_PER_REPLY), split at
 * line or word boundaries; the last says how many lines were left out when any were.
 */
export function contentMessages(text: string): DiscordMessage[] {
  const pieces = splitText(text, L.content);
  if (pieces.length > MAX_MESSAGES_PER_REPLY) {
    const dropped = pieces.splice(MAX_MESSAGES_PER_REPLY);
    const room = L.content - shortenedNote(Number.MAX_SAFE_INTEGER).length - 1;
    const [head = '', ...rest] = splitText(pieces.pop() ?? '', room);
    dropped.unshift(...rest);
    const lines = dropped
      .join('\n')
      .split('\n')
      .filter((l) => l.trim()).length;
    pieces.push(`${head}\n${shortenedNote(lines)}`);
  }
  return pieces.map((content) => ({
    content,
    embeds: [],
    allowed_mentions: NO_MENTIONS(),
  }));
}

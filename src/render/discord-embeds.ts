import { DISCORD_LIMITS as L, splitText, truncateWords } from './discord-text.ts';

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
 * Packs embeds into messages of at most 10 embeds and 6000 characters, keeping their order;
 * `reserve` characters of each message are left free for a footer added afterwards.
 */
export function packEmbeds(
  embeds: DiscordEmbed[],
  content?: string,
  reserve = 0,
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

/** Plain content over as many messages as it needs, split at line or word boundaries. */
export function contentMessages(text: string): DiscordMessage[] {
  return splitText(text, L.content).map((content) => ({
    content,
    embeds: [],
    allowed_mentions: NO_MENTIONS(),
  }));
}

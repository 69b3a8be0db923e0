import type { Client } from 'discord.js';
import type { InboundHandlers } from '../../model/chat-port.ts';
import type { Reply } from '../../model/reply.ts';
import type { DiscordMessage } from '../../render/discord.ts';
import type { DiscordLogLevel, DiscordSettings } from './settings.ts';

/** What the event handlers of the adapter share once it has started. */
export interface DiscordContext {
  client: Client<true>;
  handlers: InboundHandlers;
  settings: DiscordSettings;
  ephemeralWithinMs: number;
  log(level: DiscordLogLevel, message: string): void;
  render(reply: Reply): DiscordMessage[];
}

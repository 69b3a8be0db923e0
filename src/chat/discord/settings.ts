import { GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { CommandDeclaration } from '../../model/command.ts';

/**
 * What the Discord adapter needs: `Config.discord`. With `messageContent` (DISCORD_MESSAGE_CONTENT=1,
 * the privileged intent) every message in a briefing's thread is a question, not only mentions.
 */
export interface DiscordSettings {
  token: string;
  applicationId: string;
  /** Register commands in this guild only (instant), else globally. */
  guildId: string | null;
  /** REST base URL for proxies and tests; null for Discord's own. */
  apiUrl: string | null;
  /** Read every message in briefing threads (needs the privileged Message Content intent). */
  messageContent: boolean;
}

export type DiscordLogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface DiscordAdapterOptions {
  /** The slash commands to register (commands/, handed over by src/app.ts). */
  commands: readonly CommandDeclaration[];
  log?: (level: DiscordLogLevel, message: string) => void;
  /**
   * A command whose answer is a private (ephemeral) message within this time gets it as the
   * first response; anything else is deferred first. Discord allows 3 s for the first response.
   */
  ephemeralWithinMs?: number;
  /** The bound on the whole of `start()`: reachability checks, login and the ready wait (default DISCORD_START_BOUND_MS). */
  readyTimeoutMs?: number;
  /**
   * A rate limit longer than this fails the request (a digest is then retried later) instead of
   * holding it and everything queued behind it; default two minutes.
   */
  maxRateLimitWaitMs?: number;
  /**
   * discord.js REST settings: `retries` (default 3) is how often a 5xx or a timed-out request is
   * sent again, at once; `timeout` (default 15 s) is how long one attempt may take.
   */
  rest?: Partial<Pick<RESTOptions, 'retries' | 'timeout'>>;
}

/**
 * Guilds (commands, channels, threads) and GuildMessages (mentions in threads); the message
 * text of non-mentions only with the privileged intent.
 */
export function intentsFor(settings: DiscordSettings): number {
  let intents = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages;
  if (settings.messageContent) intents |= GatewayIntentBits.MessageContent;
  return intents;
}

export const defaultLog = (level: DiscordLogLevel, message: string): void => {
  if (level !== 'debug') process.stderr.write(`discord ${level}: ${message}\n`);
};

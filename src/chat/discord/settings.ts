import type { RESTOptions } from 'discord.js';
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
  /** Which gateway shards this process runs (BRIEFWIRE_DISCORD_SHARDS); absent: the one shard. */
  shards?: DiscordShards;
}

/**
 * 'auto': as many shards as Discord recommends, all in this process; otherwise the shard ids
 * this process runs out of `count` (every id for one process, a share of them per replica).
 */
export type DiscordShards = 'auto' | { ids: number[]; count: number };

/** Discord allows at most 2,500 guilds a shard; more shards than this is not a bot we plan for. */
const MAX_SHARDS = 1024;

/**
 * BRIEFWIRE_DISCORD_SHARDS as written: "auto", "N" (all N shards here), or "i,j/N" (shards i
 * and j of N here, the others on other replicas). A reason string when it is not one of those.
 */
export function parseDiscordShards(text: string): DiscordShards | string {
  const value = text.trim();
  if (value === 'auto') return 'auto';
  const all = /^(\d+)$/.exec(value);
  const some = /^(\d+(?:\s*,\s*\d+)*)\s*\/\s*(\d+)$/.exec(value);
  const count = Number(all?.[1] ?? some?.[2] ?? Number.NaN);
  if (!(count >= 1 && count <= MAX_SHARDS))
    return `must be auto, a shard count (1–${MAX_SHARDS}), or shard ids over a count such as 0,1/4 (got "${text}")`;
  if (all) return { ids: Array.from({ length: count }, (_, i) => i), count };
  const ids = [...new Set(some![1]!.split(',').map((s) => Number(s.trim())))].sort((a, b) => a - b);
  const bad = ids.find((id) => id >= count);
  if (bad !== undefined) return `shard id ${bad} is not below the count ${count} (got "${text}")`;
  return { ids, count };
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

export const defaultLog = (level: DiscordLogLevel, message: string): void => {
  if (level !== 'debug') process.stderr.write(`discord ${level}: ${message}\n`);
};

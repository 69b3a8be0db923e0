import { fileURLToPath } from 'node:url';
import { BriefwireError } from './errors.ts';

/**
 * The one reader of process.env. Every variable is validated here; an error names the
 * variable and says what it should look like.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Register commands in this guild only (instant), else globally. */
  guildId: string | null;
  /** REST base URL for proxies and tests; null for Discord's own. */
  apiUrl: string | null;
  /** Read every message in briefing threads (needs the privileged Message Content intent). */
  messageContent: boolean;
}

export interface SlackConfig {
  botToken: string;
  /** HTTP mode: requests at POST /slack/events are checked against it. */
  signingSecret: string | null;
  /** Socket Mode: an app-level token (xapp-…). */
  appToken: string | null;
  /** Web API base URL (GovSlack, proxies, tests); null for Slack's own. */
  apiUrl: string | null;
  port: number;
  /** User ids allowed to change subscriptions besides workspace admins. */
  managers: string[];
}

/** An OpenAI-compatible chat endpoint for generated answers; null keeps the extractive default. */
export interface LlmConfig {
  url: string;
  model: string;
  apiKey: string | null;
}

export interface Config {
  /** A SQLite file path or a postgres:// URL. */
  db: string;
  /** Folder of topic definitions. */
  topicsDir: string;
  /** IANA zone for digests when a subscription names none. */
  timezone: string;
  /** How long after its time a digest missed while the bot was down is still sent (marked late). */
  digestGraceMs: number;
  logLevel: LogLevel;
  /** Present when DISCORD_TOKEN is set. */
  discord: DiscordConfig | null;
  /** Present when SLACK_BOT_TOKEN is set. */
  slack: SlackConfig | null;
  /** Present when BRIEFWIRE_LLM_URL and BRIEFWIRE_LLM_MODEL are set. */
  llm: LlmConfig | null;
}

export type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_DB = './data/briefwire.db';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** The topics shipped with the code, found next to it rather than in the working directory. */
export const BUILTIN_TOPICS_DIR = fileURLToPath(new URL('../briefings/', import.meta.url));

function invalid(variable: string, message: string): BriefwireError {
  return new BriefwireError('CONFIG_INVALID', `${variable}: ${message}`, variable);
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function loadConfig(env: Env, overrides: { db?: string } = {}): Config {
  const pick = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const databaseUrl = pick('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw invalid(
      'DATABASE_URL',
      `must be a postgres:// URL (got "${databaseUrl}"); for SQLite set BRIEFWIRE_DB to a file path`,
    );
  }
  const db = overrides.db ?? pick('BRIEFWIRE_DB') ?? databaseUrl ?? DEFAULT_DB;

  const timezone = pick('BRIEFWIRE_TIMEZONE') ?? 'UTC';
  if (!isValidTimeZone(timezone))
    throw invalid(
      'BRIEFWIRE_TIMEZONE',
      `"${timezone}" is not an IANA time zone such as Europe/London`,
    );

  const grace = pick('BRIEFWIRE_DIGEST_GRACE') ?? '6h';
  const graceMatch = /^(\d{1,4})\s*(m|min|h)?$/i.exec(grace);
  if (!graceMatch)
    throw invalid(
      'BRIEFWIRE_DIGEST_GRACE',
      `must be a duration such as 6h or 90m (got "${grace}")`,
    );
  const graceUnit = graceMatch[2]?.toLowerCase().startsWith('m') ? 60_000 : 3_600_000;

  const logLevel = (pick('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel))
    throw invalid('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);

  return {
    db,
    topicsDir: pick('BRIEFWIRE_TOPICS_DIR') ?? BUILTIN_TOPICS_DIR,
    timezone,
    digestGraceMs: Number(graceMatch[1]) * graceUnit,
    logLevel: logLevel as LogLevel,
    discord: discordConfig(pick),
    slack: slackConfig(pick),
    llm: llmConfig(pick),
  };
}

function llmConfig(pick: (name: string) => string | undefined): LlmConfig | null {
  const url = pick('BRIEFWIRE_LLM_URL');
  const model = pick('BRIEFWIRE_LLM_MODEL');
  if (!url && !model) return null;
  if (!url)
    throw invalid(
      'BRIEFWIRE_LLM_URL',
      'is required with BRIEFWIRE_LLM_MODEL (an OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1)',
    );
  if (!model)
    throw invalid(
      'BRIEFWIRE_LLM_MODEL',
      'is required with BRIEFWIRE_LLM_URL (the model name, e.g. llama3.1)',
    );
  if (!/^https?:\/\//.test(url))
    throw invalid('BRIEFWIRE_LLM_URL', `must be an http(s) URL (got "${url}")`);
  return { url: url.replace(/\/+$/, ''), model, apiKey: pick('BRIEFWIRE_LLM_API_KEY') ?? null };
}

function slackConfig(pick: (name: string) => string | undefined): SlackConfig | null {
  const botToken = pick('SLACK_BOT_TOKEN');
  if (!botToken) return null;
  const signingSecret = pick('SLACK_SIGNING_SECRET') ?? null;
  const appToken = pick('SLACK_APP_TOKEN') ?? null;
  if (!signingSecret && !appToken) {
    throw invalid(
      'SLACK_SIGNING_SECRET',
      'or SLACK_APP_TOKEN is required with SLACK_BOT_TOKEN (HTTP mode or Socket Mode)',
    );
  }
  const apiUrl = pick('SLACK_API_URL') ?? null;
  if (apiUrl && !/^https?:\/\//.test(apiUrl))
    throw invalid('SLACK_API_URL', `must be an http(s) URL (got "${apiUrl}")`);
  const portText = pick('PORT') ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw invalid('PORT', `must be a port number (got "${portText}")`);
  const managers = (pick('SLACK_MANAGERS') ?? '').split(/[\s,]+/).filter(Boolean);
  return { botToken, signingSecret, appToken, apiUrl, port, managers };
}

function discordConfig(pick: (name: string) => string | undefined): DiscordConfig | null {
  const token = pick('DISCORD_TOKEN');
  if (!token) return null;
  const applicationId = pick('DISCORD_APPLICATION_ID');
  if (!applicationId) {
    throw invalid(
      'DISCORD_APPLICATION_ID',
      'is required with DISCORD_TOKEN (Developer Portal → General Information → Application ID)',
    );
  }
  const apiUrl = pick('DISCORD_API_URL') ?? null;
  if (apiUrl && !/^https?:\/\//.test(apiUrl))
    throw invalid('DISCORD_API_URL', `must be an http(s) URL (got "${apiUrl}")`);
  const flag = pick('DISCORD_MESSAGE_CONTENT');
  if (flag && !['0', '1', 'true', 'false'].includes(flag))
    throw invalid('DISCORD_MESSAGE_CONTENT', 'must be 1 or 0');
  return {
    token,
    applicationId,
    guildId: pick('DISCORD_GUILD_ID') ?? null,
    apiUrl,
    messageContent: flag === '1' || flag === 'true',
  };
}

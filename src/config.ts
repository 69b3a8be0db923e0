import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { type DiscordSettings, parseDiscordShards } from './chat/discord/settings.ts';
import type { SlackSettings } from './chat/slack/settings.ts';
import { MAX_EVERY_MS, parseDuration } from './ingest/feeds/poll-schedule.ts';
import { BriefwireError, reasonOf } from './model/errors.ts';
import { LIMITS } from './model/limits.ts';
import type { LogLevel } from './model/log-level.ts';
import type { ScaledClockSetting } from './schedule/clock.ts';
import { isValidTimeZone } from './time/zoned.ts';

/**
 * The one reader of process.env and of `.env`. Every variable is validated here; an error
 * names the variable and says what it should look like. An empty value counts as unset
 * everywhere, so the blank lines of .env.example change nothing.
 */

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
  discord: DiscordSettings | null;
  /** Present when SLACK_BOT_TOKEN is set. */
  slack: SlackSettings | null;
  /** Present when BRIEFWIRE_LLM_URL and BRIEFWIRE_LLM_MODEL are set. */
  llm: LlmConfig | null;
  /** Bytes accepted from one ingested file (BRIEFWIRE_MAX_FILE_BYTES, LIMITS.fileBytes by default). */
  maxFileBytes: number;
  /** Hosts or CIDRs fetched although not public (BRIEFWIRE_FETCH_ALLOW); empty by default. */
  fetchAllow: string[];
  /** Default poll interval of a feed (BRIEFWIRE_FEED_EVERY, 15m). */
  feedEveryMs: number;
  /** How long a feed fails before its "failing" notice (BRIEFWIRE_FEED_FAILING_AFTER, 24h). */
  feedFailingAfterMs: number;
  /** The web pages: their public base URL (links in chat and JSON), port, and link secret. */
  web: WebConfig;
  /** Worker threads analysing a large ingest (BRIEFWIRE_INGEST_THREADS); null: one per core, 0: none. */
  ingestThreads: number | null;
  /** A simulated clock for `serve` (BRIEFWIRE_CLOCK), for rehearsals and tests; null is the real one. */
  clock: ScaledClockSetting | null;
}

export interface WebConfig {
  /** BRIEFWIRE_PUBLIC_URL: where readers reach the pages (behind a reverse proxy); null: no links. */
  publicUrl: string | null;
  /** BRIEFWIRE_WEB_PORT for `serve`; `web` takes --port. */
  port: number | null;
  /** BRIEFWIRE_WEB_SECRET; null: one generated on first start and kept in the store. */
  secret: string | null;
}

export type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_DB = './data/briefwire.db';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/**
 * The folder holding Briefwire's package.json, found by walking up from this module: the same
 * answer from the sources (src/) and from the build (dist/src/).
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The topics shipped with the code, found next to it rather than in the working directory. */
export const BUILTIN_TOPICS_DIR = join(PACKAGE_ROOT, 'briefings');

function invalid(variable: string, message: string): BriefwireError {
  return new BriefwireError('CONFIG_INVALID', `${variable}: ${message}`, variable);
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
  const db = (overrides.db?.trim() || pick('BRIEFWIRE_DB')) ?? databaseUrl ?? DEFAULT_DB;

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
    maxFileBytes: maxFileBytes(pick('BRIEFWIRE_MAX_FILE_BYTES')),
    fetchAllow: fetchAllow(pick('BRIEFWIRE_FETCH_ALLOW')),
    feedEveryMs: duration('BRIEFWIRE_FEED_EVERY', pick('BRIEFWIRE_FEED_EVERY') ?? '15m'),
    feedFailingAfterMs: duration(
      'BRIEFWIRE_FEED_FAILING_AFTER',
      pick('BRIEFWIRE_FEED_FAILING_AFTER') ?? '24h',
      30 * MAX_EVERY_MS,
    ),
    web: webConfig(pick),
    ingestThreads: ingestThreads(pick('BRIEFWIRE_INGEST_THREADS')),
    clock: clockSetting(pick('BRIEFWIRE_CLOCK')),
  };
}

function webConfig(pick: (name: string) => string | undefined): WebConfig {
  const publicUrl = pick('BRIEFWIRE_PUBLIC_URL');
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+/i.test(publicUrl))
    throw invalid(
      'BRIEFWIRE_PUBLIC_URL',
      `must be an http(s) URL such as https://news.example.org/briefwire (got "${publicUrl}")`,
    );
  const port = pick('BRIEFWIRE_WEB_PORT');
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65_535))
    throw invalid('BRIEFWIRE_WEB_PORT', `must be a port number from 0 to 65535 (got "${port}")`);
  const secret = pick('BRIEFWIRE_WEB_SECRET');
  if (secret !== undefined && secret.length < 16)
    throw invalid(
      'BRIEFWIRE_WEB_SECRET',
      'must be at least 16 characters (e.g. openssl rand -base64 32)',
    );
  return {
    publicUrl: publicUrl ? publicUrl.replace(/\/+$/, '') : null,
    port: port === undefined ? null : Number(port),
    secret: secret ?? null,
  };
}

function ingestThreads(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d{1,3}$/.test(value) || Number(value) > 256)
    throw invalid(
      'BRIEFWIRE_INGEST_THREADS',
      `must be a whole number of threads from 0 (analyse on the main thread) to 256 (got "${value}")`,
    );
  return Number(value);
}

const CLOCK_SETTING = /^(\S+?)(?:\s*x\s*(\d+(?:\.\d+)?))?(?:\s*@\s*(\S+))?$/i;

/**
 * `START [xSPEED] [@ANCHOR]`: the clock shows START (an ISO instant) at the real instant ANCHOR
 * (ISO, or epoch milliseconds; the process's start when left out) and runs SPEED times as fast.
 * Replicas given the same value agree on the time.
 */
function clockSetting(value: string | undefined): ScaledClockSetting | null {
  if (value === undefined) return null;
  const m = CLOCK_SETTING.exec(value);
  const instant = (text: string): number =>
    /^\d{1,15}$/.test(text)
      ? Number(text)
      : /^\d{4}-\d\d-\d\dT/.test(text)
        ? Date.parse(text)
        : Number.NaN;
  const start = m ? instant(m[1] ?? '') : Number.NaN;
  const speed = m?.[2] === undefined ? 1 : Number(m[2]);
  const anchorMs = m?.[3] === undefined ? Date.now() : instant(m[3]);
  if (
    !m ||
    !Number.isFinite(start) ||
    !Number.isFinite(anchorMs) ||
    !(speed > 0 && speed <= 100_000)
  )
    throw invalid(
      'BRIEFWIRE_CLOCK',
      `must be START [xSPEED] [@ANCHOR], e.g. "2026-03-01T08:00:00Z x600 @2026-12-06T18:00:00Z", with a speed above 0 and at most 100000 (got "${value}")`,
    );
  return { start: new Date(start), speed, anchorMs };
}

/** Hosts (`localhost`, `127.0.0.1`, `[::1]`) or CIDRs (`10.0.0.0/8`), comma-separated. */
function fetchAllow(value: string | undefined): string[] {
  if (value === undefined) return [];
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!/^[\w.:[\]-]+(?:\/\d{1,3})?$/.test(entry))
      throw invalid(
        'BRIEFWIRE_FETCH_ALLOW',
        `"${entry}" is not a host name, an address or a CIDR (e.g. 127.0.0.1,localhost,10.0.0.0/8)`,
      );
  }
  return entries;
}

function duration(variable: string, value: string, max = MAX_EVERY_MS): number {
  const ms = parseDuration(value, 60_000, max);
  if (ms === null)
    throw invalid(
      variable,
      `must be a duration of at least 1m such as 15m, 2h or 1d (got "${value}")`,
    );
  return ms;
}

function maxFileBytes(value: string | undefined): number {
  if (value === undefined) return LIMITS.fileBytes;
  const bytes = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1)
    throw invalid(
      'BRIEFWIRE_MAX_FILE_BYTES',
      `must be a positive whole number of bytes, e.g. ${LIMITS.fileBytes} for 10 MiB (got "${value}")`,
    );
  return bytes;
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

function slackConfig(pick: (name: string) => string | undefined): SlackSettings | null {
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
  // Digits only: Number() would read "1e3" as 1000 and "0x50" as 80.
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port <= 65535)) throw invalid('PORT', `must be a port number (got "${portText}")`);
  const managers = (pick('SLACK_MANAGERS') ?? '').split(/[\s,]+/).filter(Boolean);
  return { botToken, signingSecret, appToken, apiUrl, port, managers };
}

function discordConfig(pick: (name: string) => string | undefined): DiscordSettings | null {
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
  const shardsText = pick('BRIEFWIRE_DISCORD_SHARDS');
  const shards = shardsText === undefined ? null : parseDiscordShards(shardsText);
  if (typeof shards === 'string') throw invalid('BRIEFWIRE_DISCORD_SHARDS', shards);
  return {
    token,
    applicationId,
    guildId: pick('DISCORD_GUILD_ID') ?? null,
    apiUrl,
    messageContent: flag === '1' || flag === 'true',
    ...(shards ? { shards } : {}),
  };
}

/** Read from the working directory at start, under whatever the environment already sets. */
export const DOTENV_FILE = '.env';

/** A line as Node's parser reads it: optional `export`, a name, `=`, then the value. */
const DOTENV_LINE = /^\s*(?:export\s+)?[A-Za-z_][\w.-]*\s*=\s*(.*)$/;

/**
 * The first line Node's parser would silently misread: one with no NAME= (Node glues it onto
 * the next line's name) or a quote never closed (Node keeps the quote in the value).
 */
function malformedLine(text: string): { line: number; reason: string } | null {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*(?:#|$)/.test(line)) continue;
    const value = DOTENV_LINE.exec(line)?.[1];
    if (value === undefined) return { line: i + 1, reason: 'expected NAME=value' };
    const quote = value[0];
    if (quote !== '"' && quote !== "'" && quote !== '`') continue;
    // A quoted value may run over several lines, up to its closing quote.
    let rest = value.slice(1);
    let end = i;
    while (!rest.includes(quote)) {
      end++;
      if (end >= lines.length) return { line: i + 1, reason: `the ${quote} quote is never closed` };
      rest = lines[end] ?? '';
    }
    i = end;
  }
  return null;
}

/**
 * The variables of `<cwd>/.env` as Node's own parser reads them (comments, quotes, `export`,
 * multi-line quoted values); none when there is no such file. A file that cannot be read or
 * has a malformed line is a CONFIG_INVALID error naming the file.
 */
export function readDotEnv(cwd: string): Record<string, string> {
  const file = join(cwd, DOTENV_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new BriefwireError('CONFIG_INVALID', `${file}: cannot be read: ${reasonOf(e)}`, file, {
      cause: e,
    });
  }
  const bad = malformedLine(text);
  if (bad) throw new BriefwireError('CONFIG_INVALID', `${file}:${bad.line}: ${bad.reason}`, file);
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(parseEnv(text)))
    if (value !== undefined) vars[name] = value;
  return vars;
}

/**
 * The environment with the file's variables under it: a variable the environment sets wins;
 * an empty value on either side counts as unset, so it neither overrides nor hides the other.
 */
export function mergeEnv(env: Env, fromFile: Readonly<Record<string, string>>): Env {
  const merged: Record<string, string | undefined> = { ...env };
  for (const [name, value] of Object.entries(fromFile))
    if (value.trim() !== '' && !env[name]?.trim()) merged[name] = value;
  return merged;
}

/** The environment a command sees: `env` over the `.env` in `cwd`. */
export function withDotEnv(env: Env, cwd: string): Env {
  return mergeEnv(env, readDotEnv(cwd));
}

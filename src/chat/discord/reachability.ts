import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import {
  type Client,
  DiscordAPIError,
  HTTPError,
  type RESTGetAPIGatewayBotResult,
  Routes,
} from 'discord.js';
import { BriefwireError, reasonOf } from '../../model/errors.ts';

/**
 * Before discord.js logs in, the REST API and the gateway are each checked once, in bounded
 * time, so an unreachable Discord fails the start naming the URL. The client itself cannot be
 * relied on for this: a shard destroyed while its gateway handshake is pending reconnects
 * after the destroy, or dies of an unhandled 'error' event once the handshake times out.
 */

/** The whole start: these checks, then login until the client is ready. */
export const DISCORD_START_BOUND_MS = 25_000;
/** One check (the gateway/bot request; the gateway's handshake and hello) unanswered this long has failed. */
export const DISCORD_CHECK_TIMEOUT_MS = 10_000;

/** Fails with PLATFORM_FAILED naming the REST base or the gateway URL that could not be reached by `deadline` (epoch ms). */
export async function checkReachable(
  client: Client,
  token: string,
  deadline: number,
): Promise<void> {
  const api = client.rest.options.api;
  const within = (): number =>
    Math.max(1, Math.min(DISCORD_CHECK_TIMEOUT_MS, deadline - Date.now()));
  client.rest.setToken(token);
  let gateway: string;
  const restMs = within();
  try {
    const info = (await client.rest.get(Routes.gatewayBot(), {
      signal: AbortSignal.timeout(restMs),
    })) as RESTGetAPIGatewayBotResult;
    gateway = info.url;
  } catch (e) {
    throw unreachable(restFailure(e, api, restMs), api, e);
  }
  try {
    await hearHello(gateway, within());
  } catch (e) {
    throw unreachable(
      `Discord: could not reach the gateway at ${gateway}: ${reasonOf(e)}`,
      gateway,
      e,
    );
  }
}

function unreachable(message: string, input: string, cause: unknown): BriefwireError {
  return new BriefwireError('PLATFORM_FAILED', message, input, { cause });
}

function restFailure(e: unknown, api: string, ms: number): string {
  if (e instanceof DiscordAPIError && e.status === 401)
    return `Discord refused the token (HTTP 401 from ${api}): check DISCORD_TOKEN`;
  if (e instanceof DiscordAPIError || e instanceof HTTPError)
    return `Discord: the API at ${api} answered HTTP ${e.status}`;
  const timedOut = e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');
  return `Discord: could not reach the API at ${api}: ${timedOut ? `no answer within ${seconds(ms)}` : reasonOf(e)}`;
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/**
 * Opens a WebSocket to the gateway far enough to hear its first frame (HELLO), then drops it:
 * only the opening handshake (RFC 6455 §4.1) over node:http, as Node 20 has no WebSocket client
 * and the checks should not depend on discord.js's.
 */
function hearHello(gatewayUrl: string, timeoutMs: number): Promise<void> {
  const url = new URL(gatewayUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.searchParams.set('v', '10');
  url.searchParams.set('encoding', 'json');
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<void>((resolve, reject) => {
    let upgraded: Socket | null = null;
    let settled = false;
    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      upgraded?.destroy();
      req.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(
      () => settle(new Error(`no ${upgraded ? 'hello' : 'answer'} within ${seconds(timeoutMs)}`)),
      timeoutMs,
    );
    const req = request(url, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
      },
    });
    req.on('upgrade', (_res, socket: Socket, head: Buffer) => {
      upgraded = socket;
      if (head.length > 0) return settle();
      socket.once('data', () => settle());
      socket.once('close', () => settle(new Error('the connection closed before the hello')));
      socket.on('error', () => {});
    });
    req.on('response', (res) => {
      res.resume();
      settle(new Error(`answered HTTP ${res.statusCode} instead of opening a WebSocket`));
    });
    req.on('error', (e) => settle(e));
    req.end();
  });
}

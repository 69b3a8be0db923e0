import { spawn } from 'node:child_process';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { DISCORD_START_BOUND_MS } from '../../src/chat/discord/reachability.ts';
import { createSlackAdapter } from '../../src/chat/slack/index.ts';
import { SLACK_START_BOUND_MS } from '../../src/chat/slack/start-bound.ts';
import type { InboundHandlers } from '../../src/model/chat-port.ts';
import { startFakeSlack } from '../fakes/slack/server.ts';
import { tempDir } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/shared.ts';

/**
 * `briefwire serve`, the real executable, with the platform's API (or the gateway it is sent
 * to) unreachable: a closed port on 127.0.0.1, or a server that accepts the connection and
 * never answers. Each must exit non-zero by itself within the adapter's start bound, print the
 * failure once naming the URL, and print no stack trace. bin/briefwire.js calls process.exit
 * only after saying a connection was left open, so where that line is absent, exiting at all
 * shows the failed start released what it had opened.
 */

/** Starting node, tsx and the platform library on a busy machine, and tearing down. */
const PROCESS_MARGIN_MS = 10_000;

const tmp = tempDir();
let closedPort = 0;
let silent: { server: Server; sockets: Set<Socket>; port: number };
const httpFakes: HttpServer[] = [];

async function listen<T extends Server | HttpServer>(server: T): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** A 127.0.0.1 HTTP server answering every request with `body` as JSON. */
async function answering(body: unknown): Promise<string> {
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  httpFakes.push(server);
  return `http://127.0.0.1:${await listen(server)}`;
}

beforeAll(async () => {
  const probe = createServer();
  closedPort = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  silent = { server, sockets, port: await listen(server) };
});

afterAll(async () => {
  for (const socket of silent.sockets) socket.destroy();
  silent.server.close();
  for (const server of httpFakes) {
    server.closeAllConnections();
    server.close();
  }
  tmp.cleanup();
});

interface Outcome {
  code: number | string | null;
  ms: number;
  stderr: string;
}

let runs = 0;
async function serve(env: Record<string, string>, boundMs: number): Promise<Outcome> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'bin/briefwire.js'), 'serve', '--db', join(tmp.dir, `serve-${++runs}.db`)],
    { cwd: tmp.dir, env: { PATH: process.env.PATH ?? '', HOME: tmp.dir, ...env } },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'still running'>((resolve) => {
    timer = setTimeout(() => resolve('still running'), boundMs + PROCESS_MARGIN_MS);
  });
  try {
    const code = await Promise.race([exited, deadline]);
    return { code, ms: Date.now() - started, stderr };
  } finally {
    clearTimeout(timer);
    child.kill('SIGKILL');
  }
}

/** The failure printed once, as `briefwire serve: <message> [PLATFORM_FAILED]`, naming `url`; no stack trace. */
function expectOneClearFailure(
  outcome: Outcome,
  boundMs: number,
  url: string,
  reason: RegExp,
  leftOpen = false,
) {
  const { code, ms, stderr } = outcome;
  expect(stderr.includes('a connection was still open'), stderr).toBe(leftOpen);
  expect(code, stderr).toBe(1);
  expect(ms, stderr).toBeLessThan(boundMs + PROCESS_MARGIN_MS);
  const failures = stderr.split('\n').filter((line) => line.includes('PLATFORM_FAILED'));
  expect(failures, stderr).toHaveLength(1);
  expect(failures[0]).toMatch(/^briefwire serve: .* \[PLATFORM_FAILED\]$/);
  expect(failures[0]).toContain(url);
  expect(failures[0]).toMatch(reason);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('serving on');
}

const REFUSED = /ECONNREFUSED/;
const NO_ANSWER = /no answer within \d+ s/;
const timeout = (boundMs: number) => boundMs + PROCESS_MARGIN_MS + 5_000;

describe.concurrent('briefwire serve, Slack unreachable at start', () => {
  const bound = SLACK_START_BOUND_MS;

  it('Socket Mode, the Web API on a closed port', { timeout: timeout(bound) }, async () => {
    const api = `http://127.0.0.1:${closedPort}/api/`;
    const outcome = await serve(
      { SLACK_BOT_TOKEN: 'xoxb-portline', SLACK_APP_TOKEN: 'xapp-portline', SLACK_API_URL: api },
      bound,
    );
    expectOneClearFailure(outcome, bound, api, REFUSED);
  });

  it('HTTP mode, a Web API that accepts and never answers', {
    timeout: timeout(bound),
  }, async () => {
    const api = `http://127.0.0.1:${silent.port}/api/`;
    const outcome = await serve(
      {
        SLACK_BOT_TOKEN: 'xoxb-portline',
        SLACK_SIGNING_SECRET: 'marrowby-secret',
        SLACK_API_URL: api,
        PORT: '0',
      },
      bound,
    );
    expectOneClearFailure(outcome, bound, api, NO_ANSWER);
  });

  it('Socket Mode, the WebSocket URL Slack hands out on a closed port', {
    timeout: timeout(bound),
  }, async () => {
    const socketUrl = `ws://127.0.0.1:${closedPort}/socket`;
    const api = `${await answering({ ok: true, user_id: 'UMARA', bot_id: 'BMARA', url: socketUrl })}/api/`;
    const outcome = await serve(
      { SLACK_BOT_TOKEN: 'xoxb-portline', SLACK_APP_TOKEN: 'xapp-portline', SLACK_API_URL: api },
      bound,
    );
    expectOneClearFailure(outcome, bound, socketUrl, /closed before Slack said hello/);
  });
});

describe.concurrent('briefwire serve, Discord unreachable at start', () => {
  const bound = DISCORD_START_BOUND_MS;
  const discord = (api: string) => ({
    DISCORD_TOKEN: 'quist-token',
    DISCORD_APPLICATION_ID: '100',
    DISCORD_GUILD_ID: '200',
    DISCORD_API_URL: api,
  });
  /** A REST API whose gateway/bot sends the client to `gateway`. */
  const restSendingTo = async (gateway: string) =>
    `${await answering({
      url: gateway,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
    })}/api`;

  it('the REST API on a closed port', { timeout: timeout(bound) }, async () => {
    const api = `http://127.0.0.1:${closedPort}/api`;
    expectOneClearFailure(await serve(discord(api), bound), bound, api, REFUSED);
  });

  it('a REST API that accepts and never answers', { timeout: timeout(bound) }, async () => {
    const api = `http://127.0.0.1:${silent.port}/api`;
    expectOneClearFailure(await serve(discord(api), bound), bound, api, NO_ANSWER);
  });

  it('REST answers, the gateway on a closed port', { timeout: timeout(bound) }, async () => {
    const gateway = `ws://127.0.0.1:${closedPort}`;
    const outcome = await serve(discord(await restSendingTo(gateway)), bound);
    expectOneClearFailure(outcome, bound, `the gateway at ${gateway}`, REFUSED);
  });

  it('REST answers, a gateway that accepts and never answers the handshake', {
    timeout: timeout(bound),
  }, async () => {
    const gateway = `ws://127.0.0.1:${silent.port}`;
    const outcome = await serve(discord(await restSendingTo(gateway)), bound);
    expectOneClearFailure(outcome, bound, `the gateway at ${gateway}`, NO_ANSWER);
  });
});

describe('briefwire serve, a Discord gateway that says HELLO and never READY', () => {
  const bound = DISCORD_START_BOUND_MS;
  let gateway: WebSocketServer;
  let gatewayUrl = '';
  beforeAll(async () => {
    gateway = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => gateway.once('listening', () => resolve()));
    gateway.on('connection', (socket) => {
      // HELLO, then silence: IDENTIFY is never answered with READY.
      socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    });
    gatewayUrl = `ws://127.0.0.1:${(gateway.address() as { port: number }).port}`;
  });
  afterAll(() => {
    for (const client of gateway.clients) client.terminate();
    gateway.close();
  });

  // The ready wait ends the start at the bound; closing the client (which the library cannot
  // finish in this state) and the process's own exit add a few seconds more.
  const settleMs = 6_000;
  it('exits non-zero after the bound, naming the API, with no stack trace', {
    timeout: timeout(bound + settleMs),
  }, async () => {
    const api = `${await answering({
      url: gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
    })}/api`;
    const env = {
      DISCORD_TOKEN: 'quist-token',
      DISCORD_APPLICATION_ID: '100',
      DISCORD_API_URL: api,
    };
    const outcome = await serve(env, bound + settleMs);
    // The library cannot close a shard in this state: the process says so and ends anyway.
    expectOneClearFailure(outcome, bound + settleMs, api, /not ready within/, true);
  });
});

describe('Slack: nothing is retried while starting, the library retries once started', () => {
  const unused = (): never => {
    throw new Error('no inbound event is sent in this test');
  };
  const handlers: InboundHandlers = {
    command: unused,
    autocomplete: unused,
    briefingPosted: unused,
    threadMessage: unused,
  };

  it('fails a start on the first 503 from auth.test, then retries a 503 after starting', async () => {
    const slack = await startFakeSlack();
    // No retryConfig: the library's own policy, as in production.
    const adapter = createSlackAdapter(
      {
        botToken: 'xoxb-portline',
        signingSecret: 'marrowby-secret',
        appToken: null,
        apiUrl: slack.apiUrl,
        port: 0,
        managers: [],
      },
      { commands: [], host: '127.0.0.1', log: () => {} },
    );
    const calls = (method: string) =>
      slack.calls.filter((c) => c.method === method).map((c) => c.status);
    try {
      slack.failNext('auth.test', 1, { status: 503 });
      await expect(adapter.start(handlers)).rejects.toMatchObject({
        code: 'PLATFORM_FAILED',
        message: expect.stringMatching(/answered HTTP 503$/),
        input: expect.stringContaining(slack.apiUrl),
      });
      expect(calls('auth.test')).toEqual([503]);

      await adapter.start(handlers);
      slack.failNext('conversations.history', 1, { status: 503 });
      const where = { platform: 'slack' as const, workspace: 'T0FAKE', channel: 'C0HARBOUR' };
      expect(await adapter.findDigest(where, 'quist-digest')).toBeNull();
      expect(calls('conversations.history')).toEqual([503, 200]);
    } finally {
      await adapter.stop();
      await slack.close();
    }
  });
});

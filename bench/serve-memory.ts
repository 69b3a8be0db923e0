import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { commandForm, eventCallback, postSigned } from '../tests/fakes/slack/requests.ts';
import { startFakeSlack } from '../tests/fakes/slack/server.ts';
import { benchQuestion } from './answer-latency.ts';

/**
 * Resident memory of a real `briefwire serve` (Slack, HTTP mode, against the fake Slack) holding
 * a large store, after a briefing and `answers` follow-up questions in its thread, ten at a time.
 */

const BIN = fileURLToPath(new URL('../bin/briefwire.js', import.meta.url));
const SECRET = 'bench-secret';
const CHANNEL = 'C0NEWS';

export interface ServeMemory {
  answers: number;
  rssMB: number;
  peakRssMB: number;
  seconds: number;
}

export async function serveMemory(db: string, topic: string, answers = 1000): Promise<ServeMemory> {
  const fake = await startFakeSlack();
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db], {
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const events = `http://127.0.0.1:${port}/slack/events`;
  const posts = (): number => fake.succeeded('chat.postMessage').length;
  try {
    await until(() => log.includes('briefwire serving'), `serve to start (log: ${log})`);
    const t0 = performance.now();
    await postSigned(
      events,
      SECRET,
      commandForm({ text: topic, response_url: fake.responseUrl('b') }),
      'application/x-www-form-urlencoded',
    );
    await until(() => posts() >= 1, 'the briefing');
    const threadTs = String(fake.succeeded('chat.postMessage')[0]!.response.ts);
    for (let start = 0; start < answers; start += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, answers - start) }, (_, k) => {
          const i = start + k;
          const event = {
            type: 'message' as const,
            channel: CHANNEL,
            user: 'U0MEMBER',
            text: benchQuestion(i),
            ts: `1800000000.${String(i).padStart(6, '0')}`,
            thread_ts: threadTs,
          };
          return postSigned(
            events,
            SECRET,
            JSON.stringify(eventCallback(event)),
            'application/json',
          );
        }),
      );
      await until(() => posts() >= 1 + start + Math.min(10, answers - start), 'answers');
    }
    const seconds = (performance.now() - t0) / 1000;
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (field: string): number =>
      Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return {
      answers,
      rssMB: (kb('VmRSS') * 1024) / 1e6,
      peakRssMB: (kb('VmHWM') * 1024) / 1e6,
      seconds,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await fake.close();
  }
}

async function until(done: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`bench: waited too long for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { FAKE_TEAM, type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import { waitFor } from '../fakes/slack/wait.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import { type NewsServer, rssFeed, startNewsServer } from '../helpers/news-server.ts';
import { repoRoot } from '../helpers/shared.ts';

/**
 * Two real `briefwire serve` processes on one PostgreSQL database, the fake Slack and feeds on
 * 127.0.0.1, sharing one simulated clock (BRIEFWIRE_CLOCK at 1440× real time: a day passes in
 * a minute). Over two and a half days of slots, across a daylight-saving change, every digest
 * slot is posted exactly once; one replica is SIGKILLed while it holds a claimed slot (the
 * fake Slack never answers that post), and the survivor posts the slot after the lease; every
 * feed is polled once per due time. Takes about three minutes. Needs TEST_DATABASE_URL.
 */

const admin = process.env.TEST_DATABASE_URL;
const BIN = join(repoRoot, 'bin/briefwire.js');
const tmp = tempDir('briefwire-serve-replicas-');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SPEED = 1440;
/** Sim time: a Friday evening before the clocks go forward in Europe/London (29 March 2026). */
const START = Date.parse('2026-03-27T20:00:00Z');
const ANCHOR = Date.now();
const CLOCK = `${new Date(START).toISOString()} x${SPEED} @${ANCHOR}`;
const simNow = (real = Date.now()): number => START + (real - ANCHOR) * SPEED;
const realAt = (sim: number): number => ANCHOR + (sim - START) / SPEED;
const HOURLY = 'C0HOURLY';
const DAILY = 'C0DAILY';
const FEEDS = 5;
const FEED_EVERY = 6 * HOUR;

describe.skipIf(!admin)(
  'two serve processes on one PostgreSQL database, on a simulated clock',
  () => {
    let fake: FakeSlack;
    const feedServers: NewsServer[] = [];
    const name = `bw_serve_${process.pid}_${Date.now().toString(36)}`;
    const children: ChildProcess[] = [];
    const logs = new Map<ChildProcess, string[]>();
    const url = new URL(admin ?? 'postgres://x/y');
    url.pathname = `/${name}`;
    const db = url.toString();

    afterAll(async () => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await fake?.close();
      for (const s of feedServers) await s.close();
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      tmp.cleanup();
    });

    const env = (): Record<string, string> => ({
      PATH: process.env.PATH ?? '',
      HOME: tmp.dir,
      BRIEFWIRE_CLOCK: CLOCK,
      BRIEFWIRE_FETCH_ALLOW: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-fake',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
    });
    const cli = async (args: string[]): Promise<void> => {
      const r = await runCli([...args, '--db', db], env());
      expect(r.code, r.stderr).toBe(0);
    };
    /** Each channel's digest slots (sim epoch ms), in the order they were posted. */
    const posted = (channel: string): number[] =>
      fake.channels
        .history(channel, 1000, true)
        .reverse()
        .map((m) => String(m.metadata?.event_payload.key ?? '').split('@')[1] ?? '')
        .map((t) => Date.parse(t.replace(/Z$/, ':00Z')));

    it(
      'posts every slot once over days, survives a replica killed mid-slot, and polls each feed once per due time',
      async () => {
        fake = await startFakeSlack();
        const client = new pg.Client({ connectionString: admin });
        await client.connect();
        await client.query(`CREATE DATABASE ${name}`);
        await client.end();
        // One server (one host:port) per feed, so the per-host politeness delay does not stagger them.
        for (let i = 0; i < FEEDS; i++) {
          const server = await startNewsServer();
          server.route('/feed.xml', {
            contentType: 'application/rss+xml',
            etag: `"v${i}"`,
            body: rssFeed(`Quay desk ${i}`, [
              {
                id: `quay-${i}`,
                title: `Ferry timetable kept, says desk ${i}`,
                link: server.url('/story'),
                content: `<p>Quayside Ferries will keep the Marrowby crossing open, Ilse Varn of desk ${i} said on Friday.</p>`,
              },
            ]),
          });
          feedServers.push(server);
        }
        await cli(['ingest', DEMO_ARTICLES]);
        await cli([
          'subscribe',
          DEMO_TOPIC,
          ...target(HOURLY),
          '--schedule',
          '0 * * * *',
          '--timezone',
          'UTC',
        ]);
        await cli([
          'subscribe',
          DEMO_TOPIC,
          ...target(DAILY),
          '--schedule',
          '30 7 * * *',
          '--timezone',
          'Europe/London',
        ]);
        for (const s of feedServers)
          await cli(['feeds', 'add', s.url('/feed.xml'), '--every', '6h']);

        const serve = (): ChildProcess => {
          const child = spawn(process.execPath, [BIN, 'serve', '--db', db], {
            cwd: tmp.dir,
            env: env(),
          });
          const chunks: string[] = [];
          child.stderr?.on('data', (d: Buffer) => {
            chunks.push(d.toString());
          });
          logs.set(child, chunks);
          children.push(child);
          return child;
        };
        const logOf = (c: ChildProcess): string => (logs.get(c) ?? []).join('');
        const [a, b] = [serve(), serve()];
        await waitFor(
          'both replicas serving',
          () => [a, b].every((c) => logOf(c).includes('serving on slack')),
          MINUTE,
        );
        const readyAt = simNow();

        // A day in, the next hourly post hangs; the replica that claimed it is killed.
        await sleepUntil(realAt(readyAt + 24 * HOUR));
        const stalled = await fake.stallNext('chat.postMessage');
        // Not while a feed poll is in flight: a poll cut by the kill is rightly polled again.
        const lastPoll = (): number =>
          Math.max(...feedServers.flatMap((s) => s.arrivals('/feed.xml')));
        await waitFor('no feed poll in flight', () => Date.now() - lastPoll() > 500, 10_000);
        const { claimer, slot } = await claimOf(db, String(stalled.channel));
        const victim = [a, b].find((c) => c.pid === claimer)!;
        const survivor = victim === a ? b : a;
        expect(victim, `the claim is held by a replica (pid ${claimer})`).toBeDefined();
        victim.kill('SIGKILL');
        const killedAt = simNow();
        await waitFor(
          'the survivor posts the dead replica’s slot',
          () => posted(String(stalled.channel)).includes(slot),
          MINUTE,
        );
        expect(simNow() - slot, 'taken over after the 15-minute lease').toBeGreaterThan(
          15 * MINUTE,
        );

        await sleepUntil(realAt(readyAt + 60 * HOUR));
        survivor.kill('SIGTERM');
        await new Promise((resolve) => survivor.once('exit', resolve));
        const endAt = simNow();
        expect(logOf(survivor)).toContain('clock: simulated (BRIEFWIRE_CLOCK)');

        // Every hourly slot from the first after both were up to the last before the stop: once each.
        const hourly = posted(HOURLY);
        expect(new Set(hourly).size, 'no hourly slot twice').toBe(hourly.length);
        const firstHour = Math.ceil(readyAt / HOUR) * HOUR;
        const expectedHours: number[] = [];
        for (let t = firstHour; t <= endAt - HOUR; t += HOUR) expectedHours.push(t);
        expect(hourly.filter((t) => t >= firstHour && t <= endAt - HOUR)).toEqual(expectedHours);
        expect(expectedHours.length).toBeGreaterThan(55);
        expect(
          hourly.some((t) => t > killedAt),
          'slots after the kill are posted',
        ).toBe(true);
        // 07:30 in London each morning: GMT on Saturday, BST from Sunday.
        expect(posted(DAILY)).toEqual(
          ['2026-03-28T07:30:00Z', '2026-03-29T06:30:00Z', '2026-03-30T06:30:00Z']
            .map((t) => Date.parse(t))
            .filter((t) => t > readyAt && t <= endAt - HOUR),
        );
        // The ledger agrees: everything after the start was sent, nothing failed or left claimed.
        expect(await ledgerStates(db, readyAt)).toEqual(['sent']);

        // Each feed: polled at its due times only, 6 hours (plus its fixed jitter of up to 10%)
        // apart, a poll late by at most the dead replica's 15-minute lease and a minute's tick.
        for (const [i, s] of feedServers.entries()) {
          const polls = s.arrivals('/feed.xml').map((t) => simNow(t));
          const gaps = polls.slice(1).map((t, k) => t - polls[k]!);
          for (const gap of gaps) {
            expect(gap, `feed ${i}: a poll before its due time`).toBeGreaterThan(
              FEED_EVERY - 2 * MINUTE,
            );
            expect(gap, `feed ${i}: a poll long overdue`).toBeLessThan(
              FEED_EVERY * 1.1 + 20 * MINUTE,
            );
          }
          expect(endAt - polls.at(-1)!, `feed ${i}: starved at the end`).toBeLessThan(
            FEED_EVERY * 1.1 + 20 * MINUTE,
          );
          expect(polls.length).toBeGreaterThanOrEqual(9);
        }
      },
      6 * MINUTE,
    );
  },
);

function target(channel: string): string[] {
  return ['--platform', 'slack', '--workspace', FAKE_TEAM, '--channel', channel];
}

async function sleepUntil(realMs: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, realMs - Date.now())));
}

/** Who claimed the channel's slot that is in flight (the pid in its replica id), and the slot. */
async function claimOf(db: string, channel: string): Promise<{ claimer: number; slot: number }> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    const { rows } = await client.query<{ claimed_by: string; slot: string }>(
      `SELECT d.claimed_by, d.slot FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
        WHERE d.state = 'claimed' AND s.channel = $1`,
      [channel],
    );
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    return { claimer: Number(row.claimed_by.split(':').at(-2)), slot: Date.parse(row.slot) };
  } finally {
    await client.end();
  }
}

/** The distinct states of ledger rows for slots after `sinceMs`. */
async function ledgerStates(db: string, sinceMs: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    const { rows } = await client.query<{ state: string }>(
      'SELECT DISTINCT state FROM deliveries WHERE slot > $1 ORDER BY state',
      [new Date(sinceMs).toISOString()],
    );
    return rows.map((r) => r.state);
  } finally {
    await client.end();
  }
}

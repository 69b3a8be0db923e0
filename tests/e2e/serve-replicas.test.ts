import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { FAKE_TEAM, type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import { waitFor } from '../fakes/slack/wait.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/shared.ts';

/**
 * Two real `briefwire serve` processes on one PostgreSQL database and the fake Slack, on the
 * real clock: digests subscribed for every minute are each posted once, by one replica or the
 * other, and when one replica is killed the other goes on alone, losing no minute and doubling
 * none. Takes about three minutes. Needs TEST_DATABASE_URL.
 */

const admin = process.env.TEST_DATABASE_URL;
const BIN = join(repoRoot, 'bin/briefwire.js');
const tmp = tempDir('briefwire-serve-replicas-');
const CHANNELS = ['C0REPA', 'C0REPB'];
const MINUTE = 60_000;

describe.skipIf(!admin)('two serve processes on one PostgreSQL database', () => {
  let fake: FakeSlack;
  let db: string;
  const name = `bw_serve_${process.pid}_${Date.now().toString(36)}`;
  const children: ChildProcess[] = [];

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await fake?.close();
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
    tmp.cleanup();
  });

  /** Each channel's digest keys ("<subscription>@<minute>"), oldest first. */
  const keys = (channel: string): string[] =>
    fake.channels
      .history(channel, 1000, true)
      .reverse()
      .map((m) => String(m.metadata?.event_payload.key ?? ''));

  it(
    'posts every minute once from two replicas, and once from the survivor after one is killed',
    async () => {
      fake = await startFakeSlack();
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      const url = new URL(admin!);
      url.pathname = `/${name}`;
      db = url.toString();
      expect((await runCli(['ingest', DEMO_ARTICLES, '--db', db])).code).toBe(0);
      for (const channel of CHANNELS) {
        const sub = await runCli([
          'subscribe',
          DEMO_TOPIC,
          '--platform',
          'slack',
          '--workspace',
          FAKE_TEAM,
          '--channel',
          channel,
          '--schedule',
          '* * * * *',
          '--timezone',
          'UTC',
          '--db',
          db,
        ]);
        expect(sub.code, sub.stderr).toBe(0);
      }
      const serve = () => {
        const child = spawn(process.execPath, [BIN, 'serve', '--db', db], {
          cwd: tmp.dir,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: tmp.dir,
            SLACK_BOT_TOKEN: 'xoxb-fake',
            SLACK_SIGNING_SECRET: 'secret',
            SLACK_API_URL: fake.apiUrl,
            PORT: '0',
          },
        });
        children.push(child);
        return child;
      };
      const [a, b] = [serve(), serve()];
      // Two minutes of slots with both running.
      await waitFor(
        'two digests in every channel',
        () => CHANNELS.every((c) => keys(c).length >= 2),
        3 * MINUTE,
      );
      a.kill('SIGKILL');
      const before = keys(CHANNELS[0]!).length;
      await waitFor(
        'a digest from the survivor',
        () => keys(CHANNELS[0]!).length > before,
        2 * MINUTE,
      );
      expect(b.exitCode).toBeNull();
      for (const channel of CHANNELS) {
        const posted = keys(channel);
        // Every minute once: no key twice, and the minutes follow one another.
        expect(new Set(posted).size).toBe(posted.length);
        const minutes = posted.map((k) =>
          Date.parse((k.split('@')[1] ?? '').replace(/Z$/, ':00Z')),
        );
        for (let i = 1; i < minutes.length; i++) expect(minutes[i]! - minutes[i - 1]!).toBe(MINUTE);
      }
    },
    6 * MINUTE,
  );
});

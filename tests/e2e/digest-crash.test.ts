import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTopics } from '../../src/briefing/topics.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { ChatAdapter, InboundHandlers } from '../../src/model/chat-port.ts';
import { threadKey } from '../../src/model/refs.ts';
import { digestKey } from '../../src/schedule/digest.ts';
import { createScheduler, type SlotReport } from '../../src/schedule/scheduler.ts';
import { slotLabel } from '../../src/schedule/slots.ts';
import { createStore } from '../../src/store/create.ts';
import type { Delivery } from '../../src/store/ports/delivery-ledger.ts';
import { IDS, type Json } from '../fakes/discord/payloads.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/server.ts';
import { FAKE_TEAM, type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import { waitFor } from '../fakes/slack/wait.ts';
import { tempDir } from '../helpers/cli.ts';
import { neverTicks } from '../helpers/clock.ts';
import { repoRoot } from '../helpers/shared.ts';
import { connectDiscord, connectSlack } from './digest-platforms.ts';

/**
 * A crash after send, before record: the real `briefwire serve` is SIGKILLed at the instant the
 * fake platform has stored its digest and not yet answered, so the ledger row stays 'claimed'.
 * A scheduler taking the slot over after the lease must not post the digest a second time:
 * it finds it in the channel (or, on Discord, the nonce hands back the first message).
 */

const BIN = join(repoRoot, 'bin/briefwire.js');
const TOPIC = 'marrowby-strike';
const run = promisify(execFile);
const tmp = tempDir('briefwire-crash-');
const template = join(tmp.dir, 'articles.db');
const topics = loadTopics(BUILTIN_TOPICS_DIR).topics;
/** Past the 15-minute lease, so the dead process's claim may be taken over. */
const afterLease = {
  now: () => new Date(Date.now() + 20 * 60_000),
  sleep: async () => {},
  everyMinute: neverTicks,
};

/** A message as a fake stored it: its id, and the digest key it carries (null: none). */
interface StoredDigest {
  id: string;
  key: string | null;
}

/** One platform's fake, as the test needs it. */
interface Rig {
  platform: 'slack' | 'discord';
  workspace: string;
  channel: string;
  /** The environment `briefwire serve` needs to reach the fake. */
  env: Record<string, string>;
  /** Calls back once the fake has stored a message in the channel, before it answers. */
  onStored(fn: ((m: StoredDigest) => void) | null): void;
  /** Every message the fake created in the channel, oldest first. */
  created(): StoredDigest[];
  /** The channel's history as findDigest reads it, narrowed to digests with this key. */
  visible(key: string): StoredDigest[];
  /** A real adapter started against the same fake. */
  adapter(handlers: InboundHandlers): Promise<ChatAdapter>;
  /** The test's clean-up. */
  later: Later;
}

/** Registers clean-up for the current test; the latest registered runs first. */
type Later = (fn: () => Promise<unknown> | unknown) => void;

/** One test's clean-up stack, run when it finishes, passed or failed. */
function scope(onTestFinished: (fn: () => Promise<void>) => void): Later {
  const stack: Array<() => Promise<unknown> | unknown> = [];
  onTestFinished(async () => {
    for (const fn of stack.splice(0).reverse()) await Promise.resolve(fn()).catch(() => {});
  });
  return (fn) => void stack.push(fn);
}

beforeAll(async () => {
  // Articles are analysed once; each test copies the file.
  const stores = await createStore(template);
  await ingestPaths(stores, [join(repoRoot, 'demo/articles')]);
  await stores.close();
});
afterAll(() => tmp.cleanup());

async function slackRig(later: Later): Promise<Rig> {
  const fake: FakeSlack = await startFakeSlack();
  later(() => fake.close());
  const channel = 'C0NEWS';
  const asDigest = (m: { ts: string; metadata?: { event_payload: Json } }): StoredDigest => ({
    id: m.ts,
    key: typeof m.metadata?.event_payload.key === 'string' ? m.metadata.event_payload.key : null,
  });
  return {
    platform: 'slack',
    workspace: FAKE_TEAM,
    channel,
    env: {
      SLACK_BOT_TOKEN: 'xoxb-fake',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
    },
    onStored(fn) {
      fake.channels.onMessageStored = fn
        ? (c, m) => {
            if (c === channel) fn(asDigest(m));
          }
        : undefined;
    },
    created: () => fake.channels.history(channel, 1000, true).reverse().map(asDigest),
    visible: (key) =>
      fake.channels
        .history(channel, 100, true)
        .map(asDigest)
        .filter((m) => m.key === key),
    adapter: (handlers) => connectSlack(fake.apiUrl, handlers),
    later,
  };
}

/** The key a Discord message shows in its content or an embed footer ("… · ref 1@…Z"). */
function discordKey(m: Json): string | null {
  const footers = ((m.embeds ?? []) as Json[]).map((e) => (e.footer as Json | undefined)?.text);
  for (const text of [m.content, ...footers]) {
    const hit = typeof text === 'string' ? /(?:^|[\s·])ref (\S+)/.exec(text) : null;
    if (hit) return hit[1] ?? null;
  }
  return null;
}

async function discordRig(later: Later): Promise<{ rig: Rig; fake: FakeDiscord }> {
  const fake = await startFakeDiscord();
  later(() => fake.close());
  const channel = IDS.channel;
  const asDigest = (m: Json): StoredDigest => ({ id: String(m.id), key: discordKey(m) });
  const rig: Rig = {
    platform: 'discord',
    workspace: IDS.guild,
    channel,
    env: {
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: IDS.app,
      DISCORD_GUILD_ID: IDS.guild,
      DISCORD_API_URL: fake.apiUrl,
    },
    onStored(fn) {
      fake.rest.onMessageStored = fn
        ? (c, m) => {
            if (c === channel) fn(asDigest(m));
          }
        : undefined;
    },
    created: () =>
      fake.rest.sent
        .filter((s) => s.via === 'channel' && s.channelId === channel && s.message)
        .map((s) => asDigest(s.message!)),
    visible: (key) =>
      fake.rest.channels
        .latest(channel, 50)
        .map(asDigest)
        .filter((m) => m.key === key),
    adapter: (handlers) => connectDiscord(fake.apiUrl, handlers),
    later,
  };
  return { rig, fake };
}

interface Crashed {
  db: string;
  subscriptionId: number;
  slot: Date;
  key: string;
  /** The digest the dead process got onto the platform. */
  first: StoredDigest;
}

/**
 * Subscribes the channel for the current minute, runs `briefwire serve`, and SIGKILLs it as soon
 * as the fake has stored the digest: the platform has it, the ledger does not know.
 */
async function crashAfterSend(rig: Rig, name: string): Promise<Crashed> {
  const { later } = rig;
  const db = join(tmp.dir, `${name}.db`);
  copyFileSync(template, db);
  const now = new Date();
  const slot = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const hhmm = now.toISOString().slice(11, 16);
  const { stdout } = await run(
    process.execPath,
    [
      BIN,
      'subscribe',
      TOPIC,
      ['--platform', rig.platform],
      ['--workspace', rig.workspace],
      ['--channel', rig.channel],
      ['--schedule', hhmm],
      ['--timezone', 'UTC'],
      ['--db', db],
    ].flat(),
  );
  const subscriptionId = Number(/^Subscription #(\d+)/.exec(stdout)?.[1]);
  expect(subscriptionId).toBeGreaterThan(0);
  // Arranging the data: a subscription only owes slots after it was made, and this minute's
  // slot began before it; moving scheduled_from back an hour makes that slot due at once.
  const raw = new Database(db);
  raw
    .prepare('UPDATE subscriptions SET scheduled_from = ? WHERE id = ?')
    .run(new Date(now.getTime() - 3_600_000).toISOString(), subscriptionId);
  raw.close();

  let stored: StoredDigest | null = null;
  let child: ChildProcess | null = null;
  rig.onStored((m) => {
    if (stored) return;
    stored = m;
    // Before the fake answers: the bot never learns the post succeeded.
    child?.kill('SIGKILL');
  });
  later(() => rig.onStored(null));
  child = spawn(process.execPath, [BIN, 'serve', '--db', db], {
    cwd: tmp.dir,
    env: { PATH: process.env.PATH ?? '', HOME: tmp.dir, ...rig.env },
  });
  const bot = child;
  later(() => {
    if (bot.exitCode === null && bot.signalCode === null) bot.kill('SIGKILL');
  });
  let stderr = '';
  bot.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    bot.on('exit', (_code, signal) => resolve(signal)),
  );
  const first = await waitFor(
    'the digest stored by the fake',
    () => {
      if (!stored && bot.exitCode !== null)
        throw new Error(`serve exited (${bot.exitCode}) before posting:\n${stderr}`);
      return stored;
    },
    20_000,
  );
  expect(await exited).toBe('SIGKILL');
  return { db, subscriptionId, slot, key: digestKey(subscriptionId, slot), first };
}

/** The subscription's ledger, read through the store as the product reads it. */
async function ledger(crashed: Crashed): Promise<Delivery[]> {
  const stores = await createStore(crashed.db);
  try {
    return await stores.deliveries.list(crashed.subscriptionId);
  } finally {
    await stores.close();
  }
}

/** Takes the abandoned slot over in-process, as a scheduler would after the lease. */
async function restart(rig: Rig, crashed: Crashed): Promise<SlotReport[]> {
  const { later } = rig;
  const stores = await createStore(crashed.db);
  later(() => stores.close());
  const handlers: InboundHandlers = {
    command: async () => ({ kind: 'text', text: 'unused', ephemeral: true }),
    autocomplete: async () => [],
    briefingPosted: (thread, briefingId) => stores.threads.link(threadKey(thread), briefingId),
    threadMessage: async () => null,
  };
  const adapter = await rig.adapter(handlers);
  later(() => adapter.stop());
  const scheduler = createScheduler({ stores, topics, adapters: [adapter], clock: afterLease });
  later(() => scheduler.stop());
  return scheduler.runDue();
}

/** The crash really fell between send and record: one digest out, the slot still claimed. */
async function expectCrashBetweenSendAndRecord(rig: Rig, crashed: Crashed): Promise<void> {
  expect(crashed.first.key).toBe(crashed.key);
  expect(rig.created()).toEqual([crashed.first]);
  const [row, ...rest] = await ledger(crashed);
  expect(rest).toEqual([]);
  expect(row).toMatchObject({
    slot: crashed.slot.toISOString(),
    state: 'claimed',
    attempts: 1,
    messageId: null,
  });
}

async function expectListedAsSent(crashed: Crashed): Promise<void> {
  const { stdout } = await run(process.execPath, [BIN, 'subscriptions', '--db', crashed.db]);
  expect(stdout).toContain(`last: sent ${slotLabel(crashed.slot, 'UTC')}`);
  expect(stdout).toMatch(/\n {4}next \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} \(UTC\)\n/);
}

// Not concurrent: the time goes to starting Node processes (about 2 s each), which only compete
// for the CPU; the timeout leaves room for a loaded machine.
describe('a crash after send, before record: no second post after restart', {
  timeout: 45_000,
}, () => {
  const platforms: Array<[string, (later: Later) => Promise<Rig>]> = [
    ['Slack', slackRig],
    ['Discord', async (later) => (await discordRig(later)).rig],
  ];
  it.for(platforms)(
    '%s: the taken-over slot finds the digest and records it',
    async ([name, make], { onTestFinished }) => {
      const rig = await make(scope(onTestFinished));
      const crashed = await crashAfterSend(rig, `found-${rig.platform}`);
      await expectCrashBetweenSendAndRecord(rig, crashed);

      const reports = await restart(rig, crashed);
      expect(reports).toEqual([
        {
          subscriptionId: crashed.subscriptionId,
          slot: crashed.slot.toISOString(),
          result: 'found',
        },
      ]);
      expect(rig.created(), `${name}: still the one message`).toEqual([crashed.first]);
      expect(rig.visible(crashed.key)).toEqual([crashed.first]);
      const [row] = await ledger(crashed);
      expect(row).toMatchObject({ state: 'sent', attempts: 1, messageId: crashed.first.id });
      // Follow-ups have a thread about the digest's briefing (on Discord, opened only now).
      expect(row?.briefingId).not.toBeNull();
      expect(row?.thread).not.toBe(rig.channel);
      await expectListedAsSent(crashed);
    },
  );

  it('Discord: a digest findDigest cannot see is answered by its nonce, not posted again', async ({
    onTestFinished,
  }) => {
    const { rig, fake } = await discordRig(scope(onTestFinished));
    const crashed = await crashAfterSend(rig, 'nonce-discord');
    await expectCrashBetweenSendAndRecord(rig, crashed);
    // Pushed out of the history findDigest reads, but within the nonce's window.
    fake.rest.channels.historyHidden.add(rig.channel);

    const reports = await restart(rig, crashed);
    expect(reports.map((r) => r.result)).toEqual(['sent']);
    const posts = fake.rest.requests.filter(
      (r) => r.method === 'POST' && r.path === `/channels/${rig.channel}/messages`,
    );
    // The resend went out with the same enforced nonce, and Discord answered with the first.
    expect(posts).toHaveLength(2);
    expect(posts.map((r) => r.status)).toEqual([200, 200]);
    const [once, again] = posts.map((r) => r.body as Json);
    expect(again).toMatchObject({ nonce: once?.nonce, enforce_nonce: true });
    expect(rig.created()).toEqual([crashed.first]);
    fake.rest.channels.historyHidden.delete(rig.channel);
    expect(rig.visible(crashed.key)).toEqual([crashed.first]);

    const [row] = await ledger(crashed);
    expect(row).toMatchObject({ state: 'sent', attempts: 2, messageId: crashed.first.id });
    // The thread the crash never got to open is opened on the first message now.
    expect([...fake.rest.threads.keys()]).toEqual([row?.thread]);
  });
});

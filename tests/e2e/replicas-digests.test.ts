import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { ChatAdapter } from '../../src/model/chat-port.ts';
import { createScheduler } from '../../src/schedule/scheduler.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { fakeClock } from '../helpers/clock.ts';
import { handlerDeps } from '../helpers/handlers.ts';
import { fakeSlack, type PlatformUnderTest } from './digest-platforms.ts';

/**
 * Two replicas on one PostgreSQL database, each with its own connections and its own Slack
 * adapter against the fake Slack, woken together by one injected clock: every digest slot
 * over several days is posted exactly once, and a slot claimed by a replica that died before
 * sending is posted once by the other after the lease. Needs TEST_DATABASE_URL.
 */

const url = process.env.TEST_DATABASE_URL;
const topics = loadTopics(BUILTIN_TOPICS_DIR).topics;
const HOUR = 3_600_000;
const LEASE = 15 * 60_000;

describe.skipIf(!url)('digests from two replicas on one PostgreSQL database', () => {
  let platform: PlatformUnderTest;
  const open: Array<Stores | ChatAdapter> = [];
  beforeAll(async () => {
    platform = await fakeSlack();
  });
  const schemas: string[] = [];
  afterAll(async () => {
    for (const o of open.reverse()) 'stop' in o ? await o.stop() : await o.close();
    await platform.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  async function replicas(schema: string, clock: ReturnType<typeof fakeClock>) {
    schemas.push(schema);
    const replica = async (replicaId: string) => {
      const stores = await openPostgresStore(url!, { schema, now: clock.now, poolSize: 3 });
      open.push(stores);
      const adapter = await platform.connect(
        createHandlers(handlerDeps({ stores, topics, timezone: 'UTC', now: clock.now }, () => {})),
      );
      open.push(adapter);
      return {
        stores,
        scheduler: createScheduler({ stores, topics, adapters: [adapter], clock, replicaId }),
      };
    };
    return [await replica('replica-a'), await replica('replica-b')] as const;
  }

  it('posts every slot once over five days, whichever replica wakes first', async () => {
    const clock = fakeClock(new Date('2026-03-27T12:00:00Z'));
    const [a, b] = await replicas(`bw_digests_${process.pid}_${Date.now().toString(36)}`, clock);
    await ingestPaths(a.stores, [DEMO_ARTICLES]);
    const channels = [platform.channel(901), platform.channel(902), platform.channel(903)];
    const subs = [];
    for (const [i, channel] of channels.entries())
      subs.push(
        await (i % 2 ? b : a).stores.subscriptions.save({
          platform: 'slack',
          workspace: platform.workspace,
          channel,
          topic: DEMO_TOPIC,
          schedule: i === 2 ? 'daily 18:30' : 'daily 08:00',
          timezone: i === 1 ? 'Europe/Oslo' : 'UTC',
          createdBy: 'test',
        }),
      );
    // Every quarter of an hour for five days, both replicas woken at the same instant.
    for (let t = clock.now().getTime(); t <= Date.parse('2026-04-01T12:00:00Z'); t += HOUR / 4) {
      clock.advance(t - clock.now().getTime());
      await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()]);
    }
    for (const sub of subs) {
      const keys = platform.digests(sub.channel).map((d) => d.key);
      expect(keys).toHaveLength(5);
      expect(new Set(keys).size).toBe(5);
    }
  });

  it('posts once a slot whose claim a dead replica left, after the lease', async () => {
    const clock = fakeClock(new Date('2026-03-28T07:59:00Z'));
    const [a, b] = await replicas(`bw_takeover_${process.pid}_${Date.now().toString(36)}`, clock);
    await ingestPaths(a.stores, [DEMO_ARTICLES]);
    const channel = platform.channel(904);
    const sub = await a.stores.subscriptions.save({
      platform: 'slack',
      workspace: platform.workspace,
      channel,
      topic: DEMO_TOPIC,
      schedule: 'daily 08:00',
      timezone: 'UTC',
      createdBy: 'test',
    });
    // A third replica claims the 08:00 slot and dies before it sends anything.
    clock.advance(60_000);
    const claimed = await a.stores.deliveries.claim({
      subscriptionId: sub.id,
      slot: '2026-03-28T08:00:00.000Z',
      by: 'replica-dead',
      now: clock.now().toISOString(),
      late: false,
      staleBefore: new Date(clock.now().getTime() - LEASE).toISOString(),
    });
    expect(claimed).not.toBeNull();
    // While its lease lasts, neither live replica sends the slot.
    await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()]);
    expect(platform.digests(channel)).toHaveLength(0);
    // After it, exactly one of them does.
    clock.advance(LEASE + 60_000);
    await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()]);
    await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()]);
    expect(platform.digests(channel).map((d) => d.key)).toEqual([`${sub.id}@2026-03-28T08:00Z`]);
    const [row] = await b.stores.deliveries.list(sub.id);
    expect(row).toMatchObject({ state: 'sent', attempts: 1 });
    expect(['replica-a', 'replica-b']).toContain(row?.claimedBy);
  });
});

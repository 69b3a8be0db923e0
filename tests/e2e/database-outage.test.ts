import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createHandlers, STORE_UNAVAILABLE_REPLY } from '../../src/chat/handlers.ts';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { ChatAdapter, InboundHandlers, Invocation } from '../../src/model/chat-port.ts';
import type { Reply } from '../../src/model/reply.ts';
import { createScheduler } from '../../src/schedule/scheduler.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { fakeClock } from '../helpers/clock.ts';
import { handlerDeps } from '../helpers/handlers.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { fakeSlack, type PlatformUnderTest } from './digest-platforms.ts';

/**
 * The database goes away while Briefwire serves, through a TCP proxy the test cuts and
 * restores: chat answers "cannot reach its database" (the host stays in the log), the
 * scheduler sends nothing while it is away and the owed digest exactly once when it is back.
 * Needs TEST_DATABASE_URL.
 */

const url = process.env.TEST_DATABASE_URL;
const topics = loadTopics(BUILTIN_TOPICS_DIR).topics;
const schema = `bw_outage_${process.pid}_${Date.now().toString(36)}`;

describe.skipIf(!url)('a PostgreSQL database that goes away while serving', () => {
  let proxy: TcpProxy;
  let stores: Stores;
  let platform: PlatformUnderTest;
  let adapter: ChatAdapter;
  let handlers: InboundHandlers;
  const logged: string[] = [];
  const clock = fakeClock(new Date('2026-03-28T07:58:00Z'));

  beforeAll(async () => {
    const target = new URL(url!);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const through = new URL(url!);
    through.hostname = '127.0.0.1';
    through.port = String(proxy.port);
    stores = await openPostgresStore(through.toString(), { schema, now: clock.now, poolSize: 2 });
    await ingestPaths(stores, [DEMO_ARTICLES]);
    platform = await fakeSlack();
    const deps = handlerDeps({ stores, topics, timezone: 'UTC', now: clock.now }, (m) =>
      logged.push(m),
    );
    handlers = createHandlers(deps);
    adapter = await platform.connect(
      createHandlers(handlerDeps({ stores, topics, timezone: 'UTC', now: clock.now }, () => {})),
    );
  });
  afterAll(async () => {
    proxy.up();
    await adapter.stop();
    await platform.close();
    await stores.close();
    await proxy.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  const brief = (): Promise<Reply> =>
    handlers.command({
      command: 'brief',
      subcommand: null,
      options: { topic: DEMO_TOPIC },
      user: { id: 'u1', name: 'ana', canManage: false },
      channel: { platform: 'slack', workspace: platform.workspace, channel: platform.channel(1) },
    } satisfies Invocation);

  it('tells chat the database cannot be reached, logs where, and briefs again once it is back', async () => {
    expect((await brief()).kind).toBe('briefing');
    proxy.down();
    const refused = await brief();
    expect(refused).toMatchObject({ kind: 'text', text: STORE_UNAVAILABLE_REPLY });
    expect(logged.join('\n')).toMatch(/PostgreSQL at 127\.0\.0\.1:\d+ is not reachable/);
    proxy.up();
    expect((await brief()).kind).toBe('briefing');
  });

  it('sends nothing while the database is away and the owed digest once when it returns', async () => {
    const channel = platform.channel(7);
    const sub = await stores.subscriptions.save({
      platform: 'slack',
      workspace: platform.workspace,
      channel,
      topic: DEMO_TOPIC,
      schedule: 'daily 08:00',
      timezone: 'UTC',
      createdBy: 'test',
    });
    const scheduler = createScheduler({
      stores,
      topics,
      adapters: [adapter],
      clock,
      replicaId: 'r1',
    });
    clock.advance(2 * 60_000);
    proxy.down();
    await expect(scheduler.runDue()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(platform.digests(channel)).toHaveLength(0);
    // Back a few minutes later: the next wake-up sends the 08:00 digest, once.
    proxy.up();
    clock.advance(3 * 60_000);
    await scheduler.runDue();
    await scheduler.runDue();
    expect(platform.digests(channel).map((d) => d.key)).toEqual([`${sub.id}@2026-03-28T08:00Z`]);
    const [row] = await stores.deliveries.list(sub.id);
    expect(row).toMatchObject({ state: 'sent' });
  });
});

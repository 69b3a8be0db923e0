import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/chat/slack/index.ts';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import {
  commandForm,
  eventCallback,
  type MessageEvent,
  postSigned,
} from '../fakes/slack/requests.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import { waitFor } from '../fakes/slack/wait.ts';
import { handlerDeps } from '../helpers/handlers.ts';

/**
 * Slack in HTTP mode behind a load balancer: two replicas (each its own Bolt app, its own
 * connections to one PostgreSQL database) take requests in any order. A briefing asked of one
 * is followed up through the other, and an event that reaches both (Slack's retry landing on
 * another replica) is answered once. Needs TEST_DATABASE_URL.
 */

const url = process.env.TEST_DATABASE_URL;
const SECRET = 'replica-signing-secret';
const schema = `bw_slack_${process.pid}_${Date.now().toString(36)}`;

describe.skipIf(!url)('Slack HTTP mode on two replicas sharing PostgreSQL', () => {
  let fake: FakeSlack;
  const stores: Stores[] = [];
  const adapters: SlackAdapter[] = [];
  const endpoints: string[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    const topics = loadTopics(BUILTIN_TOPICS_DIR).topics;
    for (const _ of [0, 1]) {
      const db = await openPostgresStore(url!, { schema, poolSize: 3 });
      stores.push(db);
      const adapter = createSlackAdapter(
        {
          botToken: 'xoxb-fake',
          signingSecret: SECRET,
          appToken: null,
          apiUrl: fake.apiUrl,
          port: 0,
          managers: [],
        },
        { commands: COMMANDS, host: '127.0.0.1', retryConfig: { retries: 0 }, log: () => {} },
      );
      await adapter.start(
        createHandlers(
          handlerDeps({ stores: db, topics, timezone: 'UTC', now: () => new Date() }, () => {}),
        ),
      );
      adapters.push(adapter);
      endpoints.push(`http://127.0.0.1:${adapter.listeningPort()}/slack/events`);
    }
    await ingestPaths(stores[0]!, [DEMO_ARTICLES]);
  });
  afterAll(async () => {
    for (const a of adapters) await a.stop();
    for (const s of stores) await s.close();
    await fake?.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  const posts = () => fake.succeeded('chat.postMessage');
  const event = (replica: number, e: MessageEvent) =>
    postSigned(endpoints[replica]!, SECRET, JSON.stringify(eventCallback(e)), 'application/json');

  it('follows up on one replica a briefing asked of the other, and answers a doubled event once', async () => {
    const before = posts().length;
    const body = commandForm({
      text: DEMO_TOPIC,
      user_id: 'U0MEMBER',
      response_url: fake.responseUrl('r1'),
    });
    expect(
      (await postSigned(endpoints[0]!, SECRET, body, 'application/x-www-form-urlencoded')).status,
    ).toBe(200);
    const briefing = await waitFor('the briefing post', () => posts()[before]);
    const ts = String(briefing.response.ts);
    const question: MessageEvent = {
      type: 'app_mention',
      channel: String(briefing.params.channel),
      user: 'U0MEMBER',
      text: '<@UBOT> Who mediated the talks?',
      ts: '1900000000.000001',
      thread_ts: ts,
    };
    // The question reaches the other replica, and Slack's retry of it reaches the first.
    await event(1, question);
    await event(0, question);
    const answer = await waitFor('the answer', () =>
      posts().find((p) => p.params.thread_ts === ts),
    );
    expect(String(answer.params.text)).toMatch(/Varga/);
    await new Promise((r) => setTimeout(r, 300));
    expect(posts().filter((p) => p.params.thread_ts === ts)).toHaveLength(1);
  });
});

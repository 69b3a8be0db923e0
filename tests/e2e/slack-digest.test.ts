import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import {
  createSlackAdapter,
  type SlackAdapter,
  type SlackAdapterOptions,
} from '../../src/chat/slack/index.ts';
import type { SlackSettings } from '../../src/chat/slack/settings.ts';
import type { ChannelRef } from '../../src/model/refs.ts';
import { type ApiCall, FAKE_TEAM, type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import {
  DIGEST_KEY,
  DIGEST_SLOT,
  deliveryFailure,
  digest,
  linkRecorder,
} from '../helpers/digests.ts';

/**
 * Scheduled digests through the real Bolt app against a fake Slack: the key in the first
 * message's metadata, finding the digest again in the channel's history, and every failure
 * reported as a DeliveryError the scheduler can act on.
 */

const KEY = DIGEST_KEY;
const SLOT = DIGEST_SLOT;
const PING = 'Harbour Watch says <!channel> & <@U0VICTIM> should read its report.';
const NEWS: ChannelRef = { platform: 'slack', workspace: FAKE_TEAM, channel: 'C0NEWS' };

type Block = { type: string; text?: { text: string }; elements?: Array<{ text: string }> };
const blocksOf = (call: ApiCall | undefined): Block[] => (call?.params.blocks ?? []) as Block[];

describe('Slack digests: the real Bolt app against a fake Slack', () => {
  let fake: FakeSlack;
  let adapter: SlackAdapter;
  const { handlers, linked } = linkRecorder();
  const logs: string[] = [];
  const config = (over: Partial<SlackSettings> = {}): SlackSettings => ({
    botToken: 'xoxb-fake',
    signingSecret: 'secret',
    appToken: null,
    apiUrl: fake.apiUrl,
    port: 0,
    managers: [],
    ...over,
  });
  const options = (over: Partial<SlackAdapterOptions> = {}): SlackAdapterOptions => ({
    commands: COMMANDS,
    host: '127.0.0.1',
    retryConfig: { retries: 0 },
    log: (m: string) => void logs.push(m),
    ...over,
  });
  const posts = () => fake.succeeded('chat.postMessage');

  beforeAll(async () => {
    fake = await startFakeSlack();
    adapter = createSlackAdapter(config(), options());
    await adapter.start(handlers);
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });
  beforeEach(() => {
    linked.length = 0;
    logs.length = 0;
  });

  it('posts a digest with its key in the metadata, its heading and its ref', async () => {
    const before = posts().length;
    const posted = await adapter.post(NEWS, digest({}, PING));
    expect(posts()).toHaveLength(before + 1);
    const call = posts().at(-1)!;
    expect(call.params.metadata).toEqual({
      event_type: 'briefwire_digest',
      event_payload: { key: KEY },
    });
    const blocks = blocksOf(call);
    expect(blocks[0]).toMatchObject({ type: 'section', text: { text: `*Digest* · ${SLOT}` } });
    expect(blocks[1]).toMatchObject({ type: 'header' });
    expect(blocks.at(-1)).toMatchObject({ type: 'context', elements: [{ text: `ref ${KEY}` }] });
    expect(String(call.params.text)).toMatch(
      new RegExp(`^Digest · ${SLOT.replace(/[()]/g, '\\$&')}\\n`),
    );
    // Article text stays inert.
    const payload = JSON.stringify(call.params);
    expect(payload).toContain('&lt;!channel&gt; &amp; &lt;@U0VICTIM&gt;');
    for (const ping of ['<!channel>', '<@U0VICTIM>']) expect(payload).not.toContain(ping);
    const ts = String(call.response.ts);
    expect(posted).toEqual({ ...NEWS, thread: ts, messageId: ts });
    expect(linked).toEqual([{ thread: { ...NEWS, thread: ts }, briefingId: 41 }]);
  });

  it('findDigest finds the first copy by its metadata, and nothing for another key', async () => {
    const first = await adapter.post({ ...NEWS, channel: 'C0FIND' }, digest());
    await adapter.post({ ...NEWS, channel: 'C0FIND' }, digest());
    await adapter.post({ ...NEWS, channel: 'C0FIND' }, digest({ key: '12@2026-03-30T07:00Z' }));
    expect(await adapter.findDigest({ ...NEWS, channel: 'C0FIND' }, KEY)).toEqual(first);
    const history = fake.calls.filter((c) => c.method === 'conversations.history').at(-1);
    expect(history?.params).toMatchObject({
      channel: 'C0FIND',
      limit: '100',
      include_all_metadata: 'true',
    });
    expect(await adapter.findDigest({ ...NEWS, channel: 'C0FIND' }, '7@2026-01-01T07:00Z')).toBe(
      null,
    );
  });

  it('says when a digest comes late', async () => {
    await adapter.post(NEWS, digest({ late: true }));
    expect(blocksOf(posts().at(-1))[0]?.text?.text).toBe(
      `*Digest* · ${SLOT} — sent late: the bot was offline when it was due`,
    );
  });

  it('posts "nothing new" as one line with the ref in a context block, escaped', async () => {
    const posted = await adapter.post(NEWS, digest({ briefing: null, topicTitle: 'A & <!here>' }));
    const call = posts().at(-1)!;
    const line = `Nothing new on A &amp; &lt;!here&gt; since the last digest (${SLOT}).`;
    expect(blocksOf(call)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: line, verbatim: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `ref ${KEY}`, verbatim: true }] },
    ]);
    expect(call.params.text).toBe(line);
    expect(linked).toEqual([]);
    expect(await adapter.findDigest(NEWS, KEY)).not.toBeNull();
    expect(posted.messageId).toBe(String(call.response.ts));
  });

  it('reports a channel that does not exist, or is archived, as gone', async () => {
    fake.channels.missing.add('C0GONE');
    const e = await deliveryFailure(adapter.post({ ...NEWS, channel: 'C0GONE' }, digest()));
    expect(e).toMatchObject({ failure: 'gone', platformCode: 'channel_not_found' });
    expect(e.message).toBe(
      'channel C0GONE no longer exists or the bot cannot see it (Slack channel_not_found)',
    );
    const read = await deliveryFailure(adapter.findDigest({ ...NEWS, channel: 'C0GONE' }, KEY));
    expect(read.failure).toBe('gone');
    fake.channels.archived.add('C0OLD');
    const archived = await deliveryFailure(adapter.post({ ...NEWS, channel: 'C0OLD' }, digest()));
    expect(archived).toMatchObject({ failure: 'gone', platformCode: 'is_archived' });
    expect(archived.message).toContain('C0OLD');
  });

  it('reports a persistent 503 as retryable', async () => {
    const before = posts().length;
    fake.failNext('chat.postMessage', Number.POSITIVE_INFINITY, { status: 503 });
    try {
      const e = await deliveryFailure(adapter.post(NEWS, digest()));
      expect(e).toMatchObject({ failure: 'retryable', platformCode: 'HTTP 503' });
    } finally {
      fake.stopFailing('chat.postMessage');
    }
    expect(posts()).toHaveLength(before);
  });

  it('waits out a 429 and posts exactly one message', async () => {
    const before = posts().length;
    fake.failNext('chat.postMessage', 1, { status: 429, retryAfter: 1 });
    await adapter.post({ ...NEWS, channel: 'C0LIMIT' }, digest());
    expect(posts()).toHaveLength(before + 1);
    const tries = fake.calls.filter(
      (c) => c.method === 'chat.postMessage' && c.params.channel === 'C0LIMIT',
    );
    expect(tries.map((c) => c.status)).toEqual([429, 200]);
  });

  it('gives a rate limit longer than it waits back as retryable, with how long to wait', async () => {
    const patient = createSlackAdapter(config(), options({ rateLimit: { maxWaitMs: 1000 } }));
    fake.failNext('chat.postMessage', 1, { status: 429, retryAfter: 30 });
    const e = await deliveryFailure(patient.post(NEWS, digest()));
    expect(e).toMatchObject({ failure: 'retryable', retryAfterMs: 30_000 });
  });

  it('without the history scope, findDigest logs it and finds nothing', async () => {
    fake.missingScope.add('conversations.history');
    try {
      expect(await adapter.findDigest(NEWS, KEY)).toBeNull();
    } finally {
      fake.missingScope.delete('conversations.history');
    }
    expect(logs.join('\n')).toMatch(/missing_scope: add the channels:history and groups:history/);
    // Nor can it read a channel it has not joined (chat:write.public still posts there).
    fake.notInChannel.add('C0OUTSIDE');
    expect(await adapter.findDigest({ ...NEWS, channel: 'C0OUTSIDE' }, KEY)).toBeNull();
    expect(logs.join('\n')).toMatch(/C0OUTSIDE \(not_in_channel/);
  });

  it('reports a Web API it cannot reach as retryable', async () => {
    const away = createSlackAdapter(config({ apiUrl: 'http://127.0.0.1:1/api/' }), options());
    const e = await deliveryFailure(away.post(NEWS, digest()));
    expect(e).toMatchObject({ failure: 'retryable', platformCode: 'request_error' });
  });
});

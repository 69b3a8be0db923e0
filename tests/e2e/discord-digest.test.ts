import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { createDiscordAdapter } from '../../src/chat/discord/adapter.ts';
import type { DiscordAdapterOptions } from '../../src/chat/discord/settings.ts';
import type { ChatAdapter } from '../../src/model/chat-port.ts';
import type { ChannelRef } from '../../src/model/refs.ts';
import { humanUser, IDS, type Json, message } from '../fakes/discord/payloads.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/server.ts';
import {
  DIGEST_KEY,
  DIGEST_SLOT,
  deliveryFailure,
  digest,
  linkRecorder,
} from '../helpers/digests.ts';

/**
 * Scheduled digests through the real discord.js client against a fake Discord: the nonce that
 * makes a repeat harmless, finding a digest again in the channel's history, and every failure
 * reported as a DeliveryError the scheduler can act on.
 */

const KEY = DIGEST_KEY;
const SLOT = DIGEST_SLOT;
const CHANNEL: ChannelRef = { platform: 'discord', workspace: IDS.guild, channel: IDS.channel };

describe('Discord digests: the real discord.js client against a fake Discord', () => {
  let fake: FakeDiscord;
  let adapter: ChatAdapter;
  const { handlers, linked } = linkRecorder();
  const logs: string[] = [];

  const startAdapter = async (
    options: Partial<DiscordAdapterOptions> = {},
  ): Promise<ChatAdapter> => {
    const a = createDiscordAdapter(
      {
        token: 'fake-bot-token',
        applicationId: IDS.app,
        guildId: IDS.guild,
        apiUrl: fake.apiUrl,
        messageContent: false,
      },
      {
        commands: COMMANDS,
        log: (level, m) => logs.push(`${level}: ${m}`),
        rest: { retries: 1 },
        ...options,
      },
    );
    await a.start(handlers);
    return a;
  };
  const channelPosts = () =>
    fake.rest.requests.filter(
      (r) => r.method === 'POST' && r.path === `/channels/${IDS.channel}/messages`,
    );
  const sent = () => fake.rest.sent.filter((m) => m.via === 'channel');

  beforeEach(async () => {
    linked.length = 0;
    logs.length = 0;
    fake = await startFakeDiscord();
    adapter = await startAdapter();
  });
  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  it('posts a digest once, with a nonce Discord enforces, its heading and its ref', async () => {
    const posted = await adapter.post(CHANNEL, digest());
    expect(sent()).toHaveLength(1);
    const body = sent()[0]!.body;
    expect(body.nonce).toMatch(/^[0-9a-f]{25}$/);
    expect(body.enforce_nonce).toBe(true);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toBe(`**Digest** · ${SLOT}`);
    const embeds = body.embeds as Json[];
    expect(String(embeds[0]?.title)).toBe('Briefing: Iran and the United Kingdom');
    const footer = (embeds.at(-1)?.footer as Json | undefined)?.text;
    expect(footer).toBe(`Ask about this briefing in its thread: mention @Briefwire. · ref ${KEY}`);
    // Article text stays inert.
    const text = JSON.stringify(embeds);
    expect(text).not.toMatch(/@everyone|<@123>/);
    // The first message is returned, with the thread opened on it and linked to the briefing.
    expect(posted.messageId).toBe(sent()[0]!.message?.id);
    expect(posted.thread).toBe([...fake.rest.threads.keys()][0]);
    expect(linked).toEqual([{ thread: { ...CHANNEL, thread: posted.thread }, briefingId: 41 }]);
  });

  it('posting the same digest again creates nothing, and findDigest finds the first', async () => {
    const first = await adapter.post(CHANNEL, digest());
    const again = await adapter.post(CHANNEL, digest());
    expect(channelPosts().map((r) => r.status)).toEqual([200, 200]);
    expect(sent()).toHaveLength(1);
    expect(again).toEqual(first);
    // The repeat found the thread the first post opened: no second one.
    expect(fake.rest.requests.filter((r) => r.path.endsWith('/threads'))).toHaveLength(1);

    expect(await adapter.findDigest(CHANNEL, KEY)).toEqual(first);
    const read = fake.rest.requests.find(
      (r) => r.method === 'GET' && r.path === `/channels/${IDS.channel}/messages`,
    );
    expect(read?.query.get('limit')).toBe('50');
    expect(await adapter.findDigest(CHANNEL, '12@2026-03-30T07:00Z')).toBeNull();
  });

  it('findDigest only counts the bot’s own messages', async () => {
    fake.rest.channels.add(
      IDS.channel,
      message(IDS.channel, { content: `quoting it: -# ref ${KEY}` }, { author: humanUser() }),
    );
    expect(await adapter.findDigest(CHANNEL, KEY)).toBeNull();
  });

  it('says when a digest comes late', async () => {
    await adapter.post(CHANNEL, digest({ late: true }));
    expect(sent()[0]?.body.content).toBe(
      `**Digest** · ${SLOT} — sent late: the bot was offline when it was due`,
    );
  });

  it('posts "nothing new" as one line with the ref as subtext, without a thread', async () => {
    const posted = await adapter.post(CHANNEL, digest({ briefing: null }));
    expect(sent()).toHaveLength(1);
    expect(sent()[0]?.body).toMatchObject({
      content: `Nothing new on Iran and the UK since the last digest (${SLOT}).\n-# ref ${KEY}`,
      embeds: [],
      allowed_mentions: { parse: [] },
      enforce_nonce: true,
    });
    expect(posted).toMatchObject({ thread: IDS.channel, messageId: sent()[0]?.message?.id });
    expect(fake.rest.threads.size).toBe(0);
    expect(await adapter.findDigest(CHANNEL, KEY)).toEqual(posted);
  });

  it('reports a deleted channel as gone, naming it', async () => {
    fake.rest.deleteChannel(IDS.channel);
    const e = await deliveryFailure(adapter.post(CHANNEL, digest()));
    expect(e.failure).toBe('gone');
    expect(e.platformCode).toBe('10003');
    expect(e.message).toBe(
      `channel ${IDS.channel} no longer exists or the bot cannot see it (Discord 10003 Unknown Channel)`,
    );
    expect((await deliveryFailure(adapter.findDigest(CHANNEL, KEY))).failure).toBe('gone');
  });

  it('reports a persistent 503 as retryable, after discord.js’s own immediate retries', async () => {
    fake.rest.failNext('POST', /^\/channels\/\d+\/messages$/, Number.POSITIVE_INFINITY);
    const e = await deliveryFailure(adapter.post(CHANNEL, digest()));
    expect(e.failure).toBe('retryable');
    expect(e.platformCode).toBe('HTTP 503');
    // `rest: { retries: 1 }`: the first attempt and one retry.
    expect(channelPosts().map((r) => r.status)).toEqual([503, 503]);
    expect(sent()).toHaveLength(0);
  });

  it('a 503 then success posts once', async () => {
    fake.rest.failNext('POST', /^\/channels\/\d+\/messages$/, 1);
    await adapter.post(CHANNEL, digest());
    expect(channelPosts().map((r) => r.status)).toEqual([503, 200]);
    expect(sent()).toHaveLength(1);
  });

  it('waits out a short 429 and posts exactly one message', async () => {
    fake.rest.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 1);
    await adapter.post(CHANNEL, digest());
    expect(channelPosts().map((r) => r.status)).toEqual([429, 200]);
    expect(sent()).toHaveLength(1);
  });

  it('gives a long rate limit back as retryable, with how long to wait', async () => {
    await adapter.stop();
    adapter = await startAdapter({ maxRateLimitWaitMs: 1000 });
    fake.rest.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 30);
    const e = await deliveryFailure(adapter.post(CHANNEL, digest()));
    expect(e.failure).toBe('retryable');
    expect(e.retryAfterMs).toBeGreaterThanOrEqual(29_000);
    expect(sent()).toHaveLength(0);
  });

  it('reports a Discord it cannot reach as retryable', async () => {
    const other = await startFakeDiscord();
    const saved = fake;
    fake = other;
    const away = await startAdapter();
    fake = saved;
    await other.close();
    try {
      const e = await deliveryFailure(away.post(CHANNEL, digest()));
      expect(e.failure).toBe('retryable');
      // A pooled connection the fake closed, or a refused new one: the network either way.
      expect(e.platformCode).toMatch(/^(ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET)$/);
    } finally {
      await away.stop();
    }
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createDiscordAdapter } from '../../src/chat/discord/adapter.ts';
import type { DiscordSettings } from '../../src/chat/discord/settings.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { ChatAdapter, InboundHandlers } from '../../src/model/chat-port.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import type { Json } from '../fakes/discord/payloads.ts';
import { IDS } from '../fakes/discord/payloads.ts';
import type { SentMessage } from '../fakes/discord/rest.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/server.ts';
import { waitFor } from '../fakes/discord/wait.ts';
import { tempDir } from '../helpers/cli.ts';
import { handlerDeps } from '../helpers/handlers.ts';
import { describeWithShared, sharedDir } from '../helpers/shared.ts';

/**
 * The real discord.js client against a fake Discord on 127.0.0.1, over a SQLite store of the
 * seed article: commands, autocomplete, threads, rate limits, a dropped gateway, mentions.
 */

const PING_ARTICLE = `Council vote
Tuesday 3 March 2026

The parish council of Lowbridge voted on Tuesday to close the old ferry landing.

"@everyone in Lowbridge should read the ferry report, and <@123> too," said Mary Hollis, the council leader.

The ferry landing had been in use for two hundred years, the council said.
`;

describeWithShared('Discord: the real discord.js client against a fake Discord', () => {
  const tmp = tempDir();
  let stores: Stores;
  let handlers: InboundHandlers;
  let fake: FakeDiscord;
  let adapter: ChatAdapter;
  const logs: string[] = [];

  const settings = (extra: Partial<DiscordSettings> = {}): DiscordSettings => ({
    token: 'fake-bot-token',
    applicationId: IDS.app,
    guildId: IDS.guild,
    apiUrl: fake.apiUrl,
    messageContent: false,
    ...extra,
  });
  const startAdapter = async (extra: Partial<DiscordSettings> = {}): Promise<ChatAdapter> => {
    const a = createDiscordAdapter(settings(extra), {
      commands: COMMANDS,
      log: (level, m) => logs.push(`${level}: ${m}`),
    });
    await a.start(handlers);
    return a;
  };
  const topic = (value: string): Json[] => [{ type: 3, name: 'topic', value }];
  const callbacks = (token: string) =>
    fake.rest.requests.filter((r) => r.path.endsWith(`/${token}/callback`));
  const originals = (token: string) =>
    fake.rest.requests.filter((r) => r.method === 'PATCH' && r.path.includes(`/${token}/`));
  /** Everything the bot sent as message text and embeds, as one string. */
  const shown = (m: SentMessage): string => JSON.stringify([m.body.content, m.body.embeds]);

  /** Runs /brief and waits for the briefing's thread; returns the token and the thread id. */
  const brief = async (slug: string) => {
    const token = fake.command('brief', topic(slug));
    const thread = await waitFor('the briefing thread', () =>
      fake.rest.requests.find((r) => r.method === 'POST' && r.path.endsWith('/threads')),
    );
    const threadId = await waitFor('the thread id', () => [...fake.rest.threads.keys()].at(-1));
    // The adapter links the thread once Discord has answered; questions need the link.
    const briefingId = await waitFor('the thread linked to its briefing', () =>
      stores.threads.briefingFor(`discord:${IDS.guild}:${threadId}`),
    );
    return { token, thread, threadId, briefingId };
  };

  beforeAll(async () => {
    stores = await createStore(join(tmp.dir, 'discord.db'));
    writeFileSync(join(tmp.dir, 'lowbridge-ferry.txt'), PING_ARTICLE);
    await ingestPaths(stores, [
      join(sharedDir, 'corpus/seed'),
      join(tmp.dir, 'lowbridge-ferry.txt'),
    ]);
    handlers = createHandlers(
      handlerDeps(
        {
          stores,
          topics: loadTopics(BUILTIN_TOPICS_DIR).topics,
          timezone: 'UTC',
          now: () => new Date(),
        },
        (m) => logs.push(m),
      ),
    );
  });
  afterAll(async () => {
    await stores.close();
    tmp.cleanup();
  });
  beforeEach(async () => {
    logs.length = 0;
    fake = await startFakeDiscord();
    adapter = await startAdapter();
  });
  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  it('logs in, becomes ready and registers the commands once', async () => {
    expect(fake.gateway.stats.identifies).toBe(1);
    // Guilds | GuildMessages; no privileged Message Content unless configured.
    expect(fake.gateway.stats.intents).toBe(1 | 512);
    const registered = fake.rest.commands.get(IDS.guild) ?? [];
    expect(registered.map((c) => c.name).sort()).toEqual(['brief', 'briefings']);
    const briefCmd = registered.find((c) => c.name === 'brief');
    expect(briefCmd?.options).toContainEqual(
      expect.objectContaining({ name: 'topic', type: 3, required: true, autocomplete: true }),
    );
    const briefings = registered.find((c) => c.name === 'briefings');
    expect(briefings?.default_member_permissions).toBe('16');
    // A restart finds the same commands and leaves them alone.
    await adapter.stop();
    adapter = await startAdapter();
    const puts = fake.rest.requests.filter((r) => r.method === 'PUT');
    const gets = fake.rest.requests.filter(
      (r) => r.method === 'GET' && r.path.endsWith('/commands'),
    );
    expect(puts).toHaveLength(1);
    expect(gets).toHaveLength(2);
  });

  it('/brief iran-uk: deferred, then the briefing embeds with the McCallum quote, and a thread', async () => {
    const { token, thread, briefingId } = await brief('iran-uk');
    const first = callbacks(token)[0];
    expect(first?.body).toMatchObject({ type: 5 });
    const edit = originals(token)[0];
    expect(edit && first && edit.at >= first.at).toBe(true);
    const posted = fake.rest.sent.find((m) => m.via === 'original');
    expect(posted).toBeDefined();
    const embeds = (posted?.body.embeds ?? []) as Json[];
    expect(String(embeds[0]?.title)).toContain('Briefing');
    const quotes = embeds.find((e) => e.title === 'Key quotes');
    const fields = (quotes?.fields ?? []) as Array<{ name: string; value: string }>;
    expect(fields.some((f) => f.name.includes('McCallum'))).toBe(true);
    const sources = embeds.find((e) => e.title === 'Sources');
    expect(String(sources?.description)).toContain('[1] Iran intelligence tried to kidnap');
    // The thread is opened on the briefing message and linked to the recorded briefing.
    expect(thread.path).toBe(`/channels/${IDS.channel}/messages/${posted?.message?.id}/threads`);
    expect(briefingId).toBeGreaterThan(0);
  });

  it('suggests stored topics while the topic is typed', async () => {
    const token = fake.autocomplete('brief', [
      { type: 3, name: 'topic', value: 'iran', focused: true },
    ]);
    const response = await waitFor('the autocomplete response', () => callbacks(token)[0]);
    expect(response.body).toMatchObject({ type: 8 });
    const choices = ((response.body as Json).data as { choices: Array<{ value: string }> }).choices;
    expect(choices.map((c) => c.value)).toContain('iran-uk');
  });

  it('answers an unknown topic privately, with close matches', async () => {
    const token = fake.command('brief', topic('iran-ukk'));
    const response = await waitFor('the reply', () => callbacks(token)[0]);
    expect(response.body).toMatchObject({
      type: 4,
      data: { flags: 64, allowed_mentions: { parse: [] } },
    });
    expect(String(((response.body as Json).data as Json).content)).toContain('iran-uk');
    expect(originals(token)).toHaveLength(0);
  });

  it('answers a mention in the briefing thread, in the thread, with a citation', async () => {
    const { threadId } = await brief('iran-uk');
    await waitFor('the thread in the client', () => fake.gateway.threads.length > 0);
    fake.userMessage(threadId, 'Who leads MI5?', false);
    fake.userMessage(
      threadId,
      `<@${IDS.bot}> how many attempts to kidnap or assassinate were there?`,
      true,
    );
    const answer = await waitFor('the answer', () =>
      fake.rest.sent.find((m) => m.via === 'channel' && m.channelId === threadId),
    );
    expect(answer.body.message_reference).toBeDefined();
    const text = shown(answer);
    expect(text).toMatch(/kidnap or assassinate/);
    expect(text).toMatch(/Cited/);
    // Without the Message Content intent only the mention is answered.
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.rest.sent.filter((m) => m.channelId === threadId)).toHaveLength(1);
  });

  it('answers in a briefing thread the client has not cached (opened before a restart)', async () => {
    const { threadId } = await brief('iran-uk');
    await adapter.stop();
    fake.gateway.threads.length = 0;
    adapter = await startAdapter();
    fake.userMessage(threadId, `<@${IDS.bot}> how many attempts to kidnap or assassinate?`, true);
    await waitFor('the answer', () =>
      fake.rest.sent.find((m) => m.via === 'channel' && m.channelId === threadId),
    );
  });

  it('lets only channel managers change subscriptions, and confirms them', async () => {
    const subscribe = [
      {
        type: 1,
        name: 'subscribe',
        options: [
          { type: 3, name: 'topic', value: 'iran-uk' },
          { type: 3, name: 'time', value: '08:00' },
          { type: 3, name: 'timezone', value: 'Europe/London' },
        ],
      },
    ];
    const refused = fake.command('briefings', subscribe);
    const no = await waitFor('the refusal', () => callbacks(refused)[0]);
    expect(no.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(await stores.subscriptions.list({ platform: 'discord', channel: IDS.channel })).toEqual(
      [],
    );
    const token = fake.command('briefings', subscribe, { canManage: true });
    const confirmed = await waitFor('the confirmation', () => originals(token)[0]);
    expect(String((confirmed.body as Json).content)).toContain('Subscribed');
    const subs = await stores.subscriptions.list({ platform: 'discord', channel: IDS.channel });
    expect(subs).toMatchObject([
      { topic: 'iran-uk', timezone: 'Europe/London', workspace: IDS.guild },
    ]);
    const list = fake.command('briefings', [{ type: 1, name: 'list', options: [] }]);
    const listed = await waitFor('the list', () => originals(list)[0] ?? callbacks(list)[0]);
    expect(JSON.stringify(listed.body)).toContain('iran-uk');
  });

  it('waits out a 429 on the briefing post and posts it once', async () => {
    fake.rest.rateLimitNext('PATCH', /\/messages\/@original$/, 1);
    const { token } = await brief('iran-uk');
    const edits = originals(token);
    expect(edits.map((r) => r.status)).toEqual([429, 200]);
    expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(900);
    expect(fake.rest.sent.filter((m) => m.via === 'original')).toHaveLength(1);
  });

  it('resumes after the gateway drops, replays what it missed, and the next command works', async () => {
    fake.gateway.drop(4000);
    const missed = fake.command('brief', topic('iran-ukk'));
    await waitFor('the resume', () => fake.gateway.stats.resumes === 1 && fake.gateway.connected);
    expect(fake.gateway.stats.identifies).toBe(1);
    await waitFor('the reply to the missed command', () => callbacks(missed)[0]);
    const token = fake.autocomplete('brief', [
      { type: 3, name: 'topic', value: 'ir', focused: true },
    ]);
    await waitFor('the reply after the resume', () => callbacks(token)[0]);
  });

  it('never lets article text ping: no mention parsed, and the tokens are neutralised', async () => {
    await brief('lowbridge');
    const posted = fake.rest.sent.filter((m) => m.via === 'original');
    expect(posted.length).toBeGreaterThan(0);
    const text = posted.map(shown).join('\n');
    expect(text).toContain('everyone in Lowbridge');
    expect(text).not.toMatch(/@everyone|<@123>/);
    const bodies = fake.rest.requests
      .filter(
        (r) => ['POST', 'PATCH'].includes(r.method) && /messages|callback|webhooks/.test(r.path),
      )
      .map((r) => r.body as Json)
      .map((b) => (b.data as Json | undefined) ?? b)
      .filter((b) => b.content !== undefined || b.embeds !== undefined);
    expect(bodies.length).toBeGreaterThan(0);
    for (const b of bodies) expect(b.allowed_mentions).toEqual({ parse: [] });
  });

  it('fails to start with a clear message when the Message Content intent is not allowed', async () => {
    await adapter.stop();
    fake.gateway.refuseIdentify = 4014;
    await expect(startAdapter({ messageContent: true })).rejects.toMatchObject({
      code: 'PLATFORM_FAILED',
      input: fake.apiUrl,
      message: expect.stringMatching(/DISCORD_MESSAGE_CONTENT/),
    });
    fake.gateway.refuseIdentify = null;
  });

  it('posts a digest in a channel with a thread, and with Message Content answers any thread message', async () => {
    await adapter.stop();
    adapter = await startAdapter({ messageContent: true });
    expect(fake.gateway.stats.intents).toBe(1 | 512 | 32768);
    const reply = await handlers.command({
      command: 'brief',
      subcommand: null,
      options: { topic: 'iran-uk' },
      user: { id: 'scheduler', name: 'scheduler', canManage: true },
      channel: { platform: 'discord', workspace: IDS.guild, channel: IDS.channel },
    });
    const thread = await adapter.post(
      { platform: 'discord', workspace: IDS.guild, channel: IDS.channel },
      reply,
    );
    expect(fake.rest.sent.find((m) => m.via === 'channel')?.channelId).toBe(IDS.channel);
    expect(thread.thread).not.toBe(IDS.channel);
    await waitFor('the thread in the client', () => fake.gateway.threads.length > 0);
    fake.userMessage(
      thread.thread,
      'how many attempts to kidnap or assassinate were there?',
      false,
    );
    await waitFor('the answer', () =>
      fake.rest.sent.find((m) => m.via === 'channel' && m.channelId === thread.thread),
    );
  });
});

import { COMMANDS } from '../commands/index.ts';
import { createAnswerer } from '../src/answer/index.ts';
import type { Topic } from '../src/briefing/topics.ts';
import { createDiscordAdapter } from '../src/chat/discord/adapter.ts';
import { createHandlers } from '../src/chat/handlers.ts';
import { createSlackAdapter } from '../src/chat/slack/index.ts';
import { createFetcher, fetchSettings } from '../src/ingest/fetch/fetcher.ts';
import type { Stores } from '../src/store/ports/port.ts';
import { IDS } from '../tests/fakes/discord/payloads.ts';
import { startFakeDiscord } from '../tests/fakes/discord/server.ts';
import { commandForm, postSigned } from '../tests/fakes/slack/requests.ts';
import { startFakeSlack } from '../tests/fakes/slack/server.ts';

/**
 * `/brief` to the platform's first response, `concurrency` invocations at once, through the real
 * discord.js and Bolt adapters against the fake Discord and fake Slack on 127.0.0.1, in this
 * process. Discord: from the INTERACTION_CREATE the gateway sends to the interaction callback
 * the bot makes; Slack (HTTP mode): from the signed POST to its HTTP acknowledgement.
 */

export interface CommandAck {
  concurrency: number;
  rounds: number;
  discordP50: number;
  discordP99: number;
  slackP50: number;
  slackP99: number;
  /** Of both platforms' samples together. */
  p99: number;
}

const SECRET = 'bench-secret';
const FORM = 'application/x-www-form-urlencoded';

export async function commandAck(
  stores: Stores,
  topics: Topic[],
  topic: string,
  concurrency = 50,
  rounds = 3,
): Promise<CommandAck> {
  const context = {
    stores,
    topics,
    timezone: 'UTC',
    now: () => new Date(),
    fetcher: createFetcher(fetchSettings([])),
    feedEveryMs: 15 * 60_000,
  };
  const handlers = createHandlers({
    context,
    commands: COMMANDS,
    answer: createAnswerer(null),
    log: () => {},
  });
  const discord: number[] = [];
  const slack: number[] = [];

  const fakeDiscord = await startFakeDiscord();
  const discordAdapter = createDiscordAdapter(
    {
      token: 'bench-token',
      applicationId: IDS.app,
      guildId: IDS.guild,
      apiUrl: fakeDiscord.apiUrl,
      messageContent: false,
    },
    { commands: COMMANDS, log: () => {}, rest: { retries: 0 } },
  );
  await discordAdapter.start(handlers);
  const fakeSlack = await startFakeSlack();
  const slackAdapter = createSlackAdapter(
    {
      botToken: 'xoxb-bench',
      signingSecret: SECRET,
      appToken: null,
      apiUrl: fakeSlack.apiUrl,
      port: 0,
      managers: [],
    },
    { commands: COMMANDS, host: '127.0.0.1', retryConfig: { retries: 0 }, log: () => {} },
  );
  await slackAdapter.start(handlers);
  const events = `http://127.0.0.1:${slackAdapter.listeningPort()}/slack/events`;
  try {
    // Round 0 warms the code paths up and is not counted.
    for (let round = 0; round <= rounds; round++) {
      const counted = round > 0;
      const sent = Array.from({ length: concurrency }, () => ({
        at: Date.now(),
        token: fakeDiscord.command('brief', [{ type: 3, name: 'topic', value: topic }]),
      }));
      discord.push(
        ...(await Promise.all(sent.map((s) => firstCallback(fakeDiscord, s.token, s.at)))),
      );
      const acks = await Promise.all(
        Array.from({ length: concurrency }, (_, i) =>
          postSigned(
            events,
            SECRET,
            commandForm({
              text: topic,
              response_url: fakeSlack.responseUrl(`bench-${round}-${i}`),
            }),
            FORM,
          ),
        ),
      );
      if (counted) slack.push(...acks.map((a) => a.ms));
      // Let the briefings the commands started finish before the next round.
      await waitUntil(
        () => fakeSlack.succeeded('chat.postMessage').length >= concurrency * (round + 1),
      );
    }
  } finally {
    await discordAdapter.stop();
    await slackAdapter.stop();
    await fakeDiscord.close();
    await fakeSlack.close();
  }
  return {
    concurrency,
    rounds,
    discordP50: percentile(discord, 50),
    discordP99: percentile(discord, 99),
    slackP50: percentile(slack, 50),
    slackP99: percentile(slack, 99),
    p99: percentile([...discord, ...slack], 99),
  };
}

async function firstCallback(
  fake: Awaited<ReturnType<typeof startFakeDiscord>>,
  token: string,
  sentAt: number,
): Promise<number> {
  let at = 0;
  await waitUntil(() => {
    const r = fake.rest.requests.find((q) => q.path.endsWith(`/${token}/callback`));
    if (r) at = r.at;
    return r !== undefined;
  });
  return at - sentAt;
}

async function waitUntil(done: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('bench: a platform did not answer within a minute');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

import {
  type APIMessage,
  Client,
  Events,
  GatewayIntentBits,
  Partials,
  type RateLimitData,
} from 'discord.js';
import type { ChatAdapter, InboundHandlers } from '../../model/chat-port.ts';
import { BriefwireError, reasonOf } from '../../model/errors.ts';
import type { ChannelRef, Posted, ThreadRef } from '../../model/refs.ts';
import type { Reply } from '../../model/reply.ts';
import { renderDiscord } from '../../render/discord.ts';
import { registerCommands } from './commands.ts';
import { connect } from './connect.ts';
import type { DiscordContext } from './context.ts';
import { discordDeliveryError } from './delivery-errors.ts';
import { digestNonces, findDigestMessage } from './digests.ts';
import { onAutocomplete, onCommand } from './interactions.ts';
import { checkReachable, DISCORD_START_BOUND_MS } from './reachability.ts';
import { openThread, postMessages } from './send.ts';
import { type DiscordAdapterOptions, type DiscordSettings, defaultLog } from './settings.ts';
import { onThreadMessage, openReplyThread } from './threads.ts';

/**
 * Guilds (commands, channels, threads) and GuildMessages (mentions in threads); the message
 * text of non-mentions only with the privileged intent.
 */
export function intentsFor(settings: DiscordSettings): number {
  let intents = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages;
  if (settings.messageContent) intents |= GatewayIntentBits.MessageContent;
  return intents;
}

/**
 * The Discord adapter on the real discord.js client: the gateway brings interactions and
 * thread messages, REST (through `apiUrl` when set) carries everything we send. `post` and
 * `findDigest` (scheduled digests) throw DeliveryError; `findDigest` reads the channel's
 * history, which needs the bot's Read Message History permission there.
 */

export function createDiscordAdapter(
  settings: DiscordSettings,
  options: DiscordAdapterOptions,
): ChatAdapter {
  const log = options.log ?? defaultLog;
  const commands = options.commands;
  const maxWaitMs = options.maxRateLimitWaitMs ?? 120_000;
  const client = new Client({
    intents: intentsFor(settings),
    // A replica runs its share of the gateway shards; guilds are spread over shards by Discord.
    ...(settings.shards === 'auto'
      ? { shards: 'auto' as const }
      : settings.shards
        ? { shards: settings.shards.ids, shardCount: settings.shards.count }
        : {}),
    // A message in a thread the client has not cached (one opened before a restart) still arrives.
    partials: [Partials.Channel],
    // The default for anything sent without its own; every send also sets it.
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      // discord.js appends /v10 and the route itself.
      ...(settings.apiUrl ? { api: settings.apiUrl.replace(/\/+$/, '') } : {}),
      // A longer wait than this fails the request (RateLimitError) rather than holding it.
      rejectOnRateLimit: (limit: RateLimitData) => limit.retryAfter > maxWaitMs,
      ...options.rest,
    },
  });
  let ctx: DiscordContext | null = null;

  const render = (reply: Reply) => {
    const name = client.user?.username ?? 'the bot';
    const footer = settings.messageContent
      ? 'Ask about this briefing in its thread.'
      : `Ask about this briefing in its thread: mention @${name}.`;
    return renderDiscord(reply, { footer });
  };

  const guard =
    <T>(what: string, run: (c: DiscordContext, x: T) => Promise<void>) =>
    (x: T): void => {
      if (!ctx) return;
      run(ctx, x).catch((e: unknown) => log('error', `${what}: ${reasonOf(e)}`));
    };

  client.on(
    Events.InteractionCreate,
    guard('interaction', async (c, interaction) => {
      if (interaction.isChatInputCommand()) await onCommand(c, interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(c, interaction);
    }),
  );
  client.on(Events.MessageCreate, guard('thread message', onThreadMessage));
  client.on(Events.Error, (e) => log('error', `client: ${reasonOf(e)}`));
  client.on(Events.ShardResume, () => log('info', 'gateway connection resumed'));
  client.on(Events.ShardDisconnect, (event) =>
    log('error', `gateway closed for good (${event.code}); the bot is offline`),
  );

  return {
    platform: 'discord',

    async start(handlers: InboundHandlers): Promise<void> {
      // Set before login: events can arrive as soon as the gateway is ready.
      ctx = {
        client: client as Client<true>,
        handlers,
        settings,
        ephemeralWithinMs: options.ephemeralWithinMs ?? 1500,
        log,
        render,
      };
      const deadline = Date.now() + (options.readyTimeoutMs ?? DISCORD_START_BOUND_MS);
      try {
        await checkReachable(client, settings.token, deadline);
      } catch (e) {
        ctx = null;
        await client.destroy();
        throw e;
      }
      try {
        await connect(client, settings.token, Math.max(1, deadline - Date.now()));
      } catch (e) {
        ctx = null;
        throw e;
      }
      let result: Awaited<ReturnType<typeof registerCommands>>;
      try {
        result = await registerCommands(
          client.rest,
          settings.applicationId,
          settings.guildId,
          commands,
        );
      } catch (e) {
        // A start that fails part-way leaves nothing connected: the gateway goes with it.
        ctx = null;
        await client.destroy();
        throw new BriefwireError(
          'PLATFORM_FAILED',
          `Discord: registering the slash commands failed: ${reasonOf(e)}`,
          settings.apiUrl ?? 'discord.com',
          { cause: e },
        );
      }
      log(
        'info',
        `logged in as ${client.user?.tag}; commands (${result.scope}) ${result.changed ? 'registered' : 'unchanged'}`,
      );
    },

    async post(target: ChannelRef, reply: Reply): Promise<Posted> {
      const messages = render(reply);
      let first: APIMessage | undefined;
      try {
        const nonces =
          reply.kind === 'digest' ? digestNonces(reply.digest.key, messages.length) : [];
        [first] = await postMessages(client.rest, target.channel, messages, { nonces });
      } catch (e) {
        throw discordDeliveryError(e, target.channel);
      }
      if (!first) throw discordDeliveryError(new Error('nothing was rendered'), target.channel);
      // A "nothing new" digest has nothing to ask about: no thread.
      const threaded = reply.kind !== 'digest' || reply.digest.briefing !== null;
      const opened =
        ctx && threaded
          ? await openReplyThread(ctx, target, first.id, reply, first.thread?.id)
          : null;
      // Without a thread, follow-ups go to the channel itself.
      return { ...(opened ?? { ...target, thread: target.channel }), messageId: first.id };
    },

    async findDigest(target: ChannelRef, key: string): Promise<Posted | null> {
      const botId = client.user?.id ?? settings.applicationId;
      let found: APIMessage | null;
      try {
        found = await findDigestMessage(client.rest, target.channel, botId, key);
      } catch (e) {
        throw discordDeliveryError(e, target.channel, 'history read');
      }
      if (!found) return null;
      let thread = found.thread?.id ?? null;
      // A crash between the post and its thread leaves a briefing digest without one: open it now.
      // (A "nothing new" line has no embeds and never gets a thread.)
      if (!thread && found.embeds.length && target.workspace !== null) {
        const title = found.embeds[0]?.title ?? 'Digest';
        thread = await openThread(client.rest, target.channel, found.id, title).catch(
          (e: unknown) => {
            log('warn', `could not open a thread on digest ${key}: ${reasonOf(e)}`);
            return null;
          },
        );
      }
      return { ...target, thread: thread ?? target.channel, messageId: found.id };
    },

    async reply(thread: ThreadRef, reply: Reply): Promise<void> {
      await postMessages(client.rest, thread.thread, render(reply));
    },

    async stop(): Promise<void> {
      ctx = null;
      await client.destroy();
    },
  };
}

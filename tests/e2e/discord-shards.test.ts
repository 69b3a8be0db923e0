import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { createDiscordAdapter } from '../../src/chat/discord/adapter.ts';
import { type DiscordShards, parseDiscordShards } from '../../src/chat/discord/settings.ts';
import { loadConfig } from '../../src/config.ts';
import type { ChatAdapter, InboundHandlers } from '../../src/model/chat-port.ts';
import { IDS } from '../fakes/discord/payloads.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/server.ts';

/**
 * Discord on several replicas: each runs its share of the gateway shards, named by
 * BRIEFWIRE_DISCORD_SHARDS, and identifies with exactly those to the (fake) gateway.
 */

const handlers: InboundHandlers = {
  command: async () => ({ kind: 'text', text: 'ok', ephemeral: true }),
  autocomplete: async () => [],
  briefingPosted: async () => {},
  threadMessage: async () => null,
};

describe('BRIEFWIRE_DISCORD_SHARDS', () => {
  it('reads auto, a count, or ids over a count, and names the variable when it is wrong', () => {
    expect(parseDiscordShards('auto')).toBe('auto');
    expect(parseDiscordShards('3')).toEqual({ ids: [0, 1, 2], count: 3 });
    expect(parseDiscordShards(' 2, 0 /4')).toEqual({ ids: [0, 2], count: 4 });
    expect(parseDiscordShards('4/4')).toMatch(/shard id 4 is not below the count 4/);
    expect(parseDiscordShards('some')).toMatch(/must be auto, a shard count/);
    const env = {
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '1',
      BRIEFWIRE_DISCORD_SHARDS: '0/0',
    };
    expect(() => loadConfig(env)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', input: 'BRIEFWIRE_DISCORD_SHARDS' }),
    );
    expect(loadConfig({ ...env, BRIEFWIRE_DISCORD_SHARDS: '1/2' }).discord?.shards).toEqual({
      ids: [1],
      count: 2,
    });
  });

  describe('against the fake gateway', () => {
    let fake: FakeDiscord | undefined;
    let adapter: ChatAdapter | undefined;
    afterEach(async () => {
      await adapter?.stop();
      await fake?.close();
    });

    const start = async (shards?: DiscordShards) => {
      fake = await startFakeDiscord();
      adapter = createDiscordAdapter(
        {
          token: 'fake-bot-token',
          applicationId: IDS.app,
          guildId: IDS.guild,
          apiUrl: fake.apiUrl,
          messageContent: false,
          ...(shards ? { shards } : {}),
        },
        { commands: COMMANDS, log: () => {}, rest: { retries: 0 } },
      );
      await adapter.start(handlers);
      return fake.gateway.stats.shards;
    };

    it('identifies as the one shard it owns of two, as a second replica would', async () => {
      expect(await start({ ids: [1], count: 2 })).toEqual([[1, 2]]);
    });

    it('asks the gateway how many shards to run with auto', async () => {
      expect(await start('auto')).toEqual([[0, 1]]);
    });
  });
});

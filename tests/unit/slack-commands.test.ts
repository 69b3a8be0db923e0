import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { helpText, parseCommandText } from '../../src/chat/command-text.ts';
import { plainFromSlack } from '../../src/chat/slack/inbound-text.ts';
import { withRateLimit } from '../../src/chat/slack/rate-limit.ts';
import { createUserDirectory } from '../../src/chat/slack/users.ts';
import { repoRoot } from '../helpers/shared.ts';

/** The Slack adapter's own parts: `/brief <words>`, inbound text, 429s, who may manage, the manifest. */

const parse = (text: string) => parseCommandText(text, COMMANDS, 'brief', '/brief');

describe('/brief <words>', () => {
  it('maps a topic and window onto /brief', () => {
    expect(parse('iran-uk')).toEqual({
      kind: 'invoke',
      command: 'brief',
      subcommand: null,
      options: { topic: 'iran-uk' },
    });
    expect(parse('  iran-uk   7d ')).toMatchObject({ options: { topic: 'iran-uk', since: '7d' } });
  });

  it('maps subscription words onto /briefings subcommands, options in declared order', () => {
    expect(parse('subscribe iran-uk 08:00 Europe/London')).toEqual({
      kind: 'invoke',
      command: 'briefings',
      subcommand: 'subscribe',
      options: { topic: 'iran-uk', time: '08:00', timezone: 'Europe/London' },
    });
    expect(parse('subscribe iran-uk 08:00')).toMatchObject({
      options: { topic: 'iran-uk', time: '08:00' },
    });
    expect(parse('list')).toMatchObject({ command: 'briefings', subcommand: 'list', options: {} });
    expect(parse('unsubscribe iran-uk')).toMatchObject({
      subcommand: 'unsubscribe',
      options: { topic: 'iran-uk' },
    });
  });

  it('answers help, topics and wrong arity itself', () => {
    expect(parse('')).toEqual({ kind: 'help' });
    expect(parse('HELP')).toEqual({ kind: 'help' });
    expect(parse('topics')).toEqual({ kind: 'topics' });
    expect(parse('subscribe iran-uk')).toEqual({
      kind: 'usage',
      message: 'Missing time. Usage: /brief subscribe <topic> <time> [timezone] [days] [quiet]',
    });
    expect(parse('iran-uk 7d extra')).toMatchObject({ kind: 'usage', message: /^Too many words/ });
  });

  it('lists every declared subcommand in the help', () => {
    const help = helpText(COMMANDS, 'brief', '/brief');
    expect(help).toContain('`/brief <topic> [since]`');
    for (const s of COMMANDS.flatMap((c) => c.subcommands))
      expect(help).toContain(`/brief ${s.name}`);
  });
});

describe('inbound Slack text', () => {
  it("drops the bot's mention, names the rest, and decodes Slack's escaping", () => {
    expect(plainFromSlack('<@UBOT> who said &lt;this&gt; &amp; that?', 'UBOT')).toBe(
      'who said <this> & that?',
    );
    expect(plainFromSlack('ask <@U2|ana> in <#C1|news> via <https://x.test|a link> <!here>')).toBe(
      'ask @ana in #news via a link @here',
    );
  });
});

describe('rate limits', () => {
  const limited = (retryAfter: number) =>
    Object.assign(new Error('limited'), { code: 'slack_webapi_rate_limited_error', retryAfter });

  it('waits out retry-after and sends again, a bounded number of times', async () => {
    const waits: number[] = [];
    let calls = 0;
    const sleep = async (ms: number) => void waits.push(ms);
    const ok = await withRateLimit(
      async () => {
        if (++calls < 3) throw limited(2);
        return 'sent';
      },
      { attempts: 5, maxWaitMs: 10_000, sleep },
    );
    expect(ok).toBe('sent');
    expect(waits).toEqual([2000, 2000]);
    calls = 0;
    await expect(
      withRateLimit(
        async () => {
          calls++;
          throw limited(1);
        },
        { attempts: 3, maxWaitMs: 10_000, sleep },
      ),
    ).rejects.toThrow('limited');
    expect(calls).toBe(3);
    await expect(
      withRateLimit(
        async () => {
          throw limited(600);
        },
        { attempts: 3, maxWaitMs: 10_000, sleep },
      ),
    ).rejects.toThrow();
    await expect(
      withRateLimit(async () => {
        throw new Error('other');
      }),
    ).rejects.toThrow('other');
  });
});

describe('who may manage subscriptions', () => {
  it('is a workspace admin or owner, or listed in SLACK_MANAGERS; lookups are cached', async () => {
    const asked: string[] = [];
    const users = createUserDirectory(
      async (id) => {
        asked.push(id);
        if (id === 'UFAIL') throw new Error('missing_scope');
        return {
          ok: true,
          user: { name: id.toLowerCase(), is_admin: id === 'UADMIN', is_owner: id === 'UOWNER' },
        };
      },
      ['ULISTED', 'UFAIL'],
      () => {},
    );
    expect(await users.lookup('UADMIN')).toEqual({ id: 'UADMIN', name: 'uadmin', canManage: true });
    expect((await users.lookup('UOWNER')).canManage).toBe(true);
    expect((await users.lookup('ULISTED')).canManage).toBe(true);
    expect((await users.lookup('UMEMBER')).canManage).toBe(false);
    expect(await users.lookup('UFAIL', 'fay')).toEqual({
      id: 'UFAIL',
      name: 'fay',
      canManage: true,
    });
    await users.lookup('UADMIN');
    expect(asked.filter((id) => id === 'UADMIN')).toHaveLength(1);
    expect(users.peek('UADMIN').canManage).toBe(true);
    expect(users.peek('UNEW')).toEqual({ id: 'UNEW', name: 'UNEW', canManage: false });
    expect(asked).not.toContain('UNEW');
  });
});

describe('the Slack app manifests', () => {
  const read = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'slack', name), 'utf8'));

  it('declare /brief, the scopes and the events the adapter uses, for both modes', () => {
    const http = read('manifest.json');
    const socket = read('manifest.socket-mode.json');
    for (const m of [http, socket]) {
      expect(m.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([
        '/brief',
      ]);
      expect(m.oauth_config.scopes.bot).toEqual(
        expect.arrayContaining([
          'commands',
          'chat:write',
          'app_mentions:read',
          'channels:history',
          'users:read',
        ]),
      );
      expect(m.settings.event_subscriptions.bot_events).toEqual(
        expect.arrayContaining(['app_mention', 'message.channels']),
      );
    }
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    expect(http.features.slash_commands[0].url).toMatch(/\/slack\/events$/);
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.oauth_config).toEqual(http.oauth_config);
  });
});

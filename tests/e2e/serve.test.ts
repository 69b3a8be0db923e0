import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../fakes/discord/server.ts';
import { startFakeSlack } from '../fakes/slack/server.ts';
import { waitFor } from '../fakes/slack/wait.ts';
import { tempDir } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/shared.ts';

/** `briefwire serve`, the real executable, with one platform's variables set, against its fake. */
const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | string | null>;
}

function serve(env: Record<string, string>): Running {
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'bin/briefwire.js'),
      'serve',
      '--db',
      join(tmp.dir, `${Object.keys(env)[0]}.db`),
    ],
    {
      cwd: tmp.dir,
      env: { PATH: process.env.PATH ?? '', HOME: tmp.dir, ...env },
    },
  );
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, stderr: () => err, exited };
}

describe('briefwire serve', () => {
  it('runs the Discord bot with only Discord variables: connects, registers commands, stops on SIGTERM', async () => {
    const discord = await startFakeDiscord();
    const bot = serve({
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: '100',
      DISCORD_GUILD_ID: '200',
      DISCORD_API_URL: discord.apiUrl,
    });
    try {
      await waitFor(
        'the bot serving on Discord',
        () => bot.stderr().includes('serving on discord'),
        20_000,
      );
      expect(discord.gateway.stats.identifies).toBeGreaterThanOrEqual(1);
      expect([...discord.rest.commands.values()].flat().map((c) => c.name)).toEqual(
        expect.arrayContaining(['brief', 'briefings']),
      );
      bot.child.kill('SIGTERM');
      expect(await bot.exited, bot.stderr()).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
      await discord.close();
    }
  });

  it('runs the Slack bot with only Slack variables (Socket Mode): connects, stops on SIGTERM', async () => {
    const slack = await startFakeSlack();
    const bot = serve({
      SLACK_BOT_TOKEN: 'xoxb-fake',
      SLACK_APP_TOKEN: 'xapp-fake',
      SLACK_API_URL: slack.apiUrl,
    });
    try {
      await waitFor(
        'the bot serving on Slack',
        () => bot.stderr().includes('serving on slack'),
        20_000,
      );
      expect(slack.socket.open).toBe(1);
      bot.child.kill('SIGTERM');
      expect(await bot.exited, bot.stderr()).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
      await slack.close();
    }
  });
});

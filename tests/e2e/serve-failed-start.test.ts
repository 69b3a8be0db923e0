import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../fakes/discord/server.ts';
import { waitFor } from '../fakes/slack/wait.ts';
import { tempDir } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/shared.ts';

/**
 * `briefwire serve` whose start fails part-way (the gateway connected, then Discord answers
 * 500 to the command registration): the real executable must release what it opened and exit
 * by itself. bin/briefwire.js sets process.exitCode and never calls process.exit, so a gateway
 * socket or timer left open would keep the process alive past the deadline.
 */
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('briefwire serve, a platform failing during start', () => {
  it('exits non-zero within 10 s with the reason, leaving no connection or timer open', async () => {
    const discord = await startFakeDiscord();
    discord.rest.failNext('GET', /\/commands$/, Number.POSITIVE_INFINITY, 500);
    discord.rest.failNext('PUT', /\/commands$/, Number.POSITIVE_INFINITY, 500);
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'bin/briefwire.js'), 'serve', '--db', join(tmp.dir, 'serve.db')],
      {
        cwd: tmp.dir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: tmp.dir,
          DISCORD_TOKEN: 'fake-token',
          DISCORD_APPLICATION_ID: '100',
          DISCORD_GUILD_ID: '200',
          DISCORD_API_URL: discord.apiUrl,
        },
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    const deadline = new Promise<'still running'>((resolve) =>
      setTimeout(() => resolve('still running'), 10_000).unref(),
    );
    try {
      const outcome = await Promise.race([exited, deadline]);
      expect(outcome, stderr).not.toBe('still running');
      expect(outcome).toBe(1);
      expect(Date.now() - started).toBeLessThan(10_000);
      // The gateway was reached before the failure, so there was something to release.
      expect(discord.gateway.stats.identifies).toBeGreaterThanOrEqual(1);
      await waitFor('the gateway connection to close', () => !discord.gateway.connected, 2_000);
      const reason = stderr.split('\n').filter((l) => l.includes('registering the slash commands'));
      expect(reason, stderr).toHaveLength(1);
      expect(reason[0]).toMatch(
        /^briefwire serve: Discord: registering the slash commands failed: .*(500|Internal Server Error)/,
      );
      expect(reason[0]).toContain('[PLATFORM_FAILED]');
      expect(stderr).not.toContain('serving on');
    } finally {
      child.kill('SIGKILL');
      await discord.close();
    }
  });
});

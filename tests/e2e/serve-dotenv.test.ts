import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeSlack } from '../fakes/slack/server.ts';
import { waitFor } from '../fakes/slack/wait.ts';
import { tempDir } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/shared.ts';

/** The real executable reads `.env` from its working directory, under the environment. */
const tmp = tempDir();
afterAll(() => tmp.cleanup());

const BIN = join(repoRoot, 'bin/briefwire.js');

/** A working directory holding `.env` with `text`. */
function workDir(name: string, text: string): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  writeFileSync(join(dir, '.env'), text);
  return dir;
}

/** Only PATH and HOME from the test's own environment, plus `env`. */
function cleanEnv(dir: string, env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: dir, ...env };
}

describe('briefwire serve with a .env', () => {
  it('serves on Slack (HTTP mode) from .env alone, the environment winning, then stops on SIGTERM', async () => {
    const slack = await startFakeSlack();
    const dir = workDir(
      'slack',
      [
        '# as a user fills in .env.example: blanks for the platform not used',
        'DISCORD_TOKEN=',
        'DISCORD_APPLICATION_ID=',
        'SLACK_BOT_TOKEN="xoxb-fake"',
        "SLACK_SIGNING_SECRET='fake-secret' # from Basic Information",
        // Nothing listens here: serving proves the environment's SLACK_API_URL won.
        'SLACK_API_URL=http://127.0.0.1:9/api/',
        'PORT=0',
        '',
      ].join('\n'),
    );
    const child: ChildProcess = spawn(
      process.execPath,
      [BIN, 'serve', '--db', join(dir, 'serve.db')],
      { cwd: dir, env: cleanEnv(dir, { SLACK_API_URL: slack.apiUrl }) },
    );
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    try {
      await waitFor('the bot serving on Slack', () => err.includes('serving on slack'), 20_000);
      expect(slack.succeeded('auth.test').length).toBeGreaterThanOrEqual(1);
      expect(slack.calls.find((c) => c.method === 'auth.test')?.token).toBe('xoxb-fake');
      child.kill('SIGTERM');
      expect(await exited, err).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await slack.close();
    }
  });

  it('refuses a malformed .env with CONFIG_INVALID naming the file and line', () => {
    const dir = workDir('malformed', 'LOG_LEVEL=info\nSLACK_BOT_TOKEN xoxb-fake\n');
    const r = spawnSync(process.execPath, [BIN, 'topics'], {
      cwd: dir,
      env: cleanEnv(dir),
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `briefwire topics: ${join(dir, '.env')}:2: expected NAME=value [CONFIG_INVALID]\n`,
    );
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { commandForm, postSigned } from '../fakes/slack/requests.ts';
import { startFakeSlack } from '../fakes/slack/server.ts';
import { waitFor } from '../fakes/slack/wait.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/shared.ts';

/**
 * `serve` with BRIEFWIRE_WEB_PORT and BRIEFWIRE_PUBLIC_URL: a briefing asked for in Slack carries
 * a "Full briefing" link, and that link opens the briefing's page from the same process.
 */

const tmp = tempDir('briefwire-serve-web-');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  tmp.cleanup();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('serve with its web pages', () => {
  it.each([
    ['on a port of their own (BRIEFWIRE_WEB_PORT)', true],
    ["beside /slack/events on Slack's PORT", false],
  ])(
    'links a Slack briefing to its page, and serves that page %s',
    async (_where, ownPort) => {
      const db = join(tmp.dir, `web-${ownPort}.db`);
      expect((await runCli(['ingest', DEMO_ARTICLES, '--db', db])).code).toBe(0);
      const slack = await startFakeSlack();
      const [slackPort, webPort] = [await freePort(), await freePort()];
      const publicUrl = `http://127.0.0.1:${ownPort ? webPort : slackPort}`;
      const child = spawn(
        process.execPath,
        [join(repoRoot, 'bin/briefwire.js'), 'serve', '--db', db],
        {
          cwd: tmp.dir,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: tmp.dir,
            SLACK_BOT_TOKEN: 'xoxb-fake',
            SLACK_SIGNING_SECRET: 'web-secret',
            SLACK_API_URL: slack.apiUrl,
            PORT: String(slackPort),
            ...(ownPort ? { BRIEFWIRE_WEB_PORT: String(webPort) } : {}),
            BRIEFWIRE_PUBLIC_URL: publicUrl,
          },
        },
      );
      children.push(child);
      let log = '';
      child.stderr?.on('data', (d: Buffer) => {
        log += d.toString();
      });
      try {
        await waitFor(
          'serve with pages',
          () => (!ownPort || log.includes('web pages on port')) && log.includes('serving on slack'),
          30_000,
        );
        const body = commandForm({ text: DEMO_TOPIC, response_url: slack.responseUrl('web') });
        const ack = await postSigned(
          `http://127.0.0.1:${slackPort}/slack/events`,
          'web-secret',
          body,
          'application/x-www-form-urlencoded',
        );
        expect(ack.status).toBe(200);
        const post = await waitFor(
          'the briefing',
          () => slack.succeeded('chat.postMessage')[0],
          20_000,
        );
        const link = new RegExp(`<(${publicUrl}/b/b\\d+\\.[\\w-]{22})\\|Full briefing`).exec(
          JSON.stringify(post.params.blocks),
        );
        expect(link, 'the briefing links to its page').not.toBeNull();
        const page = await fetch(link![1]!);
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(html).toContain('<h2>Key quotes</h2>');
        expect(html).toMatch(/href="\/a\/a\d+\.[\w-]{22}\?span=\d+-\d+#hl"/);
        const style = await fetch(`${publicUrl}/style.css`);
        expect(style.headers.get('content-type')).toContain('text/css');
        // The topic page and the control panel answer on the same address as the briefing.
        const topic = /href="(\/t\/t-[a-z0-9-]+\.[\w-]{22})"/.exec(html)?.[1];
        expect((await fetch(`${publicUrl}${topic}`)).status).toBe(200);
        expect((await fetch(`${publicUrl}/panel`)).status).toBe(401);
        const signin = await fetch(`${publicUrl}/signin/${'x'.repeat(32)}`, { method: 'POST' });
        expect(signin.status).toBe(403);
      } finally {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
        await slack.close();
      }
    },
    90_000,
  );
});

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import type { SlackAdapter } from '../../src/chat/slack/index.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { createFetcher, fetchSettings } from '../../src/ingest/fetch/fetcher.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { issueSignin } from '../../src/web/access.ts';
import { createLinkSigner } from '../../src/web/links.ts';
import { createWebServer, type WebServer } from '../../src/web/server.ts';
import { commandForm, postSigned } from '../fakes/slack/requests.ts';
import { FAKE_TEAM, type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import { waitFor } from '../fakes/slack/wait.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { describeWithChromium, launchChromium } from '../helpers/browser.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import { handlerDeps } from '../helpers/handlers.ts';
import { type NewsServer, rssFeed, startNewsServer } from '../helpers/news-server.ts';
import { repoRoot } from '../helpers/shared.ts';
import { connectSlack } from './digest-platforms.ts';

/**
 * The control panel in Chromium: a sign-in link asked for with /brief web through the real
 * Bolt app and the fake Slack, the panel signed into, a digest's time changed in its form, and
 * `briefwire subscriptions` then showing the new slot; axe-core on the panel.
 */

const tmp = tempDir('briefwire-panel-browser-');
const db = join(tmp.dir, 'panel.db');
const SHOTS = join(repoRoot, 'screenshots');

describeWithChromium('the control panel in Chromium', () => {
  let stores: Stores;
  let server: WebServer;
  let slack: FakeSlack;
  let adapter: SlackAdapter;
  let browser: Browser;
  let news: NewsServer;
  let base = '';

  beforeAll(async () => {
    stores = await createStore(db);
    await stores.subscriptions.save({
      platform: 'slack',
      workspace: FAKE_TEAM,
      channel: 'C0NEWS',
      topic: 'marrowby-strike',
      schedule: 'daily 08:00',
      timezone: 'Europe/London',
      createdBy: 'U0MEMBER',
    });
    const topics = loadTopics(BUILTIN_TOPICS_DIR).topics;
    news = await startNewsServer();
    news.route('/quay.xml', {
      contentType: 'application/rss+xml',
      body: rssFeed('Quay desk', [
        {
          id: 'q1',
          title: 'Ferry timetable kept',
          link: news.url('/q1'),
          content:
            '<p>Quayside Ferries kept the crossing open, Ilse Varn of the quay desk said.</p>',
        },
      ]),
    });
    server = createWebServer({
      stores,
      topics,
      signer: createLinkSigner('panel-browser-secret-0123'),
      timezone: 'UTC',
      fetcher: createFetcher(fetchSettings(['127.0.0.1'], { perHostDelayMs: 0 })),
    });
    base = `http://127.0.0.1:${await server.listen(0)}`;
    slack = await startFakeSlack();
    slack.admins.add('U0MEMBER');
    const handlers = createHandlers(
      handlerDeps(
        {
          stores,
          topics,
          timezone: 'UTC',
          now: () => new Date(),
          webSignin: (grant) => issueSignin(stores, base, grant, new Date()),
        },
        () => {},
      ),
    );
    adapter = await connectSlack(slack.apiUrl, handlers);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await adapter?.stop();
    await slack?.close();
    await server?.close();
    await news?.close();
    await stores?.close();
    tmp.cleanup();
  });

  it("signs in from a Slack link, changes a digest's time, and the CLI shows the new slot", async () => {
    const events = `http://127.0.0.1:${adapter.listeningPort()}/slack/events`;
    const body = commandForm({ text: 'web', response_url: slack.responseUrl('web') });
    expect(
      (await postSigned(events, 'secret', body, 'application/x-www-form-urlencoded')).status,
    ).toBe(200);
    const reply = await waitFor(
      'the private sign-in link',
      () => slack.responses.find((r) => r.name === 'web'),
      10_000,
    );
    expect(JSON.stringify(reply.body)).toContain('ephemeral');
    const link = new RegExp(`${base}/signin/[\\w-]+`).exec(JSON.stringify(reply.body))?.[0];
    expect(link).toBeDefined();

    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    try {
      await page.goto(link!);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/panel`);
      expect(await page.getByText('you may change these digests').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Time').fill('07:45');
      await page.getByRole('button', { name: 'Change time' }).click();
      await page.waitForURL(/done=retimed/);
      await page.getByRole('status').waitFor();
      expect(await page.getByRole('status').textContent()).toMatch(/The time is changed/);
      // A feed served on 127.0.0.1, added in the panel: polled at once, its health row shown.
      await page.getByLabel('Feed URL').fill(news.url('/quay.xml'));
      await page.getByRole('button', { name: 'Add feed' }).click();
      await page.waitForURL(/done=feed-added/);
      const row = page.locator('tr', { hasText: news.url('/quay.xml') });
      expect(await row.locator('td').nth(1).textContent()).toBe('ok');
      expect(await row.textContent()).toMatch(/1 new last time, 1 in all/);
      await page.screenshot({ path: join(SHOTS, 'panel.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      // The topics, with how many stored articles match each, and a preview link.
      const topicRow = page.locator('tr', { hasText: 'Preview its briefing' }).first();
      expect(await topicRow.textContent()).toMatch(/\d+ in the last \w+\d+ stored/);
    } finally {
      await page.close();
    }
    const listed = await runCli(['subscriptions', '--db', db]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/07:45/);
    expect(listed.stdout).not.toMatch(/08:00/);
  }, 90_000);
});

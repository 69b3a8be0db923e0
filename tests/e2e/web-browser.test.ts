import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { ChatAdapter } from '../../src/model/chat-port.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { issueSignin } from '../../src/web/access.ts';
import { createLinkSigner } from '../../src/web/links.ts';
import { briefingPath, createWebServer, type WebServer } from '../../src/web/server.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/server.ts';
import { waitFor } from '../fakes/discord/wait.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { describeWithChromium, launchChromium } from '../helpers/browser.ts';
import { handlerDeps } from '../helpers/handlers.ts';
import { repoRoot } from '../helpers/shared.ts';
import { connectDiscord } from './digest-platforms.ts';

/**
 * The pages in a real browser (Debian's Chromium through playwright-core): a briefing opened
 * from the link the bot posted in the fake Discord, a quote clicked through to its article
 * with the words highlighted in view, and axe-core on every page, with no serious violation.
 * Screenshots of each page land in screenshots/ for people to look at.
 */

/** Written on every run (git ignores it); docs/screenshots/ holds the copies the README shows. */
const SHOTS = join(repoRoot, 'screenshots');
const SECRET = 'browser-test-secret-0123456789';

describeWithChromium('the web pages in Chromium', () => {
  let stores: Stores;
  let server: WebServer;
  let fake: FakeDiscord;
  let adapter: ChatAdapter;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stores = await createStore(':memory:');
    await ingestPaths(stores, [DEMO_ARTICLES], { threads: 0 });
    const topics = loadTopics(BUILTIN_TOPICS_DIR).topics;
    const signer = createLinkSigner(SECRET);
    server = createWebServer({ stores, topics, signer });
    base = `http://127.0.0.1:${await server.listen(0)}`;
    const handlers = createHandlers(
      handlerDeps(
        {
          stores,
          topics,
          timezone: 'UTC',
          now: () => new Date(),
          briefingUrl: async (id) => `${base}${briefingPath(signer, id)}`,
          webSignin: (grant) => issueSignin(stores, base, grant, new Date()),
        },
        () => {},
      ),
    );
    fake = await startFakeDiscord();
    adapter = await connectDiscord(fake.apiUrl, handlers);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await adapter?.stop();
    await fake?.close();
    await server?.close();
    await stores?.close();
  });

  it('opens the briefing linked from Discord, and a quote clicked shows its words highlighted in view', async () => {
    fake.command('brief', [{ type: 3, name: 'topic', value: DEMO_TOPIC }]);
    const link = await waitFor(
      'the Full briefing link in the bot’s message',
      () => {
        const text = JSON.stringify(fake.rest.sent);
        return new RegExp(`${base}/b/b\\d+\\.[\\w-]{22}`).exec(text)?.[0];
      },
      20_000,
    );
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      const res = await page.goto(link);
      expect(res?.status()).toBe(200);
      await page.screenshot({ path: join(SHOTS, 'briefing.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      const quote = page.locator('h2:has-text("Key quotes") + ul li a').first();
      const words = (await quote.textContent())?.replace(/[“”]/g, '') ?? '';
      await quote.click();
      await page.waitForURL(/\/a\/a\d+\.[\w-]{22}\?span=\d+-\d+#hl$/);
      const mark = page.locator('#hl');
      expect(await mark.textContent()).toBe(words);
      await expect.poll(() => mark.isVisible()).toBe(true);
      const box = await mark.boundingBox();
      expect(box && box.y >= 0 && box.y < 844, 'the highlighted words are in view').toBe(true);
      expect(
        await mark.evaluate('getComputedStyle(document.getElementById("hl")).outlineStyle'),
      ).toBe('solid');
      await page.screenshot({ path: join(SHOTS, 'article.png') });
      expect(await seriousViolations(page)).toEqual([]);
      await page.goBack();
      await page.locator("text=The topic's coverage").click();
      await page.waitForURL(/\/t\/t-[a-z0-9-]+\.[\w-]{22}$/);
      expect(await page.locator('svg[role="img"] rect').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, 'topic.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  }, 90_000);

  it('signs in to the control panel with the private link /briefings web gave on Discord', async () => {
    const token = fake.command('briefings', [{ type: 1, name: 'web', options: [] }], {
      canManage: true,
    });
    const answer = await waitFor(
      'the private sign-in link',
      () => fake.rest.requests.find((r) => r.path.endsWith(`/${token}/callback`)),
      20_000,
    );
    // Ephemeral (flag 64): only the person who asked sees the link.
    expect(JSON.stringify(answer.body)).toMatch(/"flags":64/);
    const link = new RegExp(`${base}/signin/[\\w-]+`).exec(JSON.stringify(answer.body))?.[0];
    expect(link).toBeDefined();
    const page = await browser.newPage();
    try {
      await page.goto(link!);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/panel`);
      expect(await page.locator('p.meta').first().textContent()).toMatch(
        /^discord \d+ · you may change these digests$/,
      );
    } finally {
      await page.close();
    }
  }, 60_000);
});

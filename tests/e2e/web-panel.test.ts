import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/chat/handlers.ts';
import type { Reply } from '../../src/model/reply.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import type { WebGrant } from '../../src/store/ports/web-access.ts';
import { issueSignin, SIGNINS_PER_WINDOW } from '../../src/web/access.ts';
import { createLinkSigner } from '../../src/web/links.ts';
import { createWebServer, type WebServer } from '../../src/web/server.ts';
import { handlerDeps } from '../helpers/handlers.ts';

/**
 * The control panel over HTTP: a one-time sign-in link asked for in chat, a session cookie, the
 * digests of that workspace only, changes by managers with the form's CSRF token, read-only
 * sessions refused, another workspace's digest unknown, sign-out.
 */

let stores: Stores;
let server: WebServer;
let base = '';
const LOCH = 'T0LOCH';
const ids: Record<string, number> = {};

beforeAll(async () => {
  stores = await createStore(':memory:');
  const sub = (workspace: string, channel: string, topic: string) =>
    stores.subscriptions.save({
      platform: 'slack',
      workspace,
      channel,
      topic,
      schedule: 'daily 08:00',
      timezone: 'Europe/London',
      createdBy: 'U0SETUP',
    });
  ids.mill = (await sub(LOCH, 'C0MILL', 'tidal-mill')).id;
  ids.ferry = (await sub(LOCH, 'C0FERRY', 'ferry-fares')).id;
  ids.other = (await sub('T0OTHER', 'C0ELSE', 'secret-harbour')).id;
  server = createWebServer({
    stores,
    topics: [],
    signer: createLinkSigner('panel-test-secret-0123'),
  });
  base = `http://127.0.0.1:${await server.listen(0)}`;
});
afterAll(async () => {
  await server?.close();
  await stores?.close();
});

const manager: WebGrant = { platform: 'slack', workspace: LOCH, user: 'U0KEEPER', canManage: true };
const reader: WebGrant = { ...manager, user: 'U0READER', canManage: false };

async function link(grant: WebGrant, now = new Date()): Promise<string> {
  const r = await issueSignin(stores, base, grant, now);
  if (!('url' in r)) throw new Error(r.refused);
  return r.url;
}

/** Opens a sign-in link and presses Sign in, as a browser does (the form's cookie and token). */
async function submitSignin(url: string): Promise<Response> {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const pre = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf }).toString(),
  });
}

/** Signs in through the link: the session cookie and the panel's CSRF token. */
async function signIn(url: string): Promise<{ cookie: string; csrf: string; html: string }> {
  const res = await submitSignin(url);
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/panel');
  const set = res.headers.get('set-cookie') ?? '';
  expect(set).toMatch(/HttpOnly/);
  expect(set).toMatch(/SameSite=Lax/);
  const cookie = set.split(';')[0]!;
  const html = await (await fetch(`${base}/panel`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { cookie, csrf, html };
}

const post = (path: string, cookie: string, form: Record<string, string>) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });

describe('signing in', () => {
  it('hands a private link out in chat that signs in once, for that workspace only', async () => {
    const handlers = createHandlers(
      handlerDeps(
        {
          stores,
          topics: [],
          timezone: 'UTC',
          now: () => new Date(),
          webSignin: (g) => issueSignin(stores, base, g, new Date()),
        },
        () => {},
      ),
    );
    const reply: Reply = await handlers.command({
      command: 'briefings',
      subcommand: 'web',
      options: {},
      user: { id: 'U0KEEPER', canManage: true },
      channel: { platform: 'slack', workspace: LOCH, channel: 'C0MILL' },
    } as Parameters<typeof handlers.command>[0]);
    expect(reply.kind === 'text' && reply.ephemeral).toBe(true);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/signin\/[\w-]+)/.exec(JSON.stringify(reply))?.[1];
    expect(url).toBeDefined();
    const { html } = await signIn(url!);
    expect(html).toContain('tidal-mill');
    expect(html).toContain('ferry-fares');
    expect(html).not.toContain('secret-harbour');
    // Used once: the same link signs nobody in again.
    expect((await submitSignin(url!)).status).toBe(403);
  });

  it('refuses a link more than 10 minutes old, and a made-up one', async () => {
    const old = await link(manager, new Date(Date.now() - 11 * 60_000));
    expect((await fetch(old, { method: 'POST', redirect: 'manual' })).status).toBe(403);
    expect(
      (await fetch(`${base}/signin/${'x'.repeat(32)}`, { method: 'POST', redirect: 'manual' }))
        .status,
    ).toBe(403);
  });

  it(`gives one person at most ${SIGNINS_PER_WINDOW} links in 10 minutes`, async () => {
    const flood = { ...manager, user: 'U0FLOOD' };
    for (let i = 0; i < SIGNINS_PER_WINDOW; i++) await link(flood);
    expect(await issueSignin(stores, base, flood, new Date())).toMatchObject({
      refused: expect.stringMatching(/ten minutes/),
    });
  });
});

describe('changing digests', () => {
  it('lets a manager pause, resume and remove, each with the form token', async () => {
    const { cookie, csrf, html } = await signIn(await link(manager));
    expect(html).toContain(`/panel/digests/${ids.mill}/pause`);
    expect((await post(`/panel/digests/${ids.mill}/pause`, cookie, { csrf })).status).toBe(303);
    expect((await stores.subscriptions.get(ids.mill!))?.active).toBe(false);
    const after = await (await fetch(`${base}/panel?done=paused`, { headers: { cookie } })).text();
    expect(after).toMatch(/paused: paused from the control panel by U0KEEPER/);
    expect((await post(`/panel/digests/${ids.mill}/resume`, cookie, { csrf })).status).toBe(303);
    expect((await stores.subscriptions.get(ids.mill!))?.active).toBe(true);
    expect((await post(`/panel/digests/${ids.ferry}/remove`, cookie, { csrf })).status).toBe(303);
    expect(await stores.subscriptions.get(ids.ferry!)).toBeNull();
  });

  it("changes a digest's time of day, and refuses what is not a time", async () => {
    const { cookie, csrf, html } = await signIn(await link(manager));
    expect(html).toMatch(/name="time" type="time" value="08:00"/);
    expect(
      (await post(`/panel/digests/${ids.mill}/time`, cookie, { csrf, time: '07:45' })).status,
    ).toBe(303);
    expect((await stores.subscriptions.get(ids.mill!))?.schedule).toBe('daily 07:45');
    const after = await (await fetch(`${base}/panel?done=retimed`, { headers: { cookie } })).text();
    expect(after).toMatch(/next [^<]*07:45/);
    expect(after).toContain('The time is changed');
    expect(
      (await post(`/panel/digests/${ids.mill}/time`, cookie, { csrf, time: '25:00' })).status,
    ).toBe(400);
    expect((await stores.subscriptions.get(ids.mill!))?.schedule).toBe('daily 07:45');
  });

  it('refuses a change without the form token, one by a reader, and one to another workspace', async () => {
    const m = await signIn(await link(manager));
    expect((await post(`/panel/digests/${ids.mill}/pause`, m.cookie, {})).status).toBe(403);
    expect(
      (await post(`/panel/digests/${ids.mill}/pause`, m.cookie, { csrf: 'forged' })).status,
    ).toBe(403);
    expect((await stores.subscriptions.get(ids.mill!))?.active).toBe(true);
    expect(
      (await post(`/panel/digests/${ids.other}/pause`, m.cookie, { csrf: m.csrf })).status,
    ).toBe(404);
    expect((await stores.subscriptions.get(ids.other!))?.active).toBe(true);
    const r = await signIn(await link(reader));
    expect(r.html).toContain('read only');
    expect(r.html).not.toContain('Add feed');
    expect(
      (await post('/panel/feeds/add', r.cookie, { csrf: r.csrf, url: 'https://example.org/feed' }))
        .status,
    ).toBe(403);
    expect(r.html).not.toContain('/pause');
    expect(
      (await post(`/panel/digests/${ids.mill}/pause`, r.cookie, { csrf: r.csrf })).status,
    ).toBe(403);
    expect((await stores.subscriptions.get(ids.mill!))?.active).toBe(true);
  });

  it("previews a topic's briefing for a signed-in person only, and records nothing", async () => {
    const { cookie } = await signIn(await link(reader));
    expect((await fetch(`${base}/panel/topics/tidal-mill`)).status).toBe(401);
    // No stored article matches: an honest page, not an error.
    const none = await fetch(`${base}/panel/topics/tidal-mill`, { headers: { cookie } });
    expect(none.status).toBe(404);
    expect(await none.text()).toContain('No stored article matches this topic yet');
  });

  it('shows the feeds to a signed-in person, and lets a manager remove one', async () => {
    const { feed } = await stores.feeds.add({
      url: 'https://quay.example/feed.xml',
      topic: null,
      everyMs: 3_600_000,
    });
    // Other people than the other tests', so the per-person link limit stays out of the way.
    const r = await signIn(await link({ ...reader, user: 'U0FEEDREAD' }));
    expect(r.html).toContain('https://quay.example/feed.xml');
    expect(r.html).toContain('not polled yet');
    expect((await post(`/panel/feeds/${feed.id}/remove`, r.cookie, { csrf: r.csrf })).status).toBe(
      403,
    );
    const m = await signIn(await link({ ...manager, user: 'U0FEEDKEEP' }));
    expect((await post(`/panel/feeds/${feed.id}/remove`, m.cookie, { csrf: m.csrf })).status).toBe(
      303,
    );
    expect(await stores.feeds.list()).toEqual([]);
  });

  it('signs out: the cookie is cleared and the session opens nothing after', async () => {
    const { cookie, csrf } = await signIn(await link(manager));
    const out = await post('/signout', cookie, { csrf });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await fetch(`${base}/panel`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${base}/panel`)).status).toBe(401);
  });
});

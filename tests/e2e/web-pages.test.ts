import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTopics } from '../../src/briefing/topics.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { createLinkSigner } from '../../src/web/links.ts';
import { createWebServer, type WebServer } from '../../src/web/server.ts';
import { runCli, tempDir } from '../helpers/cli.ts';

/**
 * The web pages over HTTP: a briefing's signed permalink, each quote linking to its article
 * with that span highlighted, hostile article text escaped, a strict CSP, and links that
 * cannot be guessed, forged or swapped.
 */

const tmp = tempDir('briefwire-web-');
const db = join(tmp.dir, 'web.db');
const PUBLIC = 'https://news.example.test/briefwire';
let stores: Stores;
let server: WebServer;
let base = '';
let briefingUrl = '';

function writeArticles(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'a.json'),
    JSON.stringify([
      {
        title: 'Lanterns <script>alert(1)</script> return to Quillon harbour',
        url: 'javascript:alert(document.cookie)',
        text: 'The Quillon Harbour Trust relit its forty lanterns on Friday. "Every lantern is a promise kept," said Orla Brennick, the trust\'s chair. Visitors crowded the quay <img src=x onerror=alert(2)> until late.\n\nThe council paid for the repairs.',
      },
      {
        title: 'Quillon lanterns draw crowds',
        url: 'https://quillon.example/lanterns',
        text: 'Crowds came to see the Quillon lanterns relit by the harbour trust. "We expected a few hundred people, not thousands," said Tamsin Vey, a council spokeswoman.',
      },
    ]),
  );
}

beforeAll(async () => {
  writeArticles(join(tmp.dir, 'in'));
  const env = { BRIEFWIRE_PUBLIC_URL: PUBLIC, BRIEFWIRE_DB: db };
  expect((await runCli(['ingest', join(tmp.dir, 'in')], env)).code).toBe(0);
  const brief = await runCli(['brief', 'quillon lanterns', '--format', 'json'], env);
  expect(brief.code, brief.stderr).toBe(0);
  briefingUrl = (JSON.parse(brief.stdout) as { url: string }).url;
  stores = await createStore(db);
  // The secret `brief` made and kept in the store is the one the server signs with.
  const secret = await stores.settings.getOrCreate(
    'web-link-secret',
    () => 'not-this-one-xxxxxxxx',
  );
  server = createWebServer({
    stores,
    topics: loadTopics(BUILTIN_TOPICS_DIR).topics,
    signer: createLinkSigner(secret),
  });
  base = `http://127.0.0.1:${await server.listen(0)}`;
});
afterAll(async () => {
  await server?.close();
  await stores?.close();
  tmp.cleanup();
});

const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);
const pathOf = (url: string): string => url.replace(PUBLIC, '');

describe('the briefing page', () => {
  it('opens from the url `brief --format json` gives, with a strict CSP and no script', async () => {
    expect(briefingUrl).toMatch(new RegExp(`^${PUBLIC}/b/b\\d+\\.[\\w-]{22}$`));
    const res = await get(pathOf(briefingUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).not.toContain('script-src');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Orla Brennick');
    expect(html).not.toContain('javascript:');
  });

  it('links each quote to its article with that exact span highlighted', async () => {
    const html = await (await get(pathOf(briefingUrl))).text();
    const m = /<a href="([^"]+)">“Every lantern is a promise kept,?”<\/a>/.exec(html);
    expect(m, 'the quote links to its article').not.toBeNull();
    const href = m![1]!.replaceAll('&amp;', '&');
    expect(href).toMatch(/^\/a\/a\d+\.[\w-]{22}\?span=\d+-\d+#hl$/);
    const article = await (await get(href.replace(/#hl$/, ''))).text();
    const highlighted = /<span class="([^"]*\bhl\b[^"]*)" id="hl">([^<]*)<\/span>/.exec(article);
    expect(highlighted?.[2]).toMatch(/^Every lantern is a promise kept,?$/);
    expect(article).toContain('— Orla Brennick');
    // The hostile text of the article is shown, escaped, never as markup.
    expect(article).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(article).not.toMatch(/<img/i);
    // Where the file lay on the ingesting machine is not shown to readers.
    expect(article).not.toContain(tmp.dir);
  });
});

describe('the topic page', () => {
  it('charts the coverage by day and outlet, and lists the recent briefings, linked', async () => {
    const html = await (await get(pathOf(briefingUrl))).text();
    const m = /<a href="(\/t\/t-[a-z0-9-]+\.[\w-]{22})">The topic's coverage/.exec(html);
    expect(m, 'the briefing page links to its topic').not.toBeNull();
    const res = await get(m![1]!);
    expect(res.status).toBe(200);
    const topic = await res.text();
    expect(topic).toMatch(/<svg role="img" aria-labelledby="chart-title"/);
    expect(topic).toMatch(
      /<title id="chart-title">Articles per day by outlet, [\d-]+ to [\d-]+: 2 in all<\/title>/,
    );
    // The outlets (one named by its site, one unknown) in the legend, no inline style anywhere.
    expect(topic).toContain('quillon.example');
    expect(topic).not.toMatch(/style="/);
    expect(topic).toContain(`href="${pathOf(briefingUrl)}"`);
    // Another topic's name with this token's signature opens nothing.
    const forged = m![1]!.replace(/\/t\/t-[a-z0-9-]+\./, '/t/t-other-topic.');
    expect((await get(forged)).status).toBe(404);
  });
});

describe('links that open nothing', () => {
  it('refuses an id alone, a tampered signature, and a token of another kind', async () => {
    const path = pathOf(briefingUrl);
    const token = path.split('/').at(-1)!;
    const id = /^b(\d+)\./.exec(token)![1]!;
    expect((await get(`/b/${id}`)).status).toBe(404);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect((await get(`/b/${token.slice(0, -1)}${last}`)).status).toBe(404);
    expect((await get(`/a/${token}`)).status).toBe(404);
    expect((await get('/b/b1.AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get(pathOf(briefingUrl), { method: 'POST' })).status).toBe(405);
    const head = await get(pathOf(briefingUrl), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

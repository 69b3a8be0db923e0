import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { addressRefusal, parseAllowList } from '../../src/ingest/fetch/address-policy.ts';
import { createFetcher, fetchSettings } from '../../src/ingest/fetch/fetcher.ts';
import { FetchError, type FetchSettings, type HostResolver } from '../../src/ingest/fetch/port.ts';
import { checkedAddresses } from '../../src/ingest/fetch/safe-lookup.ts';

/** Only public addresses, checked on the address connected to and on every redirect. */

interface Local {
  url: string;
  hits: string[];
  close(): Promise<void>;
}
const open: Local[] = [];

async function serve(handler: http.RequestListener): Promise<Local> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const local: Local = {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  open.push(local);
  return local;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const quick = (allow: string[], more: Partial<FetchSettings> = {}) =>
  fetchSettings(allow, { perHostDelayMs: 0, robots: false, totalTimeoutMs: 5000, ...more });

const portline = (_req: http.IncomingMessage, res: http.ServerResponse) => {
  res.setHeader('content-type', 'text/html');
  res.end('<p>Portline ferries run on time</p>');
};

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const e = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(FetchError);
  return e as FetchError;
}

/** A resolver that knows a few invented names. */
const names =
  (table: Record<string, string[]>): HostResolver =>
  async (hostname) =>
    (table[hostname] ?? []).map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));

describe('address policy', () => {
  const none = parseAllowList([]);
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['10.0.0.5', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.254', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'a link-local address (cloud metadata lives there)'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['224.0.0.1', 'a multicast address'],
    ['0.0.0.0', 'an unspecified address'],
    ['255.255.255.255', 'the broadcast address'],
    ['240.0.0.1', 'a reserved address'],
    ['198.18.0.1', 'a reserved address'],
    ['::1', 'a loopback address'],
    ['::', 'an unspecified address'],
    ['fc00::1', 'a unique local (private) IPv6 address'],
    ['fd12:3456::1', 'a unique local (private) IPv6 address'],
    ['fe80::1', 'a link-local address (cloud metadata lives there)'],
    ['ff02::1', 'a multicast address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:7f00:1', 'a loopback address'],
    ['::ffff:a9fe:a9fe', 'a link-local address (cloud metadata lives there)'],
    ['::127.0.0.1', 'a loopback address'],
    ['::ffff:0:10.0.0.1', 'a private address'],
    ['64:ff9b::a00:1', 'a private address'],
    ['64:ff9b:1::a00:1', 'a local-use NAT64 address'],
    ['2002:c0a8:101::1', 'a private address'],
    ['2001:0:4136:e378::1', 'a Teredo tunnel address'],
  ])('refuses %s as %s', (address, words) => {
    expect(addressRefusal(address, none)).toBe(words);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('lets the public address %s through', (address) => {
    expect(addressRefusal(address, none)).toBeNull();
  });

  it('lets through what BRIEFWIRE_FETCH_ALLOW names: addresses and CIDRs, also in mapped form', () => {
    const allow = parseAllowList([' 127.0.0.1 ', '10.0.0.0/8', 'fd00::/8', 'Localhost']);
    expect(addressRefusal('127.0.0.1', allow)).toBeNull();
    expect(addressRefusal('::ffff:127.0.0.1', allow)).toBeNull();
    expect(addressRefusal('10.200.3.4', allow)).toBeNull();
    expect(addressRefusal('fd00::5', allow)).toBeNull();
    expect(addressRefusal('127.0.0.2', allow)).toBe('a loopback address');
    expect(addressRefusal('192.168.0.1', allow)).toBe('a private address');
    expect(allow.hosts.has('localhost')).toBe(true);
  });

  it('refuses a malformed allow entry by the variable name', () => {
    expect(() => parseAllowList(['10.0.0.0/40'])).toThrow(/BRIEFWIRE_FETCH_ALLOW: "10.0.0.0\/40"/);
    expect(() => parseAllowList(['http://x/'])).toThrow(/BRIEFWIRE_FETCH_ALLOW/);
  });

  it('checks every address a name resolves to, not only the first', async () => {
    const resolver = names({ 'mixed.example': ['8.8.8.8', '10.0.0.1'] });
    await expect(checkedAddresses('mixed.example', resolver, parseAllowList([]))).rejects.toThrow(
      'mixed.example resolves to 10.0.0.1, a private address',
    );
  });
});

describe('the fetcher refuses what is not public', () => {
  it('refuses a 127.0.0.1 URL when nothing is allowed, without connecting', async () => {
    const local = await serve(portline);
    const fetcher = createFetcher(quick([]));
    const e = await failure(fetcher.fetch({ url: `${local.url}/news`, purpose: 'page' }));
    expect(e.code).toBe('FETCH_REFUSED');
    expect(e.input).toBe(`${local.url}/news`);
    expect(e.message).toBe(`${local.url}/news: refused: 127.0.0.1 is a loopback address`);
    expect(local.hits).toEqual([]);
  });

  it('reads the same URL when 127.0.0.1 is allowed', async () => {
    const local = await serve(portline);
    const result = await createFetcher(quick(['127.0.0.1'])).fetch({
      url: `${local.url}/news`,
      purpose: 'page',
    });
    expect(result.status).toBe('ok');
    expect(result.status === 'ok' && result.body.toString()).toContain('Portline');
  });

  it('allows by CIDR and by host name', async () => {
    const local = await serve(portline);
    const byCidr = createFetcher(quick(['127.0.0.0/8']));
    expect((await byCidr.fetch({ url: local.url, purpose: 'feed' })).status).toBe('ok');
    const lookup = names({ 'quayside.test': ['127.0.0.1'] });
    const byHost = createFetcher(quick(['quayside.test'], { lookup }));
    const url = local.url.replace('127.0.0.1', 'quayside.test');
    expect((await byHost.fetch({ url, purpose: 'feed' })).status).toBe('ok');
    expect(local.hits).toHaveLength(2);
  });

  it('refuses a public-looking name that resolves to a private or loopback address', async () => {
    const local = await serve(portline);
    const port = new URL(local.url).port;
    const lookup = names({
      'public.example': ['10.0.0.1'],
      'marrowby.example': ['::ffff:127.0.0.1'],
      'portline.example': ['::ffff:7f00:1'],
    });
    const fetcher = createFetcher(quick([], { lookup }));
    const cases: Array<[string, string]> = [
      ['public.example', 'public.example resolves to 10.0.0.1, a private address'],
      ['marrowby.example', 'marrowby.example resolves to ::ffff:127.0.0.1, a loopback address'],
      ['portline.example', 'portline.example resolves to ::ffff:7f00:1, a loopback address'],
    ];
    for (const [host, reason] of cases) {
      const url = `http://${host}:${port}/feed.xml`;
      const e = await failure(fetcher.fetch({ url, purpose: 'feed' }));
      expect(e.code).toBe('FETCH_REFUSED');
      expect(e.message).toBe(`${url}: refused: ${reason}`);
    }
    expect(local.hits).toEqual([]);
  });

  it('refuses mapped IPv6 literals of loopback', async () => {
    const fetcher = createFetcher(quick([]));
    for (const url of [
      'http://[::ffff:127.0.0.1]:9/',
      'http://[::ffff:7f00:1]:9/',
      'http://[::1]:9/',
    ]) {
      const e = await failure(fetcher.fetch({ url, purpose: 'page' }));
      expect(e.code).toBe('FETCH_REFUSED');
      expect(e.message).toMatch(/is a loopback address$/);
    }
  });

  it('refuses file:, gopher: and what is not a URL, naming it', async () => {
    const fetcher = createFetcher(quick(['127.0.0.1']));
    for (const [url, reason] of [
      ['file:///etc/passwd', 'only http and https URLs are fetched, not file'],
      ['gopher://127.0.0.1:70/', 'only http and https URLs are fetched, not gopher'],
      ['not a url', 'not a valid URL'],
    ]) {
      const e = await failure(fetcher.fetch({ url: url!, purpose: 'page' }));
      expect(e.code).toBe('FETCH_REFUSED');
      expect(e.message).toBe(`${url}: refused: ${reason}`);
    }
  });
});

describe('redirects', () => {
  it('refuses a redirect from an allowed host to 169.254.169.254', async () => {
    const local = await serve((_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    });
    const url = `${local.url}/story`;
    const e = await failure(createFetcher(quick(['127.0.0.1'])).fetch({ url, purpose: 'page' }));
    expect(e.code).toBe('FETCH_REFUSED');
    expect(e.message).toBe(
      `${url} (redirected to http://169.254.169.254/latest/meta-data/): refused: 169.254.169.254 is a link-local address (cloud metadata lives there)`,
    );
    expect(local.hits).toEqual(['/story']);
  });

  it('refuses a redirect to file: and to a private name', async () => {
    const lookup = names({ 'intranet.example': ['192.168.10.2'] });
    const local = await serve((req, res) => {
      const to = req.url === '/a' ? 'file:///etc/passwd' : 'http://intranet.example/admin';
      res.writeHead(301, { location: to }).end();
    });
    const fetcher = createFetcher(quick(['127.0.0.1'], { lookup }));
    const toFile = await failure(fetcher.fetch({ url: `${local.url}/a`, purpose: 'page' }));
    expect(toFile.message).toMatch(/refused: only http and https URLs are fetched, not file$/);
    const toPrivate = await failure(fetcher.fetch({ url: `${local.url}/b`, purpose: 'page' }));
    expect(toPrivate.code).toBe('FETCH_REFUSED');
    expect(toPrivate.message).toMatch(
      /intranet.example resolves to 192.168.10.2, a private address$/,
    );
  });

  it('follows relative redirects of every kind (301, 302, 303, 307, 308) up to 5', async () => {
    const statuses = [301, 302, 303, 307, 308];
    const local = await serve((req, res) => {
      const n = Number(req.url?.split('/')[2]);
      if (n === 0) return portline(req, res);
      res.writeHead(statuses[n % 5]!, { location: `/chain/${n - 1}` }).end();
    });
    const fetcher = createFetcher(quick(['127.0.0.1']));
    const five = await fetcher.fetch({ url: `${local.url}/chain/5`, purpose: 'page' });
    expect(five).toMatchObject({ status: 'ok', url: `${local.url}/chain/0` });
    const six = await failure(fetcher.fetch({ url: `${local.url}/chain/6`, purpose: 'page' }));
    expect(six.code).toBe('FETCH_REFUSED');
    expect(six.message).toMatch(/refused: more than 5 redirects$/);
  });

  it('detects a redirect loop', async () => {
    const local = await serve((req, res) => {
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end();
    });
    const e = await failure(
      createFetcher(quick(['127.0.0.1'])).fetch({ url: `${local.url}/a`, purpose: 'feed' }),
    );
    expect(e.code).toBe('FETCH_REFUSED');
    expect(e.message).toBe(
      `${local.url}/a (redirected to ${local.url}/b): refused: redirect loop back to ${local.url}/a`,
    );
    expect(local.hits).toEqual(['/a', '/b']);
  });
});

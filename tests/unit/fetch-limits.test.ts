import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createFetcher, fetchSettings } from '../../src/ingest/fetch/fetcher.ts';
import { FetchError, type FetchSettings } from '../../src/ingest/fetch/port.ts';
import { LIMITS } from '../../src/model/limits.ts';

/** Hostile servers: bombs, huge bodies, silence and trickles end in bounded time and memory. */

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function listen(server: net.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  closers.push(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const serve = (handler: http.RequestListener) => listen(http.createServer(handler));

const settings = (more: Partial<FetchSettings> = {}) =>
  fetchSettings(['127.0.0.1'], { perHostDelayMs: 0, robots: false, ...more });

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const e = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(FetchError);
  return e as FetchError;
}

/** Writes `body` `times` times, respecting backpressure; stops when the client goes away. */
function writeRepeated(res: http.ServerResponse, body: Buffer, times: number): void {
  let sent = 0;
  const more = () => {
    while (sent < times && !res.destroyed) {
      sent += 1;
      if (!res.write(body)) return void res.once('drain', more);
    }
    if (!res.destroyed) res.end();
  };
  more();
}

const MB = 1024 * 1024;

describe('decompression bombs stop at the cap', () => {
  it('a gzip body of 1 GB of zeros fails FETCH_TOO_LARGE fast, holding about the cap', async () => {
    // Gzip members concatenate: 1,024 members of 1 MB of zeros inflate to 1 GB (about 1 MB sent).
    const member = zlib.gzipSync(Buffer.alloc(MB));
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      writeRepeated(res, member, 1024);
    });
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const e = await failure(createFetcher(settings()).fetch({ url, purpose: 'page' }));
    expect(e.code).toBe('FETCH_TOO_LARGE');
    expect(e.message).toBe(
      `${url}: the decompressed body is over the limit of ${LIMITS.fileBytes} bytes`,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
  });

  it('deflate (zlib-wrapped and raw) and brotli bombs fail the same way', async () => {
    const zeros = Buffer.alloc(16 * MB);
    const bodies: Record<string, [string, Buffer]> = {
      '/deflate': ['deflate', zlib.deflateSync(zeros)],
      '/raw': ['deflate', zlib.deflateRawSync(zeros)],
      '/br': [
        'br',
        zlib.brotliCompressSync(zeros, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } }),
      ],
    };
    const url = await serve((req, res) => {
      const [encoding, body] = bodies[req.url ?? '']!;
      res.writeHead(200, { 'content-encoding': encoding }).end(body);
    });
    const fetcher = createFetcher(settings({ maxBytes: MB }));
    for (const path of Object.keys(bodies)) {
      const e = await failure(fetcher.fetch({ url: `${url}${path}`, purpose: 'feed' }));
      expect(e.code, path).toBe('FETCH_TOO_LARGE');
    }
  });

  it('reads gzip, deflate, raw deflate and brotli bodies within the cap', async () => {
    const text = Buffer.from('<rss><channel><title>Quayside Ferries</title></channel></rss>');
    const bodies: Record<string, [string, Buffer]> = {
      '/gzip': ['gzip', zlib.gzipSync(text)],
      '/deflate': ['deflate', zlib.deflateSync(text)],
      '/raw': ['deflate', zlib.deflateRawSync(text)],
      '/br': ['br', zlib.brotliCompressSync(text)],
      '/plain': ['identity', text],
    };
    const url = await serve((req, res) => {
      const [encoding, body] = bodies[req.url ?? '']!;
      res.writeHead(200, { 'content-encoding': encoding }).end(body);
    });
    const fetcher = createFetcher(settings());
    for (const path of Object.keys(bodies)) {
      const result = await fetcher.fetch({ url: `${url}${path}`, purpose: 'feed' });
      expect(result.status === 'ok' && result.body.toString(), path).toBe(text.toString());
    }
  });

  it('a corrupt gzip body and an unknown encoding fail FETCH_FAILED naming the reason', async () => {
    const url = await serve((req, res) => {
      const encoding = req.url === '/corrupt' ? 'gzip' : 'compress';
      res.writeHead(200, { 'content-encoding': encoding }).end('Mara Quist is not gzip');
    });
    const fetcher = createFetcher(settings());
    const corrupt = await failure(fetcher.fetch({ url: `${url}/corrupt`, purpose: 'feed' }));
    expect(corrupt.code).toBe('FETCH_FAILED');
    expect(corrupt.message).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/corrupt: the gzip body is corrupt/,
    );
    const unknown = await failure(fetcher.fetch({ url: `${url}/lzw`, purpose: 'feed' }));
    expect(unknown.message).toMatch(/the body uses an unsupported encoding \(compress\)$/);
  });
});

describe('size limits', () => {
  it('refuses a Content-Length over the cap before reading the body', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(50 * MB) });
      res.write('<p>Portline</p>'); // and then nothing: reading would wait for the timeout
    });
    const started = Date.now();
    const e = await failure(createFetcher(settings()).fetch({ url, purpose: 'page' }));
    expect(e.code).toBe('FETCH_TOO_LARGE');
    expect(e.message).toBe(
      `${url}: the body is ${50 * MB} bytes, over the limit of ${LIMITS.fileBytes} bytes`,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops a chunked body without Content-Length at the cap', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      writeRepeated(res, Buffer.alloc(64 * 1024, 0x61), 1024);
    });
    const e = await failure(
      createFetcher(settings({ maxBytes: MB })).fetch({ url, purpose: 'page' }),
    );
    expect(e.code).toBe('FETCH_TOO_LARGE');
    expect(e.message).toBe(`${url}: the body is over the limit of ${MB} bytes`);
  });
});

describe('timeouts', () => {
  it('a server that accepts and never answers fails FETCH_TIMEOUT within the bound', async () => {
    const url = await listen(net.createServer(() => {}));
    const started = Date.now();
    const e = await failure(
      createFetcher(settings({ totalTimeoutMs: 300 })).fetch({ url, purpose: 'feed' }),
    );
    expect(e.code).toBe('FETCH_TIMEOUT');
    expect(e.message).toBe(`${url}: no complete answer within 0.3 s`);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a server that trickles its body a byte at a time fails FETCH_TIMEOUT', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('.'), 20);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const e = await failure(
      createFetcher(settings({ totalTimeoutMs: 400 })).fetch({ url, purpose: 'page' }),
    );
    expect(e.code).toBe('FETCH_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('the total timeout covers redirects', async () => {
    const url = await serve((req, res) => {
      const n = Number(req.url?.slice(1));
      setTimeout(() => res.writeHead(302, { location: `/${n + 1}` }).end(), 150);
    });
    const e = await failure(
      createFetcher(settings({ totalTimeoutMs: 400, maxRedirects: 50 })).fetch({
        url: `${url}/0`,
        purpose: 'page',
      }),
    );
    expect(e.code).toBe('FETCH_TIMEOUT');
    expect(e.message).toMatch(
      /\(redirected to http:\/\/127\.0\.0\.1:\d+\/\d\): no complete answer within 0\.4 s$/,
    );
  });

  it('a name that takes too long to resolve fails the connect timeout', async () => {
    const never = () => new Promise<never>(() => {});
    const fetcher = createFetcher(
      fetchSettings([], { lookup: never, connectTimeoutMs: 200, robots: false }),
    );
    const e = await failure(fetcher.fetch({ url: 'http://slow.example/', purpose: 'feed' }));
    expect(e.code).toBe('FETCH_TIMEOUT');
    expect(e.message).toBe('http://slow.example/: could not connect within 0.2 s');
  });

  it('a closed port fails FETCH_FAILED in plain words', async () => {
    const server = net.createServer();
    const url = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const e = await failure(createFetcher(settings()).fetch({ url, purpose: 'feed' }));
    expect(e.code).toBe('FETCH_FAILED');
    expect(e.message).toBe(`${url}: the connection was refused`);
  });
});

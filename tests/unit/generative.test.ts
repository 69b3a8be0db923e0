import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/extractive.ts';
import { createGenerativeAnswerer } from '../../src/answer/generative.ts';
import { createAnswerer } from '../../src/answer/index.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { tempDir } from '../helpers/cli.ts';

/** An invented article, so no answer can come from anything but this store. */
const ARTICLE = [
  'Harbour Council Opens Tidal Mill',
  'The Harbour Council of Velmora opened a tidal mill on Tuesday.',
  'The mill cost 4 million crowns to build, according to the council.',
  'Mayor Ilse Brandvik said the mill would power 900 homes.',
  'Fishermen in Velmora worry that the turbines will disturb the herring.',
].join('\n\n');
const QUESTION = 'How much did the Velmora mill cost?';

interface Seen {
  method: string;
  path: string;
  authorization: string | undefined;
  body: {
    model: string;
    temperature: number;
    messages: { role: string; content: string }[];
  };
}

type Reply = (res: ServerResponse) => void;

let stores: Stores;
let cleanup: () => void;
let server: Server;
let base: string;
let seen: Seen[] = [];
let reply: Reply = () => {};

function completion(content: string): Reply {
  return (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] }));
  };
}

/** The numbered sentence the answerer showed the model. */
function shown(n: number): string {
  const user = seen.at(-1)?.body.messages.find((m) => m.role === 'user')?.content ?? '';
  const line = user.split('\n').find((l) => l.startsWith(`[${n}] `));
  if (!line) throw new Error(`no sentence [${n}] was sent`);
  return line.slice(`[${n}] `.length);
}

beforeAll(async () => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  const file = join(tmp.dir, 'velmora-mill.txt');
  writeFileSync(file, ARTICLE);
  stores = await createStore(join(tmp.dir, 'generative.db'));
  await ingestPaths(stores, [file]);
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: JSON.parse(raw) as Seen['body'],
      });
      reply(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await stores.close();
  cleanup();
});

beforeEach(() => {
  seen = [];
});

describe('the generative answerer', () => {
  it('posts an OpenAI-style chat completion with the model, temperature 0 and the key', async () => {
    reply = completion('It cost 4 million crowns [1].');
    const ask = createGenerativeAnswerer({ url: base, model: 'tiny-llm', apiKey: 'sk-test' });
    await ask(stores.articles, QUESTION, []);
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/v1/chat/completions');
    expect(req?.authorization).toBe('Bearer sk-test');
    expect(req?.body.model).toBe('tiny-llm');
    expect(req?.body.temperature).toBe(0);
    expect(req?.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(req?.body.messages[1]?.content).toContain(QUESTION);
    expect(req?.body.messages[1]?.content).toMatch(/\[\d\] The mill cost 4 million crowns/u);
  });

  it('sends no Authorization header without a key', async () => {
    reply = completion('It cost 4 million crowns [1].');
    const ask = createGenerativeAnswerer({ url: base, model: 'tiny-llm', apiKey: null });
    await ask(stores.articles, QUESTION, []);
    expect(seen[0]?.authorization).toBeUndefined();
  });

  it('cites exactly the sentence the model referenced', async () => {
    reply = completion('The mill is in Velmora [2].');
    const ask = createGenerativeAnswerer({ url: base, model: 'tiny-llm', apiKey: null });
    const a = await ask(stores.articles, QUESTION, []);
    expect(a.found).toBe(true);
    expect(a.answer).toBe('The mill is in Velmora.');
    expect(a.citations.map((c) => c.sentence)).toEqual([shown(2)]);
    expect(ARTICLE).toContain(a.citations[0]?.sentence);
  });

  it('ignores citations of sentences it was never shown', async () => {
    reply = completion('It cost a fortune [99].');
    const ask = createGenerativeAnswerer({ url: base, model: 'tiny-llm', apiKey: null });
    const a = await ask(stores.articles, QUESTION, []);
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
  });

  it('says not found when the model cites nothing', async () => {
    reply = completion('I think it was about five million crowns.');
    const ask = createGenerativeAnswerer({ url: base, model: 'tiny-llm', apiKey: null });
    const a = await ask(stores.articles, QUESTION, []);
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
  });

  it('says not found when the model says it cannot answer', async () => {
    reply = completion('NOT_FOUND');
    const ask = createGenerativeAnswerer({ url: base, model: 'tiny-llm', apiKey: null });
    const a = await ask(stores.articles, QUESTION, []);
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
  });

  it('falls back to the extractive answer on an HTTP 500', async () => {
    reply = (res) => {
      res.writeHead(500);
      res.end('boom');
    };
    const ask = createGenerativeAnswerer({ url: base, model: 'tiny-llm', apiKey: null });
    const a = await ask(stores.articles, QUESTION, []);
    expect(seen).toHaveLength(1);
    expect(a).toEqual(await answerQuestion(stores.articles, QUESTION, []));
    expect(a.found).toBe(true);
  });

  it('falls back to the extractive answer when the endpoint is too slow', async () => {
    reply = (res) => {
      setTimeout(() => completion('Too late [1].')(res), 2_000).unref();
    };
    const ask = createGenerativeAnswerer({
      url: base,
      model: 'tiny-llm',
      apiKey: null,
      timeoutMs: 100,
    });
    const a = await ask(stores.articles, QUESTION, []);
    expect(a).toEqual(await answerQuestion(stores.articles, QUESTION, []));
  });

  it('does not call the model when nothing in the store matches', async () => {
    reply = completion('Made up [1].');
    const ask = createGenerativeAnswerer({ url: base, model: 'tiny-llm', apiKey: null });
    const q = 'Who won the Quorvish election?';
    const a = await ask(stores.articles, q, []);
    expect(seen).toHaveLength(0);
    expect(a).toEqual(await answerQuestion(stores.articles, q, []));
    expect(a.found).toBe(false);
  });
});

describe('createAnswerer', () => {
  it('is the extractive answerer unless both url and model are set', () => {
    expect(createAnswerer({ url: null, model: null, apiKey: null })).toBe(answerQuestion);
    expect(createAnswerer({ url: base, model: null, apiKey: null })).toBe(answerQuestion);
    expect(createAnswerer({ url: base, model: 'tiny-llm', apiKey: null })).not.toBe(answerQuestion);
  });
});

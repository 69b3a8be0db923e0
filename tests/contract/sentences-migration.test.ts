import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { oldStoreWith } from './old-schema.ts';
import { withSentences } from './sentences-contract.ts';

const root = mkdtempSync(join(tmpdir(), 'briefwire-sentences-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('migration 4 indexes the sentences of articles stored before it', async () => {
  const path = join(root, 'old.db');
  const [id] = oldStoreWith(path, 4, [
    withSentences('Old', ['The council met.', 'Grain ships waited offshore.']),
  ]);
  const stores = openSqliteStore(path);
  try {
    expect(stores.diagnostics().schemaVersions).toContain(4);
    expect(await stores.articles.searchSentences('grain', {}, 5)).toEqual([
      {
        articleId: id,
        sentence: 1,
        text: 'Grain ships waited offshore.',
        score: expect.any(Number),
      },
    ]);
  } finally {
    await stores.close();
  }
});

it('leaves out a word most sentences have when a rarer one is asked for too', async () => {
  const stores = openSqliteStore(join(root, 'common.db'));
  try {
    const filler = Array.from({ length: 2100 }, (_, i) => `Grain report ${i}.`);
    await stores.articles.putArticles([
      withSentences('Filler', filler),
      withSentences('Ships', ['Grain ships waited.']),
    ]);
    const hits = await stores.articles.searchSentences('grain ships', {}, 10);
    expect(hits.map((h) => h.text)).toEqual(['Grain ships waited.']);
    expect(await stores.articles.searchSentences('grain', {}, 3000)).toHaveLength(2101);
  } finally {
    await stores.close();
  }
});

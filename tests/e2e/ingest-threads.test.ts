import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { createStore } from '../../src/store/create.ts';
import { tempDir } from '../helpers/cli.ts';

/**
 * Ingest with its analysis in worker threads gives what ingest on one thread gives: the same
 * report, line for line and in the same order, and the same stored analyses; a bad file or
 * record is still named and the rest of the batch goes on.
 */

const tmp = tempDir('briefwire-threads-');
afterAll(() => tmp.cleanup());

/** Invented articles, each with a quote, a speaker and an organisation. */
function writeBatch(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const towns = ['Carrowfield', 'Dunmere', 'Estbury', 'Fallowmouth', 'Gorran', 'Hethby'];
  towns.forEach((town, i) => {
    writeFileSync(
      join(dir, `${String(i).padStart(2, '0')}-${town.toLowerCase()}.txt`),
      `${town} council votes to reopen the tidal mill\n\nThe ${town} Heritage Trust said on Tuesday that the mill would reopen in spring. "We have waited eleven years for this," said Wenna Pryce, the trust's chair. Council leader Tomas Yelland added that the repairs would cost ${i + 2} million pounds.\n`,
    );
  });
  const records = towns.map((town, i) => ({
    title: `Ferry fares frozen in ${town}`,
    text: `Harbour operator Quaylink froze fares on the ${town} route. "Nobody should pay more to cross the water," said Idris Penhale, Quaylink's chief executive, on day ${i}.`,
  }));
  writeFileSync(join(dir, '10-ferries.json'), JSON.stringify([...records, { title: 'no text' }]));
  writeFileSync(join(dir, '11-broken.json'), '{ not json');
  writeFileSync(join(dir, '12-empty.txt'), '');
}

async function ingestWith(threads: number, dir: string) {
  const stores = await createStore(join(tmp.dir, `threads-${threads}.db`));
  try {
    const lines: string[] = [];
    const report = await ingestPaths(stores, [dir], {
      threads,
      onItem: (item) => lines.push(`${item.input} ${item.status}`),
    });
    const ids = report.items.flatMap((i) => (i.articleId === undefined ? [] : [i.articleId]));
    const stored = await stores.articles.getArticles(ids);
    return { report, lines, analyses: stored.map((a) => [a.origin, a.analysis]) };
  } finally {
    await stores.close();
  }
}

describe('ingest with analysis in worker threads', () => {
  it('reports and stores exactly what one thread does, bad inputs named in their place', async () => {
    const dir = join(tmp.dir, 'batch');
    writeBatch(dir);
    const inline = await ingestWith(0, dir);
    const pooled = await ingestWith(2, dir);
    expect(pooled.report).toEqual(inline.report);
    expect(pooled.lines).toEqual(inline.lines);
    expect(pooled.analyses).toEqual(inline.analyses);
    // 6 text files + 6 records stored; the record without text, the broken and the empty file named.
    expect(pooled.report.counts).toEqual({ stored: 12, duplicate: 0, failed: 3 });
    const failedInputs = pooled.report.items
      .filter((i) => i.status === 'failed')
      .map((i) => i.input);
    expect(failedInputs).toEqual([
      `${join(dir, '10-ferries.json')}#6`,
      join(dir, '11-broken.json'),
      join(dir, '12-empty.txt'),
    ]);
    // The analyses are real: a quote with its speaker came back from the worker.
    const quotes = pooled.analyses.map(([, a]) => JSON.stringify(a));
    expect(quotes.some((q) => q.includes('Wenna Pryce'))).toBe(true);
  });
});

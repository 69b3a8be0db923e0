import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { answerQuestion } from '../../src/answer/extractive.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { Answer } from '../../src/model/answer.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { tempDir } from './cli.ts';

/** A real store holding invented articles, ingested from files as a user would. */
export interface ArticleFixture {
  stores: Stores;
  /** Stored article ids by file name. */
  ids: Map<string, number>;
  close(): Promise<void>;
}

export async function storeWith(files: Record<string, string>): Promise<ArticleFixture> {
  const tmp = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(tmp.dir, name), text);
  const stores = await createStore(join(tmp.dir, 'answers.db'));
  const report = await ingestPaths(stores, [tmp.dir]);
  const ids = new Map<string, number>();
  for (const item of report.items)
    if (item.articleId !== undefined) ids.set(item.input.split('/').at(-1)!, item.articleId);
  return {
    stores,
    ids,
    async close() {
      await stores.close();
      tmp.cleanup();
    },
  };
}

/**
 * A describe block's store of invented articles, set up before its tests and closed after,
 * and the way its tests ask: in the articles' briefing (a thread's follow-up) or store-wide.
 */
export function askingOf(
  files: Record<string, string>,
  where: 'briefing' | 'store' = 'briefing',
): (question: string) => Promise<Answer> {
  let fixture: ArticleFixture;
  beforeAll(async () => {
    fixture = await storeWith(files);
  });
  afterAll(() => fixture.close());
  return (question) =>
    answerQuestion(
      fixture.stores.articles,
      question,
      where === 'briefing' ? [...fixture.ids.values()] : [],
    );
}

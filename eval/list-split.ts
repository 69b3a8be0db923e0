import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConll } from '../src/nlp/conll.ts';
import { readPolnear } from './polnear.ts';
import { requireShared } from './shared.ts';
import { conllDocuments, type Half, halfOf } from './split.ts';

/**
 * `node bin/run-ts.js eval/list-split.ts [tuning|check]`: the document ids of each
 * development set in one half (default: tuning), one per line, so an engineer knows which
 * articles are theirs to read while tuning and which to leave for the check.
 */
const evalDir = requireShared();
const half: Half = process.argv[2] === 'check' ? 'check' : 'tuning';

const sets: Array<[string, string[]]> = [
  ['polnear (quotes, questions)', readPolnear(evalDir).map((d) => d.name)],
  [
    'conll2003-valid (story headline + dateline)',
    [
      ...new Set(
        conllDocuments(readConll(join(evalDir, 'ner/conll2003-valid.txt')).map((s) => s.words)),
      ),
    ],
  ],
  [
    'cnndm-dev (id)',
    readFileSync(join(evalDir, 'summaries/cnndm-dev.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { id: string }).id),
  ],
  [
    'bbc (category/file)',
    readdirSync(join(evalDir, 'summaries/bbc-news-summary/article'))
      .sort()
      .flatMap((c) =>
        readdirSync(join(evalDir, 'summaries/bbc-news-summary/article', c))
          .sort()
          .map((f) => `${c}/${f}`),
      ),
  ],
  ['html (page)', readdirSync(join(evalDir, 'html')).sort()],
];
for (const [name, ids] of sets) {
  const mine = ids.filter((id) => halfOf(id) === half);
  process.stdout.write(`# ${name}: ${mine.length} of ${ids.length} in the ${half} half\n`);
  for (const id of mine) process.stdout.write(`${id}\n`);
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/nlp/tagger/train.ts';
import { runCli, tempDir } from '../helpers/cli.ts';

/**
 * Fuzzing ingest: generated and mutated .txt, .md, .html and .json files, fed in batches with
 * known-good files. Whatever the input, ingest must finish, name every input in its report,
 * give every failure a code that says what is wrong with the input (an internal error surfaces
 * as INPUT_UNREADABLE or STORE_FAILED on a readable file), store the good files, and leave the
 * database intact. Seeds are fixed so a failure reproduces; BRIEFWIRE_FUZZ_SEED adds one.
 */

type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Random, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const PEOPLE = ['Mara Quist', 'Tobin Ashgrove', 'Ilse Varden', 'Corin Dale'];
const ORGS = ['Portline', 'the Marrowby Council', 'Harbour Workers Union', 'Quayside Ferries'];
const PLACES = ['Marrowby', 'Eastquay', 'Lower Fenn', 'Saltreach'];

function sentence(r: Random): string {
  const who = pick(r, PEOPLE);
  const forms = [
    () =>
      `${who}, a spokesperson for ${pick(r, ORGS)}, said the talks in ${pick(r, PLACES)} would resume on Monday.`,
    () => `"We will not accept a deal that cuts pay," ${who} said.`,
    () =>
      `${pick(r, ORGS)} confirmed that ${int(r, 2, 900)} workers joined the strike in ${pick(r, PLACES)}.`,
    () => `The dispute began after ${pick(r, ORGS)} announced new shift rules last week.`,
    () => `"It is a fair offer," said ${who}, who leads ${pick(r, ORGS)}.`,
  ];
  return pick(r, forms)();
}

function paragraphs(r: Random, n: number): string[] {
  return Array.from({ length: n }, () =>
    Array.from({ length: int(r, 1, 4) }, () => sentence(r)).join(' '),
  );
}

/** Hostile fragments: controls, escapes, odd Unicode, huge tokens, deep nesting, bad bytes. */
function hostile(r: Random): string {
  const kinds = [
    () => '\u0000'.repeat(int(r, 1, 50)),
    () => '\u001b[2J\u001b]8;;http://127.0.0.1/\u0007x\u001b]8;;\u0007',
    () => 'x'.repeat(int(r, 1_000, 120_000)),
    () => '<div>'.repeat(int(r, 1_000, 30_000)),
    () => '<b><i>'.repeat(int(r, 100, 3_000)) + '</i></b>'.repeat(int(r, 100, 3_000)),
    () => '[['.repeat(int(r, 1_000, 20_000)),
    () => '{"a":'.repeat(int(r, 100, 5_000)),
    () => '"'.repeat(int(r, 1, 2_000)),
    () => '\u201c'.repeat(int(r, 1, 500)) + sentence(r),
    () => '\ud800\udfff\ud83d'.repeat(int(r, 1, 200)),
    () => '\u202e\u2066'.repeat(int(r, 1, 50)),
    () => '&#0;&#x110000;&#xD800;&amp'.repeat(int(r, 1, 200)),
    () => '<!--'.repeat(int(r, 1, 50)),
    () => '<script>'.repeat(int(r, 1, 20)),
    () => '\r'.repeat(int(r, 1, 5_000)),
    () => ' \n'.repeat(int(r, 1, 5_000)),
    () => 'javascript:alert(1)',
    () => '@everyone <@123> <!channel>',
    () => `${pick(r, PEOPLE)} `.repeat(int(r, 100, 4_000)),
    () => '. '.repeat(int(r, 100, 20_000)),
    () => '<p '.repeat(int(r, 1_000, 40_000)),
    () => '\ufeff\ufffe'.repeat(int(r, 1, 20)),
  ];
  return pick(r, kinds)();
}

function generated(r: Random, format: string): string {
  const title = `${pick(r, ORGS)} talks in ${pick(r, PLACES)}`;
  const body = paragraphs(r, int(r, 1, 12));
  switch (format) {
    case 'txt':
      return `${title}\n\n${body.join('\n\n')}\n`;
    case 'md':
      return `# ${title}\n\n*By ${pick(r, PEOPLE)}*\n\n${body.join('\n\n')}\n`;
    case 'html':
      return `<!doctype html><html><head><title>${title}</title></head><body><nav>Home</nav><article><h1>${title}</h1>${body.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    default:
      return JSON.stringify(
        Array.from({ length: int(r, 1, 4) }, () => ({
          title,
          text: body.join('\n\n'),
          url:
            r() < 0.5
              ? `https://news.example/${int(r, 1, 1e9)}`
              : pick(r, ['', 'ftp://x', 'javascript:alert(1)', 42]),
          publishedAt: pick(r, ['2026-03-01T10:00:00Z', 'yesterday', '2026-02-30', null, 7]),
        })),
      );
  }
}

/** Splices, duplicates, truncates and flips: the same article made wrong in many ways. */
function mutate(r: Random, input: Buffer): Buffer {
  let bytes = input;
  for (let n = int(r, 1, 4); n > 0; n--) {
    const at = int(r, 0, bytes.length);
    const op = int(r, 0, 5);
    if (op === 0)
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(hostile(r)), bytes.subarray(at)]);
    else if (op === 1) bytes = bytes.subarray(0, at);
    else if (op === 2) {
      const flips = Buffer.from(bytes);
      for (let i = 0; i < 20 && flips.length; i++)
        flips[int(r, 0, flips.length - 1)] = int(r, 0, 255);
      bytes = flips;
    } else if (op === 3) bytes = Buffer.concat([bytes.subarray(at), bytes.subarray(0, at)]);
    else if (op === 4)
      bytes = Buffer.concat([
        pick(r, [
          Buffer.from([0xef, 0xbb, 0xbf]),
          Buffer.from([0xff, 0xfe]),
          Buffer.from([0xfe, 0xff]),
        ]),
        bytes,
      ]);
    else bytes = Buffer.from(Array.from({ length: int(r, 1, 4_000) }, () => int(r, 0, 255)));
  }
  return bytes;
}

/** Codes that say what is wrong with an input; anything else on a readable file is a crash. */
const INPUT_CODES = new Set([
  'INPUT_EMPTY',
  'INPUT_MALFORMED',
  'INPUT_NOT_TEXT',
  'INPUT_TOO_LARGE',
  'INPUT_UNSUPPORTED',
]);

interface Item {
  input: string;
  status: string;
  reason?: string;
  code?: string;
}

const seeds = [1, 2, 3, 4];
if (process.env.BRIEFWIRE_FUZZ_SEED) seeds.push(Number(process.env.BRIEFWIRE_FUZZ_SEED));

describe('ingest under fuzzing', () => {
  const tmp = tempDir('briefwire-fuzz-');
  // BRIEFWIRE_FUZZ_KEEP=1 keeps the generated files, to reproduce a failure by hand.
  afterAll(() => {
    if (!process.env.BRIEFWIRE_FUZZ_KEEP) tmp.cleanup();
  });

  it.each(seeds)(
    'seed %i: every input is named, every failure has an input code, good files are stored, the db is intact',
    async (seed) => {
      const r = seededRandom(seed);
      const dir = join(tmp.dir, `seed-${seed}`);
      mkdirSync(dir);
      const files: string[] = [];
      const good: string[] = [];
      let n = 0;
      for (const format of ['txt', 'md', 'html', 'json']) {
        for (let i = 0; i < 12; i++) {
          const name = join(dir, `${String(n++).padStart(3, '0')}-fuzz.${format}`);
          const base = Buffer.from(generated(r, format));
          writeFileSync(name, i < 2 ? base : mutate(r, base));
          files.push(name);
        }
        // A unique good file per format, so its "stored" cannot be a duplicate of a fuzz file.
        const goodName = join(dir, `${String(n++).padStart(3, '0')}-good.${format}`);
        const unique =
          format === 'json'
            ? JSON.stringify({
                title: `Ferry timetable ${seed}-${format}`,
                text: `Quayside Ferries said the seed ${seed} timetable for ${format} starts on Monday in Saltreach.`,
              })
            : `Ferry timetable ${seed} ${format}\n\nQuayside Ferries said the seed ${seed} timetable for ${format} starts on Monday in Saltreach.\n`;
        writeFileSync(
          goodName,
          format === 'html'
            ? `<html><body><article><p>${unique}</p></article></body></html>`
            : unique,
        );
        files.push(goodName);
        good.push(goodName);
      }
      const db = join(dir, 'fuzz.db');
      const result = await runCli(['ingest', dir, '--json', '--db', db]);
      expect([0, 1]).toContain(result.code);
      const report = JSON.parse(result.stdout) as { items: Item[] };
      const named = (file: string) =>
        report.items.filter((i) => i.input === file || i.input.startsWith(`${file}#`));
      // Every problem is collected, so one run shows them all.
      const problems: string[] = [];
      for (const file of files) {
        const items = named(file);
        if (items.length === 0) problems.push(`${file}: not in the report`);
        for (const item of items.filter((i) => i.status === 'failed')) {
          if (!INPUT_CODES.has(item.code ?? '') || !item.reason)
            problems.push(`${item.input}: ${item.code} ${item.reason}`);
        }
      }
      expect(problems, `seed ${seed}`).toEqual([]);
      for (const file of good) expect(named(file).map((i) => i.status)).toEqual(['stored']);
      const check = new Database(db, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number };
      check.close();
      expect(stored.n).toBe(report.items.filter((i) => i.status === 'stored').length);
    },
    120_000,
  );
});

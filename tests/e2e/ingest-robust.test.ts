import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { type ItemReport, ingestPaths } from '../../src/ingest/ingest.ts';
import { createStore } from '../../src/store/create.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/shared.ts';

/**
 * Ingest under hostile inputs and a contended store (issue #13): in every batch the good files
 * are stored, the bad one is reported by name with its code and reason, nothing hangs, and the
 * database passes integrity_check. All inputs are generated here.
 */

const tmp = tempDir('briefwire-robust-');
afterAll(() => tmp.cleanup());
let folders = 0;

/** A fresh folder and database path for one test. */
function scratch(): { dir: string; db: string } {
  const dir = join(tmp.dir, `case-${++folders}`);
  mkdirSync(dir);
  return { dir, db: join(dir, 'store', 'briefwire.db') };
}

const PLACES = ['Marrowby', 'Portline', 'Eastquay', 'Saltreach', 'Lower Fenn'];

/** A news-like article, distinct per seed, about `paragraphs` paragraphs long. */
function article(seed: number, paragraphs = 3): string {
  const place = PLACES[seed % PLACES.length]!;
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `The ferry between ${place} and Eastquay resumed service on day ${seed * 100 + i} after repairs to the pier, the harbour office said. Mara Quist, who chairs the ${place} traders' group, said bookings for crossing ${i + 1} were already back to normal.`,
  );
  return `${place} ferry back after repairs (${seed})\n\n${body.join('\n\n')}\n`;
}

/** One article file per seed, named `<prefix>-<seed>.txt`; their paths in order. */
function writeArticles(dir: string, prefix: string, seeds: number[], paragraphs = 3): string[] {
  return seeds.map((seed) => {
    const file = join(dir, `${prefix}-${seed}.txt`);
    writeFileSync(file, article(seed, paragraphs));
    return file;
  });
}

/** Bytes from a fixed linear congruential sequence, so every run writes the same noise. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let seed = 7;
  for (let i = 0; i < length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  return bytes;
}

interface Row {
  origin: string;
  title: string;
  text: string;
}

/** What the database holds, read with a connection of its own, and its integrity check. */
function inspect(db: string): { rows: Row[]; integrity: string } {
  const conn = new Database(db, { readonly: true });
  try {
    const rows = conn
      .prepare('SELECT origin, title, "text" AS text FROM articles ORDER BY id')
      .all() as Row[];
    return { rows, integrity: String(conn.pragma('integrity_check', { simple: true })) };
  } finally {
    conn.close();
  }
}

const lines = (out: string) => out.split('\n').filter((l) => l !== '');

describe('item 1: one large file does not cost the batch', () => {
  it('refuses a 50 MB file by name with INPUT_TOO_LARGE and stores the good ones', async () => {
    const { dir, db } = scratch();
    writeFileSync(join(dir, 'a-first.txt'), article(1));
    writeFileSync(join(dir, 'b-second.txt'), article(2));
    const paragraph = article(3, 20);
    writeFileSync(
      join(dir, 'c-huge.txt'),
      paragraph.repeat(Math.ceil((50 * 1024 ** 2) / paragraph.length)),
    );
    writeFileSync(join(dir, 'd-third.txt'), article(4));

    const r = await runCli(['ingest', dir, '--db', db]);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([
      expect.stringMatching(/^stored\s+.*a-first\.txt — /),
      expect.stringMatching(/^stored\s+.*b-second\.txt — /),
      expect.stringMatching(
        /^failed\s+.*c-huge\.txt — 5\d{7} bytes \(5\d\.\d MiB\) is over the limit of 10485760 bytes \(10\.0 MiB\) .*\[INPUT_TOO_LARGE\]$/,
      ),
      expect.stringMatching(/^stored\s+.*d-third\.txt — /),
    ]);
    expect(r.stderr).toMatch(/^3 stored, 0 duplicate, 1 failed/m);
    const { rows, integrity } = inspect(db);
    expect(rows.map((x) => x.origin)).toEqual(
      ['a-first.txt', 'b-second.txt', 'd-third.txt'].map((f) => join(dir, f)),
    );
    expect(integrity).toBe('ok');
  }, 60_000);

  it('takes its limit from BRIEFWIRE_MAX_FILE_BYTES, and names the variable when it is bad', async () => {
    const { dir, db } = scratch();
    const small = join(dir, 'small.txt');
    const large = join(dir, 'large.txt');
    writeFileSync(small, article(5));
    writeFileSync(large, article(6, 30));
    const env = { BRIEFWIRE_MAX_FILE_BYTES: '4096' };
    const r = await runCli(['ingest', small, large, '--db', db, '--json'], env);
    const report = JSON.parse(r.stdout) as { items: ItemReport[] };
    expect(report.items.map((i) => [i.input, i.status, i.code])).toEqual([
      [small, 'stored', undefined],
      [large, 'failed', 'INPUT_TOO_LARGE'],
    ]);
    const bad = await runCli(['ingest', small, '--db', db], { BRIEFWIRE_MAX_FILE_BYTES: '10MB' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /BRIEFWIRE_MAX_FILE_BYTES: must be a positive whole number.*\[CONFIG_INVALID\]/,
    );
  });

  it('commits each file before reporting it, so a report line means the file is stored', async () => {
    const { dir, db } = scratch();
    const files = writeArticles(dir, 'f', [10, 11, 12]);
    const stores = await createStore(db);
    const seen: Array<{ input: string; visibleElsewhere: string[] }> = [];
    try {
      await ingestPaths(stores, files, {
        onItem: (item) =>
          seen.push({ input: item.input, visibleElsewhere: inspect(db).rows.map((r) => r.origin) }),
      });
    } finally {
      await stores.close();
    }
    // Another connection sees each file as it is reported, and not the files after it.
    expect(seen).toEqual(
      files.map((f, i) => ({ input: f, visibleElsewhere: files.slice(0, i + 1) })),
    );
  });
});

/** Runs the real executable; `onLine` sees each stdout line as it arrives. */
function briefwireChild(
  args: string[],
  onLine: (line: string, child: ReturnType<typeof spawn>) => void = () => {},
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/briefwire.js'), ...args], {
    cwd: tmp.dir,
    env: { PATH: process.env.PATH ?? '', HOME: tmp.dir },
  });
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) onLine(line, child);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

describe('item 1: a killed ingest keeps what it reported', () => {
  it('has every file reported before a SIGKILL in the database, and an intact database', async () => {
    const { dir, db } = scratch();
    writeArticles(dir, 'wire', [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31], 60);
    const r = await briefwireChild(['ingest', dir, '--db', db], (line, child) => {
      if (line.startsWith('stored')) child.kill('SIGKILL');
    });
    expect(r.signal).toBe('SIGKILL');
    const reported = lines(r.stdout).map((l) => /^stored\s+(.*) — /.exec(l)?.[1]);
    expect(reported.length).toBeGreaterThan(0);
    const { rows, integrity } = inspect(db);
    const stored = rows.map((x) => x.origin);
    // Everything reported is stored; at most the file in progress was stored unreported.
    expect(stored.slice(0, reported.length)).toEqual(reported);
    expect(stored.length - reported.length).toBeLessThanOrEqual(1);
    expect(integrity).toBe('ok');
  }, 60_000);
});

describe('item 9: another process holding the write lock', () => {
  it('is waited on while held for a second: every file is stored', async () => {
    const { dir, db } = scratch();
    writeArticles(dir, 'lock', [40, 41, 42, 43, 44, 45, 46, 47], 40);
    let holder: Database.Database | undefined;
    let releasedAt = 0;
    const afterLock: Array<{ line: string; at: number }> = [];
    const r = await briefwireChild(['ingest', dir, '--db', db], (line) => {
      if (holder) afterLock.push({ line, at: Date.now() });
      else {
        // The child is mid-batch: take the write lock as another process would, for a second.
        holder = new Database(db);
        holder.exec('BEGIN IMMEDIATE');
        const h = holder;
        setTimeout(() => {
          h.exec('ROLLBACK');
          releasedAt = Date.now();
          h.close();
        }, 1000);
      }
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^8 stored, 0 duplicate, 0 failed/m);
    // Files were committed while the lock was held only because the child waited for it.
    expect(afterLock.length).toBeGreaterThan(0);
    for (const { line, at } of afterLock) {
      expect(line).toMatch(/^stored /);
      expect(at).toBeGreaterThanOrEqual(releasedAt);
    }
    expect(inspect(db)).toMatchObject({ integrity: 'ok' });
  }, 60_000);

  it('fails only the file whose write outlasts the busy timeout; later files are stored', async () => {
    const { dir, db } = scratch();
    const files = writeArticles(dir, 'busy', [50, 51, 52]);
    const stores = await createStore(db, { busyTimeoutMs: 200 });
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const items: ItemReport[] = [];
    try {
      await ingestPaths(stores, files, {
        onItem: (item) => {
          items.push(item);
          if (holder.inTransaction) holder.exec('ROLLBACK'); // the lock ends after the first file
        },
      });
    } finally {
      holder.close();
      await stores.close();
    }
    expect(items.map((i) => [i.input, i.status])).toEqual([
      [files[0], 'failed'],
      [files[1], 'stored'],
      [files[2], 'stored'],
    ]);
    expect(items[0]).toMatchObject({ code: 'STORE_BUSY', reason: expect.stringContaining(db) });
    const { rows, integrity } = inspect(db);
    expect(rows.map((x) => x.origin)).toEqual(files.slice(1));
    expect(integrity).toBe('ok');
  }, 30_000);
});

describe('item 4: encodings', () => {
  it('decodes UTF-16 with a BOM, Latin-1 HTML with its meta charset and windows-1252 text, and refuses binary', async () => {
    const { dir, db } = scratch();
    const cafe = 'Café Marrowby reopens its doors';
    const body = (n: number) =>
      `${cafe}\n\nThe café on the Marrowby quay reopened on day ${n} after a winter refit, its owner Mara Quist said. “Déjà vu,” said one regular, who has watched the quay change hands twice.\n`;
    const bom = (mark: number[], text: string, enc: string) =>
      Buffer.concat([Buffer.from(mark), iconv.encode(text, enc)]);
    writeFileSync(join(dir, 'u16le.txt'), bom([0xff, 0xfe], body(1), 'utf-16le'));
    writeFileSync(join(dir, 'u16be.txt'), bom([0xfe, 0xff], body(2), 'utf-16be'));
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>${cafe}</title></head><body><article><h1>${cafe}</h1><p>${body(3).split('\n\n')[1]}</p><p>Crème brûlée returns to the menu at the Marrowby café from Friday, priced as before.</p></article></body></html>`;
    writeFileSync(join(dir, 'latin1.html'), iconv.encode(html.replace(/[“”]/g, '"'), 'latin1'));
    writeFileSync(join(dir, 'cp1252.txt'), iconv.encode(body(4), 'windows-1252'));
    const random = noise(4096);
    writeFileSync(join(dir, 'random.txt'), random);
    const elf = Buffer.concat([
      Buffer.from('\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0', 'latin1'),
      random.subarray(0, 512),
    ]);
    writeFileSync(join(dir, 'tool.txt'), elf);

    const r = await runCli(['ingest', dir, '--db', db]);
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    for (const f of ['cp1252.txt', 'latin1.html', 'u16be.txt', 'u16le.txt'])
      expect(out).toContainEqual(
        expect.stringMatching(new RegExp(`^stored\\s+.*${f} — “${cafe}”`)),
      );
    for (const f of ['random.txt', 'tool.txt'])
      expect(out).toContainEqual(
        expect.stringMatching(new RegExp(`^failed\\s+.*${f} — not text: .*\\[INPUT_NOT_TEXT\\]$`)),
      );
    const { rows, integrity } = inspect(db);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.title).toBe(cafe);
      expect(row.text).toMatch(/Marrowby quay reopened/);
      expect(row.text).not.toMatch(/[\0\ufffd]/);
    }
    expect(rows.find((x) => x.origin.endsWith('latin1.html'))?.text).toContain('Crème brûlée');
    expect(rows.find((x) => x.origin.endsWith('cp1252.txt'))?.text).toContain('“Déjà vu,”');
    expect(integrity).toBe('ok');
  }, 30_000);
});

describe('item 5: file names and titles cannot forge lines or reach the terminal', () => {
  it('prints one line per item with no escape or bell bytes', async () => {
    const { dir, db } = scratch();
    const forged = join(dir, 'quay\nstored    forged — “fake” (article 99).txt');
    writeFileSync(forged, article(60));
    const title =
      'Ferry \u001b[2Jtimes \u001b]8;;http://127.0.0.1/\u0007change\u001b]8;;\u0007 at Portline';
    writeFileSync(
      join(dir, 'escape.txt'),
      `${title}\n\n${article(61, 6).split('\n\n').slice(1).join('\n\n')}`,
    );
    const missing = join(dir, 'gone\n\u001b[31mfailed.txt');

    const r = await runCli(['ingest', dir, missing, '--db', db]);
    const out = lines(r.stdout);
    expect(out).toHaveLength(3);
    for (const control of ['\u001b', '\u0007', '\u009b']) expect(r.stdout).not.toContain(control);
    expect(out[0]).toMatch(
      /^stored\s+.*escape\.txt — “Ferry times change at Portline” \(article \d+\)$/,
    );
    expect(out[1]).toMatch(/^stored\s+.*quay stored {4}forged — “fake” \(article 99\)\.txt — “/);
    expect(out[2]).toMatch(
      /^failed\s+.*gone failed\.txt — no such file or directory \[INPUT_NOT_FOUND\]$/,
    );
    expect(inspect(db).rows).toHaveLength(2);
  }, 30_000);
});

describe('item 10: JSON records are numbered one way, stored or failed', () => {
  it('names each record file.json#<index in the file>, and failures say the same index', async () => {
    const { dir, db } = scratch();
    const feed = join(dir, 'feed.json');
    const good = (n: number) => ({
      title: `Portline notice ${n}`,
      text: article(70 + n)
        .split('\n\n')
        .slice(1)
        .join('\n\n'),
    });
    writeFileSync(feed, JSON.stringify([{ title: 'No body' }, good(1), 42, good(2), good(3)]));
    const r = await runCli(['ingest', feed, '--db', db, '--json']);
    const { items } = JSON.parse(r.stdout) as { items: ItemReport[] };
    expect(items.map((i) => [i.input, i.status])).toEqual([
      [`${feed}#0`, 'failed'],
      [`${feed}#1`, 'stored'],
      [`${feed}#2`, 'failed'],
      [`${feed}#3`, 'stored'],
      [`${feed}#4`, 'stored'],
    ]);
    expect(items[0]?.reason).toMatch(/^record \[0\] has no text/);
    expect(items[2]?.reason).toMatch(/^record \[2\] is a number/);
    expect(inspect(db).rows.map((x) => [x.origin, x.title])).toEqual([
      [`${feed}#1`, 'Portline notice 1'],
      [`${feed}#3`, 'Portline notice 2'],
      [`${feed}#4`, 'Portline notice 3'],
    ]);
  });
});

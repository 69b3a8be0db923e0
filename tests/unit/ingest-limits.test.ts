import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { readBounded, readInputText } from '../../src/ingest/read-input.ts';
import { BriefwireError } from '../../src/model/errors.ts';
import { LIMITS } from '../../src/model/limits.ts';
import { tempDir } from '../helpers/cli.ts';

/** Bytes per input file: refused by size before reading, configurable, and decoded when read. */

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function failure(work: Promise<unknown>): Promise<BriefwireError> {
  const e = await work.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BriefwireError);
  return e as BriefwireError;
}

describe('readBounded', () => {
  it('reads a file up to the limit, and refuses one byte more by name with both sizes', async () => {
    const file = join(tmp.dir, 'edge.txt');
    writeFileSync(file, 'x'.repeat(1000));
    expect((await readBounded(file, 1000)).length).toBe(1000);
    const e = await failure(readBounded(file, 999));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.input).toBe(file);
    expect(e.message).toBe(
      `${file}: 1000 bytes is over the limit of 999 bytes per file (BRIEFWIRE_MAX_FILE_BYTES)`,
    );
  });

  it('refuses a 3 GiB file from its size, without reading it', async () => {
    // Sparse: it takes no disk, and reading it whole would fail (Node's buffers stop at 2 GiB).
    const file = join(tmp.dir, 'huge.txt');
    writeFileSync(file, '');
    truncateSync(file, 3 * 1024 ** 3);
    const e = await failure(readBounded(file, LIMITS.fileBytes));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toContain(
      '3221225472 bytes (3072.0 MiB) is over the limit of 10485760 bytes (10.0 MiB)',
    );
  });
});

describe('readInputText', () => {
  it('decodes an HTML file in its declared charset', async () => {
    const file = join(tmp.dir, 'latin.html');
    const html = '<meta charset="iso-8859-1"><p>Café Marrowby</p>';
    writeFileSync(file, iconv.encode(html, 'latin1'));
    expect(await readInputText(file, 'html')).toMatchObject({
      text: html,
      encoding: 'windows-1252',
    });
  });

  it('refuses bytes that are not text with INPUT_NOT_TEXT, naming the file and the reading', async () => {
    const file = join(tmp.dir, 'tool.txt');
    writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0x3e, 0]));
    const e = await failure(readInputText(file, 'text'));
    expect(e.code).toBe('INPUT_NOT_TEXT');
    expect(e.input).toBe(file);
    expect(e.message).toMatch(/^.*tool\.txt: not text: \d+ NUL characters .*read as utf-8/);
  });
});

describe('BRIEFWIRE_MAX_FILE_BYTES', () => {
  it('defaults to LIMITS.fileBytes and takes a positive whole number of bytes', () => {
    expect(loadConfig({}).maxFileBytes).toBe(LIMITS.fileBytes);
    expect(loadConfig({ BRIEFWIRE_MAX_FILE_BYTES: ' 2048 ' }).maxFileBytes).toBe(2048);
  });

  it('is CONFIG_INVALID, naming the variable, for anything else', () => {
    for (const bad of ['0', '-5', '1.5', '10MB', 'lots', '99999999999999999999']) {
      let e: unknown;
      try {
        loadConfig({ BRIEFWIRE_MAX_FILE_BYTES: bad });
      } catch (err) {
        e = err;
      }
      expect(e, bad).toBeInstanceOf(BriefwireError);
      expect((e as BriefwireError).code).toBe('CONFIG_INVALID');
      expect((e as BriefwireError).input).toBe('BRIEFWIRE_MAX_FILE_BYTES');
    }
  });
});

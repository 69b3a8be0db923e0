import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs, formatOf } from '../../src/ingest/sources.ts';

let root = '';

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'briefwire-sources-'));
  const files = [
    'news/b.txt',
    'news/a.md',
    'news/deep/nested/c.html',
    'news/deep/d.HTM',
    'news/deep/e.json',
    'news/.hidden.txt',
    'news/.cache/f.txt',
    'news/notes.pdf',
    'news/deep/image.png',
    'news/README',
    'single.txt',
    'other.docx',
  ];
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), 'x');
  }
  symlinkSync(path.join(root, 'news'), path.join(root, 'news', 'deep', 'loop'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const at = (p: string): string => path.join(root, p);

describe('expandInputs', () => {
  it('walks directories recursively, sorted, skipping hidden files and other extensions', async () => {
    const { entries, skipped } = await expandInputs([at('news')]);
    expect(entries).toEqual([
      { kind: 'file', path: at('news/a.md'), format: 'markdown' },
      { kind: 'file', path: at('news/b.txt'), format: 'text' },
      { kind: 'file', path: at('news/deep/d.HTM'), format: 'html' },
      { kind: 'file', path: at('news/deep/e.json'), format: 'json' },
      { kind: 'file', path: at('news/deep/nested/c.html'), format: 'html' },
    ]);
    expect(skipped).toEqual([at('news/README'), at('news/deep/image.png'), at('news/notes.pdf')]);
  });

  it('reports a missing path as an entry and goes on with the rest', async () => {
    const { entries } = await expandInputs([at('missing.txt'), at('single.txt')]);
    const [missing, single] = entries;
    expect(missing?.kind).toBe('error');
    if (missing?.kind !== 'error') return;
    expect(missing.error.code).toBe('INPUT_NOT_FOUND');
    expect(missing.error.input).toBe(at('missing.txt'));
    expect(missing.error.message).toContain(at('missing.txt'));
    expect(single).toEqual({ kind: 'file', path: at('single.txt'), format: 'text' });
  });

  it('reports an explicitly named unsupported file', async () => {
    const { entries, skipped } = await expandInputs([at('other.docx')]);
    expect(skipped).toEqual([]);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    if (entry?.kind !== 'error') throw new Error('expected an error entry');
    expect(entry.error.code).toBe('INPUT_UNSUPPORTED');
    expect(entry.error.message).toMatch(/other\.docx.*\.docx.*supported/);
  });

  it('accepts a hidden file named explicitly, and lists a file named twice once', async () => {
    const { entries } = await expandInputs([
      at('news/.hidden.txt'),
      at('single.txt'),
      at('./single.txt'),
    ]);
    expect(entries.map((e) => e.path)).toEqual([at('news/.hidden.txt'), at('single.txt')]);
  });

  it('gives the same answer every time', async () => {
    const a = await expandInputs([at('news'), at('single.txt')]);
    const b = await expandInputs([at('news'), at('single.txt')]);
    expect(b).toEqual(a);
  });
});

describe('formatOf', () => {
  it('maps extensions case-insensitively', () => {
    expect(formatOf('a/B.MD')).toBe('markdown');
    expect(formatOf('page.htm')).toBe('html');
    expect(formatOf('x.tar.gz')).toBeNull();
    expect(formatOf('Makefile')).toBeNull();
  });
});

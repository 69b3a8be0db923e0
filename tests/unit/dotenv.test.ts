import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, mergeEnv, readDotEnv, withDotEnv } from '../../src/config.ts';
import { BriefwireError } from '../../src/model/errors.ts';
import { tempDir } from '../helpers/cli.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let dirs = 0;
/** A fresh folder holding `.env` with `text`. */
function withFile(text: string): string {
  const dir = join(tmp.dir, `d${++dirs}`);
  mkdirSync(dir);
  writeFileSync(join(dir, '.env'), text);
  return dir;
}

function configError(run: () => unknown): BriefwireError {
  try {
    run();
  } catch (e) {
    if (e instanceof BriefwireError) return e;
    throw e;
  }
  throw new Error('expected a BriefwireError');
}

describe('.env merge rules', () => {
  it('a variable set in the environment wins over the file', () => {
    expect(mergeEnv({ PORT: '4000' }, { PORT: '3000', LOG_LEVEL: 'debug' })).toEqual({
      PORT: '4000',
      LOG_LEVEL: 'debug',
    });
  });

  it('an empty value means unset on either side', () => {
    // The blank lines of .env.example override nothing…
    expect(mergeEnv({ SLACK_BOT_TOKEN: 'xoxb-1' }, { SLACK_BOT_TOKEN: '' })).toEqual({
      SLACK_BOT_TOKEN: 'xoxb-1',
    });
    expect(mergeEnv({}, { DISCORD_TOKEN: '', PORT: '  ' })).toEqual({});
    // …and an empty environment variable hides nothing the file sets.
    expect(mergeEnv({ PORT: '' }, { PORT: '3001' })).toEqual({ PORT: '3001' });
  });

  it('leaves the environment it is given untouched', () => {
    const env = { A: '1' };
    mergeEnv(env, { B: '2' });
    expect(env).toEqual({ A: '1' });
  });
});

describe('readDotEnv', () => {
  it('reads comments, quotes, export and multi-line values as Node does', () => {
    const dir = withFile(
      [
        '# Briefwire',
        'BRIEFWIRE_TIMEZONE=Europe/London # inline comment',
        'SLACK_BOT_TOKEN="xoxb-with # hash"',
        "SLACK_SIGNING_SECRET='single'",
        'export LOG_LEVEL=debug',
        'DISCORD_TOKEN=',
        '  PORT = 3001  ',
        'NOTE="two',
        'lines"',
        '',
      ].join('\n'),
    );
    expect(readDotEnv(dir)).toEqual({
      BRIEFWIRE_TIMEZONE: 'Europe/London',
      SLACK_BOT_TOKEN: 'xoxb-with # hash',
      SLACK_SIGNING_SECRET: 'single',
      LOG_LEVEL: 'debug',
      DISCORD_TOKEN: '',
      PORT: '3001',
      NOTE: 'two\nlines',
    });
  });

  it('is empty when there is no .env', () => {
    const dir = join(tmp.dir, 'none');
    mkdirSync(dir);
    expect(readDotEnv(dir)).toEqual({});
    expect(withDotEnv({ A: '1' }, dir)).toEqual({ A: '1' });
  });

  it('refuses a line with no NAME= and an unclosed quote, naming the file and line', () => {
    const noName = withFile('LOG_LEVEL=info\nxoxb-pasted-token\nPORT=3000\n');
    const e = configError(() => readDotEnv(noName));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.input).toBe(join(noName, '.env'));
    expect(e.message).toBe(`${join(noName, '.env')}:2: expected NAME=value`);

    const unclosed = withFile('PORT=3000\nSLACK_BOT_TOKEN="xoxb-1\nLOG_LEVEL=info\n');
    expect(configError(() => readDotEnv(unclosed)).message).toBe(
      `${join(unclosed, '.env')}:2: the " quote is never closed`,
    );
  });

  it('refuses a .env it cannot read', () => {
    const dir = join(tmp.dir, 'folder');
    mkdirSync(join(dir, '.env'), { recursive: true });
    const e = configError(() => readDotEnv(dir));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(new RegExp(`^${join(dir, '.env')}: cannot be read: `));
  });
});

describe('loadConfig', () => {
  it('treats an empty value as unset everywhere', () => {
    const config = loadConfig({
      BRIEFWIRE_DB: '',
      BRIEFWIRE_TIMEZONE: '',
      LOG_LEVEL: ' ',
      SLACK_BOT_TOKEN: '',
      DISCORD_TOKEN: '',
      BRIEFWIRE_LLM_URL: '',
    });
    expect(config).toMatchObject({
      db: './data/briefwire.db',
      timezone: 'UTC',
      logLevel: 'info',
      slack: null,
      discord: null,
      llm: null,
    });
    expect(loadConfig({ BRIEFWIRE_DB: 'x.db' }, { db: '' }).db).toBe('x.db');
  });
});

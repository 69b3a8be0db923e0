import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/shared.ts';

/**
 * Start-up: a command loads only what it needs (no NLP, no platform client for `--help`,
 * `topics` or `subscriptions`), and bin/briefwire.js runs the build while it is fresh and
 * the sources once one is edited.
 */

const run = promisify(execFile);
const tmp = tempDir('briefwire-startup-');
afterAll(() => tmp.cleanup());
const HEAVY = ['compromise', 'discord.js', '@slack/bolt', 'linkedom', 'pg'];

async function loadedBy(args: string[]): Promise<string[]> {
  const log = join(tmp.dir, `loads-${args.join('-')}.txt`);
  writeFileSync(log, '');
  const hooks = pathToFileURL(join(repoRoot, 'tests/helpers/record-loads.mjs')).href;
  // The exit code does not matter here (a command may refuse its arguments): what it loaded does.
  await run(process.execPath, ['--import', hooks, join(repoRoot, 'bin/briefwire.js'), ...args], {
    cwd: tmp.dir,
    env: { PATH: process.env.PATH ?? '', HOME: tmp.dir, BRIEFWIRE_LOAD_LOG: log },
  }).catch(() => null);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const packagesIn = (urls: string[]): Set<string> =>
  new Set(
    urls.flatMap((u) => {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
      return m ? [m[1]!] : [];
    }),
  );

describe('what a command loads', () => {
  it.each([
    [['--help']],
    [['topics', '--db', 'light.db']],
    [['subscriptions', '--db', 'light.db']],
  ])('%j loads no NLP, platform client or PostgreSQL driver', async (args) => {
    const loaded = packagesIn(await loadedBy(args));
    for (const heavy of HEAVY)
      expect(loaded.has(heavy), `${args.join(' ')} loaded ${heavy}`).toBe(false);
    if (args[0] !== '--help') expect(loaded.has('better-sqlite3')).toBe(true);
  });

  it('brief loads the NLP it needs, and the recorder sees it', async () => {
    const loaded = packagesIn(
      await loadedBy(['brief', 'no-such-topic', '--db', 'light.db']).catch(() => []),
    );
    // The command fails (unknown topic) after loading its modules; what matters is the record.
    expect(loaded.size).toBeGreaterThan(0);
  });
});

describe('bin/briefwire.js', () => {
  /** A package laid out like Briefwire's, whose two mains say which one ran. */
  function fakePackage(): string {
    const root = join(tmp.dir, 'pkg');
    mkdirSync(join(root, 'bin'), { recursive: true });
    mkdirSync(join(root, 'src/cli'), { recursive: true });
    mkdirSync(join(root, 'dist/src/cli'), { recursive: true });
    cpSync(join(repoRoot, 'bin/briefwire.js'), join(root, 'bin/briefwire.js'));
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'package.json'), '{"type":"module"}\n');
    writeFileSync(
      join(root, 'src/cli/main.ts'),
      "export async function main(): Promise<number> { process.stdout.write('sources'); return 0; }\n",
    );
    writeFileSync(
      join(root, 'dist/src/cli/main.js'),
      "export async function main() { process.stdout.write('built'); return 0; }\n",
    );
    const past = new Date(Date.now() - 60_000);
    for (const f of ['package.json', 'src/cli/main.ts']) utimesSync(join(root, f), past, past);
    writeFileSync(join(root, 'dist/BUILT'), 'now\n');
    return root;
  }

  it('runs the build while it is newer than every source, and the sources after an edit', async () => {
    const root = fakePackage();
    const bin = join(root, 'bin/briefwire.js');
    expect((await run(process.execPath, [bin])).stdout).toBe('built');
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src/cli/main.ts'), future, future);
    expect((await run(process.execPath, [bin])).stdout).toBe('sources');
  });
});

import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BriefwireError } from '../model/errors.ts';
import { forTerminalLine } from '../render/terminal.ts';
import { type Digests, readDump, storeDigests, writeDump } from '../store/dump.ts';
import { mergeDump } from '../store/merge.ts';
import { withStore } from './context.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { flag, parseOptions, stringOption } from './options.ts';

/**
 * `export` and `import`: the whole store as a dump (src/store/dump.ts), so a team moves its
 * archive from SQLite to PostgreSQL and back. Each prints every table's rows and checksum at
 * the end; an import compares them with the dump's and with what the store then holds.
 */

function table(digests: Digests, compare?: Digests): string {
  const width = Math.max(...Object.keys(digests).map((t) => t.length));
  return Object.entries(digests)
    .map(([name, d]) => {
      const other = compare?.[name];
      const verdict = !compare
        ? ''
        : other && other.rows === d.rows && other.sha256 === d.sha256
          ? '  same'
          : '  DIFFERENT';
      return `  ${name.padEnd(width)}  ${String(d.rows).padStart(8)} ${d.rows === 1 ? 'row ' : 'rows'}  sha256 ${d.sha256.slice(0, 16)}${verdict}\n`;
    })
    .join('');
}

/**
 * A file's lines, read chunk by chunk from its stream: the stream's own iterator waits while
 * the consumer awaits the database (readline's iterator can end early when it is left waiting).
 */
async function* fileLines(path: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    rest += chunk as string;
    let start = 0;
    for (let at = rest.indexOf('\n'); at >= 0; at = rest.indexOf('\n', start)) {
      yield rest.slice(start, at).replace(/\r$/, '');
      start = at + 1;
    }
    rest = rest.slice(start);
  }
  if (rest) yield rest;
}

export const exportDump: Subcommand = {
  name: 'export',
  usage: 'briefwire export [--out FILE] [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('export', argv, { out: { type: 'string' } });
    const out = stringOption(parsed, 'out');
    return withStore(io, stringOption(parsed, 'db'), async (stores) => {
      const file = out === undefined ? null : createWriteStream(resolve(io.cwd, out));
      const write = async (line: string): Promise<void> => {
        if (!file) {
          io.stdout.write(`${line}\n`);
          return;
        }
        // Back-pressure: a large archive streams to disk rather than piling up in memory.
        if (!file.write(`${line}\n`)) await once(file, 'drain');
      };
      try {
        const digests = await writeDump(stores.archive, write);
        if (file) {
          file.end();
          await once(file, 'finish');
        }
        io.stderr.write(
          `Exported ${forTerminalLine(stores.location)}${out ? ` to ${forTerminalLine(out)}` : ''}:\n${table(digests)}`,
        );
        return EXIT.ok;
      } catch (e) {
        file?.destroy();
        throw e;
      }
    });
  },
};

export const importDump: Subcommand = {
  name: 'import',
  usage: 'briefwire import FILE [--merge] [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('import', argv, { merge: { type: 'boolean' } });
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length)
      throw new BriefwireError(
        'USAGE',
        'import takes one dump file: briefwire import FILE',
        argv.join(' '),
      );
    const path = resolve(io.cwd, file);
    if (!existsSync(path))
      throw new BriefwireError('INPUT_NOT_FOUND', `${file}: no such file`, file);
    return withStore(io, stringOption(parsed, 'db'), async (stores) => {
      const held = Object.entries(await stores.archive.counts()).filter(([, n]) => n > 0);
      const lines = () => fileLines(path);
      if (held.length && flag(parsed, 'merge')) {
        const merged = await mergeDump(lines(), stores.archive, file);
        const rows = Object.entries(merged).map(
          ([t, m]) => `  ${t}: ${m.added} added, ${m.present} already held\n`,
        );
        io.stderr.write(
          `Merged ${forTerminalLine(file)} into ${forTerminalLine(stores.location)}:\n${rows.join('')}`,
        );
        return EXIT.ok;
      }
      if (held.length)
        throw new BriefwireError(
          'USAGE',
          `${stores.location} is not empty (${held.map(([t, n]) => `${n} ${t}`).join(', ')}); import into an empty store, or add --merge to keep what it holds and add the rest`,
          stores.location,
        );
      const { expected, read } = await readDump(lines(), stores.archive, file);
      const now = await storeDigests(stores.archive);
      const whole = Object.entries(expected).every(([name, d]) => {
        const got = now[name];
        return (
          got && got.rows === d.rows && got.sha256 === d.sha256 && read[name]?.sha256 === d.sha256
        );
      });
      io.stderr.write(
        `Imported ${forTerminalLine(file)} into ${forTerminalLine(stores.location)}; the store now holds, against the dump:\n${table(now, expected)}`,
      );
      if (whole) return EXIT.ok;
      io.stderr.write(
        'briefwire import: the store does not hold what the dump says (see DIFFERENT above) [STORE_FAILED]\n',
      );
      return EXIT.failed;
    });
  },
};

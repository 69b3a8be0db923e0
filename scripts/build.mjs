// `npm run build`, and `prepare` on install: compiles src/ and commands/ to dist/ (plain
// JavaScript, so a command starts without a TypeScript loader) and copies the data files the
// NLP modules read beside themselves. bin/briefwire.js runs dist/ while it is newer than
// every source file, and the sources through tsx otherwise.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // An install without devDependencies: the sources still run, through tsx.
  process.stderr.write('briefwire build: typescript is not installed; skipping the build\n');
  process.exit(0);
}

rmSync(dist, { recursive: true, force: true });
const built = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (built.status !== 0) {
  process.stderr.write('briefwire build: tsc failed; `npx briefwire` will run the sources\n');
  process.exit(built.status ?? 1);
}
const data = join('src', 'nlp', 'data');
mkdirSync(join(dist, data), { recursive: true });
for (const name of readdirSync(join(root, data)))
  cpSync(join(root, data, name), join(dist, data, name));
// Written last: its time says when the build finished, for the freshness check in bin/.
writeFileSync(join(dist, 'BUILT'), `${new Date().toISOString()}\n`);

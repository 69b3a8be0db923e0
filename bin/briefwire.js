#!/usr/bin/env node
// Runs the compiled build (dist/, made by `npm install` through `prepare`) while it is newer
// than every source file, and the TypeScript sources through the tsx loader otherwise: after
// an edit or a pull with no rebuild, the code that runs is still the code checked out.
import { existsSync, readdirSync, statSync } from 'node:fs';

const here = new URL('..', import.meta.url);

function builtAt() {
  try {
    return statSync(new URL('dist/BUILT', here)).mtimeMs;
  } catch {
    return null;
  }
}

function newestSource() {
  let newest = statSync(new URL('package.json', here)).mtimeMs;
  for (const dir of ['src', 'commands']) {
    const base = new URL(`${dir}/`, here);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base, { recursive: true })) {
      newest = Math.max(newest, statSync(new URL(name, base)).mtimeMs);
    }
  }
  return newest;
}

async function loadMain() {
  const built = builtAt();
  if (built !== null && process.env.BRIEFWIRE_SOURCES !== '1' && newestSource() <= built)
    return import('../dist/src/cli/main.js');
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

const { main } = await loadMain();
process.exitCode = await main(process.argv.slice(2));
// A finished command whose library left a connection open (a Discord gateway that said HELLO
// and never READY cannot be closed cleanly) still ends, saying so. The timer does not itself
// keep the process alive, so a clean exit is not delayed.
setTimeout(() => {
  process.stderr.write(
    'briefwire: a connection was still open after the command finished; exiting\n',
  );
  process.exit();
}, 2_000).unref();

#!/usr/bin/env node
// Runs the checked-out TypeScript sources directly (no build step): tsx registers a loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
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

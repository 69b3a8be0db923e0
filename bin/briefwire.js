#!/usr/bin/env node
// Runs the checked-out TypeScript sources directly (no build step): tsx registers a loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

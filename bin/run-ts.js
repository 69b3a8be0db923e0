#!/usr/bin/env node
// Runs a TypeScript script of the repository (bench, eval, scripts) through the tsx loader.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [script, ...rest] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: run-ts <script.ts> [args…]\n');
  process.exit(2);
}
process.argv = [process.argv[0] ?? 'node', script, ...rest];
await import(pathToFileURL(resolve(script)).href);

#!/usr/bin/env node
// Lint step: every TypeScript file we write stays under 400 lines (one concept per module).
// Biome has no per-file line limit and dependency-cruiser counts imports, not lines.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX_LINES = 400;
const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mjs', '*.js'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((f) => f && !f.startsWith('node_modules/'));
const tooLong = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the work tree, not yet in the index
  }
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > MAX_LINES) tooLong.push(`${file}: ${lines} lines (at most ${MAX_LINES})`);
}
if (tooLong.length > 0) {
  process.stderr.write(`max-lines: ${tooLong.length} file(s) too long\n${tooLong.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`max-lines: ${files.length} files, none over ${MAX_LINES} lines\n`);

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './shared.ts';

/**
 * axe-core's serious and critical findings on a page, run through the devtools protocol (which
 * the pages' Content-Security-Policy does not govern, so the pages need no script of their own).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const axe = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  return (await page.evaluate(
    `${axe}; axe.run(document).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.help))`,
  )) as string[];
}

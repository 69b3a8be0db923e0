import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * The shared evaluation data lives next to the repository (`../shared`). Suites that need it
 * skip, visibly, when it is absent; with BRIEFWIRE_REQUIRE_SHARED=1 (CI with the data mounted)
 * its absence is a failure instead of a skip.
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const hasShared = existsSync(sharedDir);
const required = process.env.BRIEFWIRE_REQUIRE_SHARED === '1';

export function describeWithShared(name: string, fn: () => void): void {
  if (!hasShared && required) {
    describe(name, () => {
      it('has the shared data it needs', () => {
        throw new Error(`BRIEFWIRE_REQUIRE_SHARED=1 but ${sharedDir} does not exist`);
      });
    });
    return;
  }
  // vitest runs a skipped suite's body to collect its tests, and ours read the shared files
  // there; so when the data is absent a placeholder test stands in for the body.
  const body = hasShared
    ? fn
    : () => {
        it(`needs the shared data at ${sharedDir}`, () => {});
      };
  describe.skipIf(!hasShared)(
    hasShared ? name : `${name} [skipped: shared data not found at ${sharedDir}]`,
    body,
  );
}

import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { describe, it } from 'vitest';

/**
 * Browser tests drive Debian's Chromium through playwright-core. Without it they skip, saying
 * how to install it; `.ci/run` sets BRIEFWIRE_REQUIRE_CHROMIUM=1, which makes that a failure.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const required = process.env.BRIEFWIRE_REQUIRE_CHROMIUM === '1';

export function describeWithChromium(name: string, fn: () => void): void {
  if (!hasChromium && required) {
    describe(name, () => {
      it('has Chromium', () => {
        throw new Error(
          `BRIEFWIRE_REQUIRE_CHROMIUM=1 but ${CHROMIUM} is missing (apt-get install chromium)`,
        );
      });
    });
    return;
  }
  describe.skipIf(!hasChromium)(
    hasChromium
      ? name
      : `${name} [skipped: no ${CHROMIUM}; install it with: apt-get install chromium]`,
    hasChromium ? fn : () => it('needs Chromium', () => {}),
  );
}

/** Debian's Chromium, headless, as the tests drive it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

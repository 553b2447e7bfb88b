/**
 * Debian's chromium driven by playwright-core, for tests of pages as a
 * person sees them. .ci/run installs the browser, so CI always runs these
 * tests; a developer without it may opt out with PONTE_SKIP_BROWSER=1.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { projectRoot } from '../../src/projectRoot';

export const CHROMIUM_PATH = process.env.PONTE_CHROMIUM ?? '/usr/bin/chromium';

/** node:test's `skip` option: a reason only when a developer asked to skip, never in CI. */
export function browserTestsSkipped(): string | false {
  if (process.env.CI === 'true' || process.env.PONTE_SKIP_BROWSER !== '1') return false;
  return 'PONTE_SKIP_BROWSER=1';
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install --no-install-recommends chromium; .ci/run does), ` +
        'point PONTE_CHROMIUM at another build, or set PONTE_SKIP_BROWSER=1 to skip the browser tests on this machine.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH });
}

/** The git-ignored folder screenshots go to (test-output/), created on demand. */
export function testOutputPath(fileName: string): string {
  const dir = join(projectRoot(), 'test-output');
  mkdirSync(dir, { recursive: true });
  return join(dir, fileName);
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../helpers/paths.js';

/** Where the walks leave their screenshots (ignored by git). */
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** A full-page PNG of the page as it is now: `test-results/screenshots/<name>.png`. Returns the file's path. */
export async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

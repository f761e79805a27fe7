import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

/** Poll `check` until it returns true (or a truthy value), else fail with `message` and the last value seen. */
export async function until<T>(check: () => Promise<T>, message: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await check();
      if (last) return last as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`${message} (after ${timeoutMs} ms; last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The text of a locator as written (not as CSS transforms it: DSFR badges are upper case), its text nodes joined
 * by spaces so a heading and the list after it do not run together, spaces collapsed.
 */
export const textOf = (locator: Locator) =>
  locator.evaluate((element) => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  });

/** Wait until `locator` shows text matching `pattern`; returns that text, or fails showing the last text seen. */
export async function expectText(locator: Locator, pattern: RegExp | string, what: string): Promise<string> {
  let seen = '(nothing)';
  try {
    return await until<string>(async () => {
      seen = await textOf(locator.first());
      return (typeof pattern === 'string' ? seen.includes(pattern) : pattern.test(seen)) ? seen : '';
    }, `${what}: expected ${pattern}`);
  } catch (error) {
    throw new Error(`${(error as Error).message.replace(/ \(after.*$/s, '')}; the page shows « ${seen.slice(0, 500)} » (${locator})`);
  }
}

/** The page's main heading. */
export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** The header's main navigation. */
export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Menu principal' });

/**
 * Wait until React has hydrated the step page: the island's controls carry React's props (set while hydrating),
 * and the upload inputs, disabled in the server's HTML, are enabled once mounted.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const island = document.getElementById('step-island');
      const control = island?.querySelector('input, textarea, select, button');
      if (!control || !Object.keys(control).some((k) => k.startsWith('__reactProps$'))) return false;
      return [...island!.querySelectorAll<HTMLInputElement>('input[type=file]')].every((i) => !i.disabled || i.closest('[aria-disabled=true]'));
    },
    undefined,
    { timeout: 30_000 },
  );
}

/** A minimal valid PDF (one blank page), built here: the server checks the file's bytes, not its name. */
export function minimalPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const pdf = Buffer.from(body, 'latin1');
  assert.equal(pdf.subarray(0, 8).toString(), '%PDF-1.4');
  return pdf;
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Inject axe-core (node_modules/axe-core/axe.min.js), run it on the page as it is now and return its serious and
 * critical violations, each formatted so a failure says what and where: rule, help, and for every node its
 * selector, its HTML and axe's summary.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // The platform's CSP (script-src 'self') refuses an inline <script>: evaluate the source through the
  // DevTools protocol instead, which CSP does not govern, so the pages keep their real policy under test.
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes.map((n) => `    at ${JSON.stringify(n.target)}\n      ${n.html.replace(/\s+/g, ' ').slice(0, 300)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n\s*/g, ' / ')}` : ''}`).join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    });
}

/** Fails with every serious or critical violation of `what` (a page kind, for the message). */
export async function assertAccessible(page: Page, what: string): Promise<void> {
  const found = await seriousViolations(page);
  if (found.length) throw new Error(`axe-core: ${found.length} serious or critical violation(s) on ${what} (${page.url()}):\n${found.join('\n')}`);
}

import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { requireService, type Availability, type ServiceRequirement } from '../../helpers/serviceSkip.js';

/** Debian's Chromium: the only browser these tests use (never a downloaded one). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

let availability: Availability | undefined;

export const CHROMIUM: ServiceRequirement = {
  name: 'Chromium',
  install: 'apt-get install -y chromium',
  available: () => (availability ??= existsSync(CHROMIUM_PATH) ? { ok: true } : { ok: false, reason: `${CHROMIUM_PATH} does not exist` }),
};

/** In a `before` hook: skip the suite (or fail under CI) when Chromium is missing, else launch it. */
export async function launchBrowser(ctx: Mocha.Context): Promise<Browser> {
  requireService(ctx, CHROMIUM);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A page error or a console error seen by a page: any one fails the walk. */
export interface PageProblem {
  kind: 'pageerror' | 'console';
  url: string;
  text: string;
}

/**
 * A browser context watched for errors: every uncaught exception (`pageerror`) and every console message of
 * type error (React's hydration errors, #418/#423, arrive there) is kept with the page's URL.
 */
export class WatchedContext {
  readonly problems: PageProblem[] = [];
  /** Problems a step expected (the 422 of a refused « Suivant »), kept apart so they are still visible. */
  readonly expected: PageProblem[] = [];
  private allowances: RegExp[] = [];
  private constructor(readonly context: BrowserContext) {}

  /**
   * While `run` runs, console errors matching `pattern` are expected, not problems (Chromium logs every
   * refused fetch, such as the 422 of a step sent with an empty required field). Returns `run`'s result.
   */
  async expecting<T>(pattern: RegExp, run: () => Promise<T>): Promise<T> {
    this.allowances.push(pattern);
    try {
      return await run();
    } finally {
      this.allowances.splice(this.allowances.indexOf(pattern), 1);
    }
  }

  private record(problem: PageProblem): void {
    if (problem.kind === 'console' && this.allowances.some((a) => a.test(problem.text))) this.expected.push(problem);
    else this.problems.push(problem);
  }

  static async open(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedContext> {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 }, ...options });
    context.setDefaultTimeout(20_000);
    context.setDefaultNavigationTimeout(60_000);
    const watched = new WatchedContext(context);
    context.on('page', (page) => watched.watch(page));
    return watched;
  }

  private watch(page: Page): void {
    page.on('pageerror', (error) => this.record({ kind: 'pageerror', url: page.url(), text: error.stack ?? error.message }));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const location = message.location();
        this.record({ kind: 'console', url: page.url(), text: `${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ''}` });
      }
    });
  }

  newPage(): Promise<Page> {
    return this.context.newPage();
  }

  /** The problems seen so far, one a line, or '' when none. */
  report(): string {
    return this.problems.map((p) => `- [${p.kind}] on ${p.url}: ${p.text}`).join('\n');
  }

  /** Throws with every problem seen, if any. */
  assertNoProblems(): void {
    if (this.problems.length) throw new Error(`The browser reported ${this.problems.length} error(s):\n${this.report()}`);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

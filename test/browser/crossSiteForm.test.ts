import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { startDemoPlatform, type DemoPlatform } from './helpers/demoPlatform.js';

const APPLICANT = 'camille.martin@clamart.fr';

/**
 * A page of another origin on the same host (another port: the same site to the browser, so the SameSite=Lax
 * session cookie goes along) posts a form to the platform, with the session's CSRF token as if it had leaked:
 * the Origin check refuses it in Chromium, while the platform's own forms still work.
 */
describe('a form posted to the platform from another origin, in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let platform: DemoPlatform;
  let context: BrowserContext;
  let evil: Server;
  let evilUrl = '';
  let formHtml = '';

  before(async function () {
    browser = await launchBrowser(this);
    platform = await startDemoPlatform();
    evil = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(formHtml));
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await platform?.close();
    evil?.closeAllConnections();
    await new Promise<void>((resolve) => (evil ? evil.close(() => resolve()) : resolve()));
  });

  it('refuses the other origin’s sign-out, leaked token and all, and the user stays signed in', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${platform.baseUrl}/connexion`);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/connexion'), page.getByRole('row').filter({ hasText: APPLICANT }).getByRole('button', { name: 'Se connecter' }).click()]);
    const token = ((await (await page.request.get(`${platform.baseUrl}/api/csrf`)).json()) as { token: string }).token;
    formHtml = `<!doctype html><form method="post" action="${platform.baseUrl}/deconnexion"><input type="hidden" name="_csrf" value="${token}"><button>Go</button></form>`;
    await page.goto(evilUrl);
    const [answer] = await Promise.all([page.waitForResponse(`${platform.baseUrl}/deconnexion`), page.getByRole('button', { name: 'Go' }).click()]);
    assert.equal(answer.status(), 403);
    assert.match(await page.locator('main').innerText(), /autre site que DataPass/);
    const me = await page.request.get(`${platform.baseUrl}/api/me`);
    assert.equal(me.status(), 200, 'still signed in');
  });

  it('lets the platform’s own sign-out form through', async () => {
    const page = await context.newPage();
    await page.goto(`${platform.baseUrl}/catalogue`);
    await Promise.all([page.waitForURL(`${platform.baseUrl}/catalogue`), page.locator(`form[action="/deconnexion"] button`).first().click()]);
    assert.equal((await page.request.get(`${platform.baseUrl}/api/me`)).status(), 401, 'signed out');
  });
});

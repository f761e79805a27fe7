import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { storedRequest } from './storedRequest.js';

/**
 * Another tab's save: the request read and saved through the JSON API with the page's session (its own CSRF
 * token), `change` applied to the stored data. Returns the version it left.
 */
export async function saveElsewhere(page: Page, requestId: string, change: (data: Record<string, unknown>) => void): Promise<number> {
  const stored = await storedRequest(page, requestId);
  const data = structuredClone(stored.data);
  change(data);
  const at = (path: string) => new URL(path, page.url()).href;
  const { token } = (await (await page.request.get(at('/api/csrf'))).json()) as { token: string };
  const response = await page.request.patch(at(`/api/requests/${requestId}`), { headers: { 'x-csrf-token': token, accept: 'application/json' }, data: { data, version: stored.version } });
  assert.ok(response.ok(), `the save elsewhere is accepted: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { request: { version: number } }).request.version;
}

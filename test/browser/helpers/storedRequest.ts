import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export interface StoredView {
  version: number;
  data: Record<string, unknown>;
  /** The value at `path` in the data, undefined when absent. */
  valueAt(path: readonly string[]): unknown;
}

/** The request as the server stores it, read through the JSON API with the page's session. */
export async function storedRequest(page: Page, requestId: string): Promise<StoredView> {
  const response = await page.request.get(new URL(`/api/requests/${requestId}`, page.url()).href, { headers: { accept: 'application/json' } });
  assert.ok(response.ok(), `GET /api/requests/${requestId}: ${response.status()}`);
  const { request } = (await response.json()) as { request: { version: number; data: Record<string, unknown> } };
  return {
    version: request.version,
    data: request.data,
    valueAt: (path) => path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), request.data),
  };
}

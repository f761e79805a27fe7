import type { ApiClient } from '../helpers/testApp.js';

export interface HtmlResponse {
  status: number;
  location: string | null;
  html: string;
}

/** A page as a browser gets it: `accept: text/html`, the session cookie, no redirect followed. */
export async function getPage(baseUrl: string, path: string, client?: ApiClient): Promise<HtmlResponse> {
  const response = await fetch(baseUrl + path, { redirect: 'manual', headers: { accept: 'text/html', ...(client ? { cookie: client.cookieHeader } : {}) } });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

/** An HTML form posted as a browser posts it: urlencoded, with the `_csrf` field. */
export async function postForm(baseUrl: string, path: string, client: ApiClient, fields: Record<string, string>): Promise<HtmlResponse> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { accept: 'text/html', cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: client.csrfToken, ...fields }),
  });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

/** The text of a page without its tags, entities decoded, so assertions read like what a user sees. */
export const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');

import type { Response } from 'express';
import type { ReactElement } from 'react';
import { renderPage } from '../../../renderer/renderPage.js';

/** Send a React page, rendered on the server; pages of the signed-in user are never cached by the browser. */
export function sendPage(res: Response, element: ReactElement, status = 200): void {
  res.status(status).type('html').setHeader('cache-control', 'no-store');
  res.send(renderPage(element));
}

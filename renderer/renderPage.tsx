import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';

/** A page as the server sends it: the doctype, then React's markup (hydratable where a script takes over). */
export function renderPage(element: ReactElement): string {
  return '<!doctype html>' + renderToString(element);
}

import type { ReactNode } from 'react';
import { Page } from '../frame/Page.js';
import type { PageContext } from '../frame/PageContext.js';

/** A page that only says something: an error (not found, refused…) or a static text. */
export function MessagePage({ page, title, children }: { page: PageContext; title: string; children?: ReactNode }) {
  return (
    <Page page={page} title={title}>
      <h1>{title}</h1>
      {children}
    </Page>
  );
}

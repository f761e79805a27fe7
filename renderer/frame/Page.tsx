import type { ReactNode } from 'react';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import type { PageContext } from './PageContext.js';
import { SkipLinks } from './SkipLinks.js';

export interface PageProps {
  page: PageContext;
  /** The document's title, before « – DataPass ». */
  title: string;
  children: ReactNode;
  /** A client script of /assets (built by esbuild) hydrating this page's interactive part. */
  script?: string;
  /** Props for the hydrated part, read back by the script from a JSON script element. */
  islandProps?: unknown;
}

/** Serialise props into a `<script type="application/json">`: `<` escaped so no text can close the element. */
export const islandJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The whole HTML document: DSFR styles and scripts, skip links, header, main content, footer. */
export function Page({ page, title, children, script, islandProps }: PageProps) {
  return (
    <html lang="fr" data-fr-scheme="system">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no" />
        <meta name="format-detection" content="telephone=no" />
        <title>{`${title} – DataPass`}</title>
        <link rel="stylesheet" href="/dsfr/dsfr.min.css" />
        <link rel="stylesheet" href="/dsfr/utility/utility.min.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/dsfr/favicon/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <SkipLinks />
        <Header page={page} />
        <main id="contenu" role="main" tabIndex={-1}>
          <div className="fr-container fr-py-6w">{children}</div>
        </main>
        <Footer />
        {islandProps !== undefined ? <script type="application/json" id="island-props" dangerouslySetInnerHTML={{ __html: islandJson(islandProps) }} /> : null}
        <script type="module" src="/dsfr/dsfr.module.min.js" />
        {script ? <script type="module" src={`/assets/${script}`} /> : null}
      </body>
    </html>
  );
}

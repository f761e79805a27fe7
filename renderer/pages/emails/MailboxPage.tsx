import { Breadcrumb } from '../../components/Breadcrumb.js';
import { dateTimeFr } from '../../format/frenchDates.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';

export interface MailboxRow {
  id: number;
  createdAt: string;
  to: string;
  subject: string;
}

export interface MailboxPageProps {
  page: PageContext;
  emails: MailboxRow[];
  total: number;
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
}

/** The e-mails the platform would have sent, kept here when no SMTP server is configured (embedded default). */
export function MailboxPage({ page, emails, total, pageNumber, pageCount }: MailboxPageProps) {
  return (
    <Page page={page} title="E-mails envoyés">
      <Breadcrumb items={[{ label: 'Administration', href: '/admin' }, { label: 'E-mails envoyés' }]} />
      <h1>E-mails envoyés</h1>
      <p>
        Aucun serveur SMTP n’est configuré (variable <code>SMTP_URL</code>) : les e-mails de la plateforme sont gardés ici au lieu d’être envoyés.{' '}
        {total === 0 ? 'Aucun e-mail pour le moment.' : `${total} e-mail${total > 1 ? 's' : ''}, du plus récent au plus ancien.`}
      </p>
      {emails.length ? (
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>E-mails envoyés</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Destinataire</th>
                <th scope="col">Objet</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((e) => (
                <tr key={e.id}>
                  <td>{dateTimeFr(e.createdAt)}</td>
                  <td>{e.to}</td>
                  <td>
                    <a href={`/admin/emails/${e.id}`}>{e.subject}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pageCount > 1 ? (
        <nav role="navigation" className="fr-pagination" aria-label="Pagination">
          <ul className="fr-pagination__list">
            <li>{pageNumber > 1 ? <a className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href={`/admin/emails?page=${pageNumber - 1}`}>Plus récents</a> : <a className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" aria-disabled="true" role="link">Plus récents</a>}</li>
            <li>
              <a className="fr-pagination__link" aria-current="page" title={`Page ${pageNumber}`}>{`${pageNumber} / ${pageCount}`}</a>
            </li>
            <li>{pageNumber < pageCount ? <a className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href={`/admin/emails?page=${pageNumber + 1}`}>Plus anciens</a> : <a className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true" role="link">Plus anciens</a>}</li>
          </ul>
        </nav>
      ) : null}
    </Page>
  );
}

import { Breadcrumb } from '../../components/Breadcrumb.js';
import { dateTimeFr } from '../../format/frenchDates.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';

export interface MailboxEmailPageProps {
  page: PageContext;
  email: { id: number; createdAt: string; from: string; to: string; subject: string; text: string; template: string; requestId?: string | undefined };
}

/** One e-mail of the mailbox, as its recipient would have read it (the text version). */
export function MailboxEmailPage({ page, email }: MailboxEmailPageProps) {
  return (
    <Page page={page} title={`E-mail : ${email.subject}`}>
      <Breadcrumb items={[{ label: 'Administration', href: '/admin' }, { label: 'E-mails envoyés', href: '/admin/emails' }, { label: email.subject }]} />
      <h1>{email.subject}</h1>
      <dl className="fr-mb-4w">
        <dt className="fr-text--bold">Date</dt>
        <dd>{dateTimeFr(email.createdAt)}</dd>
        <dt className="fr-text--bold">De</dt>
        <dd>{email.from}</dd>
        <dt className="fr-text--bold">À</dt>
        <dd>{email.to}</dd>
        <dt className="fr-text--bold">Modèle</dt>
        <dd>
          <code>{email.template}</code>
        </dd>
        {email.requestId ? (
          <>
            <dt className="fr-text--bold">Demande</dt>
            <dd>
              <a href={`/instruction/demandes/${email.requestId}`}>{email.requestId}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <h2 className="fr-h4">Texte</h2>
      <pre className="fr-p-2w" style={{ whiteSpace: 'pre-wrap', background: 'var(--background-alt-grey)' }}>
        {email.text}
      </pre>
      <p>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/admin/emails">Tous les e-mails</a>
      </p>
    </Page>
  );
}

import { Alert } from '../../components/Alert.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { ConventionLinks, type ConventionView } from '../../components/ConventionLinks.js';
import { CsrfField } from '../../components/CsrfField.js';
import { RequestHead } from '../../components/RequestHead.js';
import { TextareaField } from '../../components/TextareaField.js';
import { Timeline, type TimelineEntry } from '../../components/Timeline.js';
import { dateTimeFr } from '../../format/frenchDates.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';
import type { SummarySection } from '../../summary/summarizeStep.js';
import { SummarySectionView } from '../../summary/SummarySectionView.js';

export interface ReviewPageProps {
  page: PageContext;
  request: { id: string; version: number; state: string; stateLabel: string; title: string | null; definitionName: string; useCaseTitle?: string | undefined; reopening: boolean; submittedAt?: string | undefined };
  organization: { name: string; siret: string };
  applicant: { name: string; email: string };
  /** Since the previous submission: each changed answer with its title, before and after; none on a first submission. */
  changes: { label: string; before: string; after: string; pointer: string }[] | undefined;
  blocks: { id: string; title: string; section: SummarySection }[];
  timeline: TimelineEntry[];
  messages: { author: string; fromInstructor: boolean; body: string; at: string }[];
  messaging: boolean;
  /** Instructors write to the applicant; a reporter reads. */
  canWriteMessages: boolean;
  /** What this actor may do now; none for a reporter. */
  actions: { event: string; label: string; reason: 'none' | 'optional' | 'required'; reasonMaxLength: number; templates: { id: number; title: string }[] }[];
  notice?: { kind: 'success' | 'error'; title: string; text: string } | undefined;
  /** The longest message the server takes. */
  messageMaxLength: number;
  /** A refused form (an event's name, or `message`) shown again: the text typed, and the error next to its field. */
  refused?: { form: string; text: string; error?: string | undefined } | undefined;
  /** The request's authorizations, each with the convention frozen at its approval. */
  authorizations: { id: string; state: string; createdAt: string; convention?: ConventionView | undefined }[];
  /** Previews of the convention with the request's current data, when the workflow produces one. */
  conventionPreview?: { htmlHref: string; pdfHref: string } | undefined;
}

const AUTHORIZATION_STATES: Record<string, string> = { active: 'active', obsolete: 'remplacée', revoked: 'révoquée' };

/**
 * A request as an instructor reviews it: who asks, every block as filled in with what changed since the last
 * submission marked, the timeline, messages, and the actions the workflow allows this actor, each asking for
 * its reason where required. A reporter sees everything and has no button.
 */
export function ReviewPage(props: ReviewPageProps) {
  const { page, request, changes, actions, notice } = props;
  const refused = (form: string) => (props.refused?.form === form ? props.refused : undefined);
  const changed = new Map((changes ?? []).map((c) => [c.pointer, c.before]));
  return (
    <Page page={page} title={`Instruction de la demande ${request.id}`}>
      <Breadcrumb items={[{ label: 'Instruction', href: '/instruction' }, { label: `Demande ${request.id}` }]} />
      {notice ? (
        <Alert kind={notice.kind} title={notice.title} id="resultat">
          <p>{notice.text}</p>
        </Alert>
      ) : null}
      <RequestHead {...request} />
      <dl className="datapass-summary fr-mb-4w">
        <div className="datapass-summary__row">
          <dt>Organisation</dt>
          <dd>{props.organization.name} (SIRET {props.organization.siret})</dd>
        </div>
        <div className="datapass-summary__row">
          <dt>Demandeur</dt>
          <dd>{props.applicant.name} – {props.applicant.email}</dd>
        </div>
        {request.submittedAt ? (
          <div className="datapass-summary__row">
            <dt>Dernière soumission</dt>
            <dd>{dateTimeFr(request.submittedAt)}</dd>
          </div>
        ) : null}
      </dl>
      {changes ? (
        <section className="fr-mb-4w" aria-labelledby="titre-changements">
          <h2 id="titre-changements">Modifié depuis la soumission précédente</h2>
          {changes.length ? (
            <div className="fr-table fr-table--no-caption">
              <table>
                <caption>Réponses modifiées</caption>
                <thead>
                  <tr>
                    <th scope="col">Réponse</th>
                    <th scope="col">Avant</th>
                    <th scope="col">Après</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.pointer}>
                      <td>{c.label}</td>
                      <td>{c.before || <span className="fr-text--light">vide</span>}</td>
                      <td>{c.after || <span className="fr-text--light">vide</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>Aucune réponse n’a changé : le demandeur a soumis la demande à l’identique.</p>
          )}
        </section>
      ) : null}
      {props.authorizations.length || props.conventionPreview ? (
        <section className="fr-mb-4w" aria-labelledby="titre-convention">
          <h2 id="titre-convention">Habilitations et convention</h2>
          {props.authorizations.map((a) => (
            <div key={a.id}>
              <p className="fr-mb-1w">
                <strong>Habilitation {a.id}</strong>, délivrée le {dateTimeFr(a.createdAt)} : {AUTHORIZATION_STATES[a.state] ?? a.state}.
              </p>
              {a.convention ? <ConventionLinks authorizationId={a.id} convention={a.convention} /> : null}
            </div>
          ))}
          {props.conventionPreview ? (
            <p>
              Aperçu de la convention avec les réponses actuelles de la demande (sans valeur, rien n’est conservé) :{' '}
              <a className="fr-link" href={props.conventionPreview.htmlHref} target="_blank" rel="noopener" title="Aperçu HTML de la convention – nouvelle fenêtre">
                HTML
              </a>
              ,{' '}
              <a className="fr-link" href={props.conventionPreview.pdfHref} target="_blank" rel="noopener" title="Aperçu PDF de la convention – nouvelle fenêtre">
                PDF
              </a>
              . La convention définitive est produite à la validation.
            </p>
          ) : null}
        </section>
      ) : null}
      {actions.length ? (
        <section className="fr-mb-4w" aria-labelledby="titre-actions">
          <h2 id="titre-actions">Décision</h2>
          {actions.map((action) => (
            <form key={action.event} method="post" action={`/instruction/demandes/${request.id}/evenements/${action.event}`} className="fr-mb-3w">
              <CsrfField token={page.csrfToken} />
              <input type="hidden" name="version" value={request.version} />
              {action.event === 'transfer' ? (
                <>
                  <div className="fr-input-group">
                    <label className="fr-label" htmlFor="transfert-email">
                      Adresse e-mail du nouveau demandeur
                      <span className="fr-hint-text">La personne doit avoir un compte et être membre de l’organisation indiquée.</span>
                    </label>
                    <input className="fr-input" type="email" id="transfert-email" name="email" required />
                  </div>
                  <div className="fr-input-group">
                    <label className="fr-label" htmlFor="transfert-siret">SIRET de son organisation</label>
                    <input className="fr-input" id="transfert-siret" name="siret" inputMode="numeric" required />
                  </div>
                </>
              ) : null}
              {action.reason !== 'none' && action.templates.length ? (
                <div className="fr-select-group">
                  <label className="fr-label" htmlFor={`modele-${action.event}`}>
                    Modèle de message
                    <span className="fr-hint-text">Utilisé si le champ suivant est laissé vide</span>
                  </label>
                  <select className="fr-select" id={`modele-${action.event}`} name="template" defaultValue="">
                    <option value="">Aucun</option>
                    {action.templates.map((t) => (
                      <option key={t.id} value={t.id}>{t.title}</option>
                    ))}
                  </select>
                </div>
              ) : null}
              {action.reason !== 'none' ? (
                <TextareaField
                  id={`motif-${action.event}`}
                  name="reason"
                  label={action.reason === 'required' ? `Motif (obligatoire) : ${action.label.toLowerCase()}` : `Message (facultatif) : ${action.label.toLowerCase()}`}
                  rows={3}
                  maxLength={action.reasonMaxLength}
                  required={action.reason === 'required' && !action.templates.length}
                  defaultValue={refused(action.event)?.text}
                  error={refused(action.event)?.error}
                />
              ) : null}
              <button type="submit" className={`fr-btn ${action.event === 'approve' ? '' : 'fr-btn--secondary'}`.trim()}>{action.label}</button>
            </form>
          ))}
        </section>
      ) : null}
      {props.blocks.map((block, i) => (
        <section key={block.id} className="fr-mb-4w datapass-summary-block" aria-labelledby={`bloc-${block.id}`}>
          <h2 className="fr-h4" id={`bloc-${block.id}`}>
            {i + 1}. {block.title}
          </h2>
          <SummarySectionView section={block.section} changed={changed} />
        </section>
      ))}
      <Timeline entries={props.timeline} />
      {props.messaging ? (
        <section className="fr-mb-4w" aria-labelledby="titre-messages">
          <h2 id="titre-messages">Messages</h2>
          {props.messages.length ? (
            <ul className="datapass-plain-list">
              {props.messages.map((m, i) => (
                <li key={i} className={`datapass-message ${m.fromInstructor ? 'datapass-message--instructor' : ''}`.trim()}>
                  <p className="fr-text--sm fr-mb-1v">
                    <strong>{m.author}</strong>, le {dateTimeFr(m.at)}
                  </p>
                  <p className="fr-mb-0">{m.body}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p>Aucun message pour l’instant.</p>
          )}
          {props.canWriteMessages ? (
            <form method="post" action={`/instruction/demandes/${request.id}/messages`}>
              <CsrfField token={page.csrfToken} />
              <TextareaField id="message" name="body" label="Écrire au demandeur" rows={3} maxLength={props.messageMaxLength} required defaultValue={refused('message')?.text} error={refused('message')?.error} />
              <button type="submit" className="fr-btn fr-btn--secondary">Envoyer le message</button>
            </form>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}

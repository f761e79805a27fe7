import { Alert } from '../components/Alert.js';
import { Breadcrumb } from '../components/Breadcrumb.js';
import { ConventionLinks, type ConventionView } from '../components/ConventionLinks.js';
import { CsrfField } from '../components/CsrfField.js';
import { RequestHead } from '../components/RequestHead.js';
import { Timeline } from '../components/Timeline.js';
import { dateTimeFr } from '../format/frenchDates.js';
import { Page } from '../frame/Page.js';
import { TextareaField } from '../components/TextareaField.js';
import type { PageContext } from '../frame/PageContext.js';

export interface RequestPageProps {
  page: PageContext;
  request: { id: string; version: number; state: string; stateLabel: string; title: string | null; definitionName: string; useCaseTitle?: string | undefined; reopening: boolean; createdAt: string };
  /** The form while the applicant may change it. */
  editHref?: string | undefined;
  /** Why the instructor asked for changes (or refused), when that is the current state. */
  instructorReason?: { label: string; text: string; at: string } | undefined;
  /** `accessPending`: the provider has not yet told which account the access link leads to (its webhook answer). */
  authorizations: { id: string; state: string; createdAt: string; accessUrl?: string | undefined; accessPending?: boolean; convention?: ConventionView | undefined }[];
  timeline: { label: string; actor: string; at: string; reason?: string | undefined }[];
  messages: { author: string; fromInstructor: boolean; body: string; at: string }[];
  messaging: boolean;
  /** Events the applicant may fire from here (reopen, archive, cancel a reopening…), with whether a reason is asked. */
  actions: { event: string; label: string; reason: 'none' | 'optional' | 'required'; reasonMaxLength: number }[];
  /** The longest message the server takes. */
  messageMaxLength: number;
  /** A refused form (an event's name, or `message`) shown again: the text typed, and the error next to its field. */
  refused?: { form: string; text: string; error?: string | undefined } | undefined;
  /** The outcome of the last form posted here. */
  notice?: { kind: 'success' | 'error'; title: string; text: string } | undefined;
}

const AUTHORIZATION_LABELS: Record<string, string> = { active: 'active', obsolete: 'remplacée par une version plus récente', revoked: 'révoquée' };

/** A request as its applicant follows it: state, the instructor's reason, authorization, timeline, messages, actions. */
export function RequestPage(props: RequestPageProps) {
  const { page, request, authorizations, timeline, messages, actions, notice } = props;
  const refused = (form: string) => (props.refused?.form === form ? props.refused : undefined);
  return (
    <Page page={page} title={`Demande ${request.id}`}>
      <Breadcrumb items={[{ label: 'Mes demandes', href: '/demandes' }, { label: `Demande ${request.id}` }]} />
      {notice ? (
        <Alert kind={notice.kind} title={notice.title} id="resultat">
          <p>{notice.text}</p>
        </Alert>
      ) : null}
      <RequestHead {...request} />
      {props.instructorReason ? (
        <div className="fr-callout fr-callout--orange-terre-battue fr-mb-4w">
          <h2 className="fr-callout__title">{props.instructorReason.label}</h2>
          <p className="fr-callout__text">{props.instructorReason.text}</p>
          <p className="fr-text--sm">Le {dateTimeFr(props.instructorReason.at)}</p>
        </div>
      ) : null}
      {props.editHref ? (
        <p>
          <a className="fr-btn fr-icon-edit-line fr-btn--icon-left" href={props.editHref}>Continuer la demande</a>
        </p>
      ) : null}
      {authorizations.length ? (
        <section className="fr-mb-4w" aria-labelledby="titre-habilitations">
          <h2 id="titre-habilitations">Habilitation</h2>
          <ul className="datapass-plain-list">
            {authorizations.map((a) => (
              <li key={a.id} className="fr-mb-2w">
                <p>
                  <strong>Habilitation {a.id}</strong>, délivrée le {dateTimeFr(a.createdAt)} : {AUTHORIZATION_LABELS[a.state] ?? a.state}.
                </p>
                {a.accessUrl && a.state === 'active' ? (
                  <a className="fr-btn fr-btn--secondary fr-icon-external-link-line fr-btn--icon-right" href={a.accessUrl} target="_blank" rel="noopener" title="Accéder à vos accès – nouvelle fenêtre">Accéder à vos accès</a>
                ) : a.accessPending && a.state === 'active' ? (
                  <p className="fr-text--sm">Le fournisseur prépare vos accès : le lien pour y accéder apparaîtra ici dès qu’il les aura créés.</p>
                ) : null}
                {a.convention ? <ConventionLinks authorizationId={a.id} convention={a.convention} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {actions.length ? (
        <section className="fr-mb-4w" aria-labelledby="titre-actions">
          <h2 id="titre-actions">Actions</h2>
          {actions.map((action) => (
            <form key={action.event} method="post" action={`/demandes/${request.id}/evenements/${action.event}`} className="fr-mb-2w">
              <CsrfField token={page.csrfToken} />
              <input type="hidden" name="version" value={request.version} />
              {action.reason !== 'none' ? (
                <TextareaField
                  id={`motif-${action.event}`}
                  name="reason"
                  label={<>Motif {action.reason === 'optional' ? <span className="fr-hint-text">Facultatif</span> : null}</>}
                  rows={2}
                  maxLength={action.reasonMaxLength}
                  required={action.reason === 'required'}
                  defaultValue={refused(action.event)?.text}
                  error={refused(action.event)?.error}
                />
              ) : null}
              <button type="submit" className="fr-btn fr-btn--secondary">{action.label}</button>
            </form>
          ))}
        </section>
      ) : null}
      <Timeline entries={timeline} />
      {props.messaging ? (
        <section className="fr-mb-4w" aria-labelledby="titre-messages">
          <h2 id="titre-messages">Messages</h2>
          {messages.length ? (
            <ul className="datapass-plain-list">
              {messages.map((m, i) => (
                <li key={i} className={`datapass-message ${m.fromInstructor ? 'datapass-message--instructor' : ''}`.trim()}>
                  <p className="fr-text--sm fr-mb-1v">
                    <strong>{m.author}</strong>
                    {m.fromInstructor ? ' (instruction)' : ''}, le {dateTimeFr(m.at)}
                  </p>
                  <p className="fr-mb-0">{m.body}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p>Aucun message pour l’instant.</p>
          )}
          <form method="post" action={`/demandes/${request.id}/messages`}>
            <CsrfField token={page.csrfToken} />
            <TextareaField id="message" name="body" label="Écrire à l’équipe d’instruction" rows={3} maxLength={props.messageMaxLength} required defaultValue={refused('message')?.text} error={refused('message')?.error} />
            <button type="submit" className="fr-btn fr-btn--secondary">Envoyer le message</button>
          </form>
        </section>
      ) : null}
    </Page>
  );
}

import { Alert } from '../../components/Alert.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { CsrfField } from '../../components/CsrfField.js';
import { dateTimeFr } from '../../format/frenchDates.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';

export interface WebhookView {
  id: number;
  url: string;
  events: string[];
  enabled: boolean;
  testedAt?: string | undefined;
  consecutiveFailures: number;
  disabledReason?: string | undefined;
  createdAt: string;
  /** Calls queued and not yet delivered: retried, or held while the webhook is off. */
  waiting: number;
}

export interface WebhookAttemptView {
  id: number;
  webhookId: number;
  event: string;
  attempt: number;
  statusCode?: number | undefined;
  durationMs: number;
  responseExcerpt?: string | undefined;
  error?: string | undefined;
  createdAt: string;
  /** A delivery (not a test) whose body can be queued again. */
  replayable: boolean;
}

export interface WebhooksPageProps {
  page: PageContext;
  definition: { id: string; name: string };
  /** The workflow's events that deliver webhooks. */
  events: { event: string; label: string }[];
  webhooks: WebhookView[];
  attempts: WebhookAttemptView[];
  /** A secret just generated: shown this once. */
  secret?: { webhookId: number; value: string } | undefined;
  notice?: string | undefined;
  /** A refused action; `values` refill the creation form. */
  error?: { message: string; webhookId?: number | undefined; values?: { url: string; events: string[] } | undefined } | undefined;
}

const SUCCESS = new Set([200, 201, 204]);

function WebhookState({ w }: { w: WebhookView }) {
  if (w.enabled) return <p className="fr-badge fr-badge--success">Actif</p>;
  if (w.disabledReason) return <p className="fr-badge fr-badge--error">Désactivé automatiquement</p>;
  return <p className="fr-badge">Inactif</p>;
}

function ActionForm({ page, action, label, kind = 'secondary', title }: { page: PageContext; action: string; label: string; kind?: 'secondary' | 'tertiary'; title?: string }) {
  return (
    <form method="post" action={action} className="fr-mr-2w fr-mb-1w" style={{ display: 'inline-block' }}>
      <CsrfField token={page.csrfToken} />
      <button type="submit" className={`fr-btn fr-btn--${kind} fr-btn--sm`} {...(title ? { title } : {})}>{label}</button>
    </form>
  );
}

/** A definition's webhooks for its developers (and admins): register, test, enable, and follow the deliveries. */
export function WebhooksPage({ page, definition, events, webhooks, attempts, secret, notice, error }: WebhooksPageProps) {
  const base = `/webhooks/${encodeURIComponent(definition.id)}`;
  const labelOf = (event: string) => events.find((e) => e.event === event)?.label ?? event;
  const urlOf = (id: number) => webhooks.find((w) => w.id === id)?.url ?? `#${id}`;
  const values = error?.values ?? { url: '', events: events.map((e) => e.event) };
  const creationError = error && error.webhookId === undefined && error.values ? error.message : undefined;
  return (
    <Page page={page} title={`Webhooks – ${definition.name}`}>
      <Breadcrumb items={[{ label: 'Webhooks', href: '/webhooks' }, { label: definition.name }]} />
      <h1>Webhooks de {definition.name}</h1>
      {notice ? <Alert kind="success" title={notice} /> : null}
      {error && !creationError ? <Alert kind="error" title="Action impossible">{<p>{error.message}</p>}</Alert> : null}
      {secret ? (
        <Alert kind="warning" title="Secret du webhook : copiez-le maintenant" id="secret">
          <p>Ce secret ne sera plus affiché. Il signe chaque appel (en-tête <code>X-Hub-Signature-256</code>, HMAC-SHA256 du corps brut).</p>
          <p>
            <code data-secret={secret.webhookId}>{secret.value}</code>
          </p>
        </Alert>
      ) : null}
      <p>
        La plateforme appelle chaque webhook actif par un <code>POST</code> JSON signé lors des événements choisis. Un webhook doit répondre 200, 201 ou 204 ; une réponse JSON contenant <code>token_id</code> est enregistrée sur la demande. Un webhook doit réussir un test avant d’être activé. Tout autre résultat est réessayé ; aucun appel n’est perdu : pendant qu’un webhook est inactif, ses appels attendent et sont envoyés dans l’ordre à sa réactivation. Un même appel peut arriver deux fois : dédoublonnez sur l’en-tête <code>X-DataPass-Delivery</code>.
      </p>
      {webhooks.length ? (
        webhooks.map((w) => (
          <section key={w.id} className="datapass-summary-block fr-mb-3w" aria-labelledby={`webhook-${w.id}`}>
            <h2 className="fr-h5" id={`webhook-${w.id}`}>
              <code>{w.url}</code>
            </h2>
            <WebhookState w={w} />
            <ul>
              <li>Événements : {w.events.map(labelOf).join(', ') || 'aucun'}</li>
              <li>{w.testedAt ? `Dernier test réussi le ${dateTimeFr(w.testedAt)}` : 'Jamais testé avec succès'}</li>
              <li data-waiting={w.waiting}>
                {w.waiting ? `${w.waiting} appel${w.waiting > 1 ? 's' : ''} en attente d’envoi${w.enabled ? '' : ', envoyé' + (w.waiting > 1 ? 's' : '') + ' dans l’ordre à la réactivation'}` : 'Aucun appel en attente'}
              </li>
              {w.consecutiveFailures ? <li>Échecs consécutifs : {w.consecutiveFailures}</li> : null}
              {w.disabledReason ? <li>{w.disabledReason}</li> : null}
            </ul>
            <div>
              <ActionForm page={page} action={`${base}/${w.id}/tester`} label="Tester" title={`Envoyer un appel de test à ${w.url}`} />
              {w.enabled ? <ActionForm page={page} action={`${base}/${w.id}/desactiver`} label="Désactiver" /> : <ActionForm page={page} action={`${base}/${w.id}/activer`} label="Activer" />}
              <ActionForm page={page} action={`${base}/${w.id}/secret`} label="Régénérer le secret" kind="tertiary" />
              <ActionForm page={page} action={`${base}/${w.id}/supprimer`} label="Supprimer" kind="tertiary" title={`Supprimer le webhook ${w.url}`} />
            </div>
          </section>
        ))
      ) : (
        <p>Aucun webhook n’est encore enregistré pour cette habilitation.</p>
      )}

      <h2 className="fr-mt-4w">Nouveau webhook</h2>
      <form method="post" action={base} id="nouveau-webhook">
        <CsrfField token={page.csrfToken} />
        <div className={`fr-input-group ${creationError ? 'fr-input-group--error' : ''}`.trim()}>
          <label className="fr-label" htmlFor="webhook-url">
            Adresse appelée
            <span className="fr-hint-text">En https://, par exemple https://api.exemple.gouv.fr/datapass/webhook</span>
          </label>
          <input className={`fr-input ${creationError ? 'fr-input--error' : ''}`.trim()} type="url" id="webhook-url" name="url" required maxLength={2000} defaultValue={values.url} {...(creationError ? { 'aria-describedby': 'webhook-url-erreur' } : {})} />
          {creationError ? <p className="fr-error-text" id="webhook-url-erreur">{creationError}</p> : null}
        </div>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Événements</legend>
          {events.map((e) => (
            <div key={e.event} className="fr-fieldset__element">
              <div className="fr-checkbox-group">
                <input type="checkbox" id={`evenement-${e.event}`} name="events" value={e.event} defaultChecked={values.events.includes(e.event)} />
                <label className="fr-label" htmlFor={`evenement-${e.event}`}>
                  {e.label} <code className="fr-ml-1w">{e.event}</code>
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="fr-btn">Ajouter le webhook</button>
      </form>

      <h2 className="fr-mt-6w">Derniers appels</h2>
      {attempts.length ? (
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>Derniers appels des webhooks de {definition.name}</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Webhook</th>
                <th scope="col">Événement</th>
                <th scope="col">Essai</th>
                <th scope="col">Résultat</th>
                <th scope="col">Durée</th>
                <th scope="col">Réponse</th>
                <th scope="col"><span className="fr-sr-only">Action</span></th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id}>
                  <td>{dateTimeFr(a.createdAt)}</td>
                  <td><code>{urlOf(a.webhookId)}</code></td>
                  <td>{a.event === 'test' ? 'Test' : labelOf(a.event)}</td>
                  <td>{a.attempt}</td>
                  <td>
                    {a.statusCode !== undefined && SUCCESS.has(a.statusCode) ? <span className="fr-badge fr-badge--success fr-badge--sm">{a.statusCode}</span> : <span className="fr-badge fr-badge--error fr-badge--sm">{a.statusCode ?? 'Échec'}</span>}
                    {a.error ? <><br /><span className="fr-text--sm">{a.error}</span></> : null}
                  </td>
                  <td>{a.durationMs} ms</td>
                  <td>{a.responseExcerpt ? <code className="fr-text--xs">{a.responseExcerpt.slice(0, 200)}</code> : null}</td>
                  <td>{a.replayable ? <ActionForm page={page} action={`${base}/appels/${a.id}/rejouer`} label="Rejouer" kind="tertiary" title={`Rejouer l’appel ${a.id}`} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Aucun appel pour le moment.</p>
      )}
    </Page>
  );
}

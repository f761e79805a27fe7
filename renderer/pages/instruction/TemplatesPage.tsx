import { Alert } from '../../components/Alert.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { CsrfField } from '../../components/CsrfField.js';
import { TextareaField } from '../../components/TextareaField.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';

export interface TemplatesPageProps {
  page: PageContext;
  /** Each definition's templates, and the longest text they may hold: the longest reason its decisions take. */
  definitions: { id: string; name: string; bodyMaxLength: number; templates: { id: number; event: string; title: string; body: string }[] }[];
  /** The longest template name. */
  titleMaxLength: number;
  events: Record<string, string>;
  variables: Record<string, string>;
  /** A refused save: which form, its values, and the message for the field it is about. */
  error?: { formId: string; field: TemplateField; message: string; values: { title: string; event: string; body: string } } | undefined;
  notice?: string | undefined;
}

export type TemplateField = 'title' | 'event' | 'body';

interface TemplateFormProps {
  page: PageContext;
  formId: string;
  definitionId: string;
  events: Record<string, string>;
  values: { title: string; event: string; body: string };
  limits: { title: number; body: number };
  error?: { field: TemplateField; message: string } | undefined;
  id?: number;
}

function TemplateForm({ page, formId, definitionId, events, values, limits, error, id }: TemplateFormProps) {
  const on = (field: TemplateField) => (error?.field === field ? error.message : undefined);
  const errorText = (field: TemplateField) =>
    on(field) ? (
      <p className="fr-error-text" id={`${formId}-${field}-erreur`}>
        {on(field)}
      </p>
    ) : null;
  const described = (field: TemplateField) => (on(field) ? { 'aria-describedby': `${formId}-${field}-erreur`, 'aria-invalid': true } : {});
  return (
    <form method="post" action="/instruction/modeles" id={formId} className="fr-mb-3w">
      <CsrfField token={page.csrfToken} />
      <input type="hidden" name="definitionId" value={definitionId} />
      <input type="hidden" name="formId" value={formId} />
      {id !== undefined ? <input type="hidden" name="id" value={id} /> : null}
      <div className={`fr-input-group${on('title') ? ' fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor={`${formId}-titre`}>Nom du modèle</label>
        <input className={`fr-input${on('title') ? ' fr-input--error' : ''}`} id={`${formId}-titre`} name="title" defaultValue={values.title} required maxLength={limits.title} {...described('title')} />
        {errorText('title')}
      </div>
      <div className={`fr-select-group${on('event') ? ' fr-select-group--error' : ''}`}>
        <label className="fr-label" htmlFor={`${formId}-evenement`}>Pour</label>
        <select className="fr-select" id={`${formId}-evenement`} name="event" defaultValue={values.event} {...described('event')}>
          {Object.entries(events).map(([event, label]) => (
            <option key={event} value={event}>{label}</option>
          ))}
        </select>
        {errorText('event')}
      </div>
      <TextareaField id={`${formId}-texte`} name="body" label="Texte" rows={5} maxLength={limits.body} required defaultValue={values.body} error={on('body')} />
      <button type="submit" className="fr-btn fr-btn--secondary">{id === undefined ? 'Ajouter le modèle' : 'Enregistrer le modèle'}</button>
    </form>
  );
}

/** Managers' message templates, per definition and decision, with the variables they may use. */
export function TemplatesPage({ page, definitions, events, variables, error, notice, titleMaxLength }: TemplatesPageProps) {
  const valuesOf = (formId: string, fallback: { title: string; event: string; body: string }) => (error?.formId === formId ? error.values : fallback);
  const errorOf = (formId: string) => (error?.formId === formId ? error : undefined);
  return (
    <Page page={page} title="Modèles de messages">
      <Breadcrumb items={[{ label: 'Instruction', href: '/instruction' }, { label: 'Modèles de messages' }]} />
      <h1>Modèles de messages</h1>
      {notice ? <Alert kind="success" title={notice} /> : null}
      <p>Les instructeurs choisissent un modèle au moment de refuser, de demander des modifications ou de valider une demande. Variables disponibles :</p>
      <ul>
        {Object.entries(variables).map(([name, what]) => (
          <li key={name}>
            <code>{`{{${name}}}`}</code> : {what}
          </li>
        ))}
      </ul>
      {definitions.map((d) => (
        <section key={d.id} className="fr-mt-6w" aria-labelledby={`modeles-${d.id}`}>
          <h2 id={`modeles-${d.id}`}>{d.name}</h2>
          {d.templates.map((t) => {
            const formId = `modele-${t.id}`;
            return (
              <div key={t.id} className="datapass-summary-block fr-mb-2w">
                <h3 className="fr-h6">{t.title} ({events[t.event] ?? t.event})</h3>
                <TemplateForm page={page} formId={formId} definitionId={d.id} events={events} values={valuesOf(formId, t)} limits={{ title: titleMaxLength, body: d.bodyMaxLength }} error={errorOf(formId)} id={t.id} />
                <form method="post" action="/instruction/modeles/supprimer">
                  <CsrfField token={page.csrfToken} />
                  <input type="hidden" name="id" value={t.id} />
                  <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--sm">Supprimer « {t.title} »</button>
                </form>
              </div>
            );
          })}
          <h3 className="fr-h6">Nouveau modèle pour {d.name}</h3>
          <TemplateForm page={page} formId={`nouveau-${d.id}`} definitionId={d.id} events={events} values={valuesOf(`nouveau-${d.id}`, { title: '', event: 'request_changes', body: '' })} limits={{ title: titleMaxLength, body: d.bodyMaxLength }} error={errorOf(`nouveau-${d.id}`)} />
        </section>
      ))}
    </Page>
  );
}

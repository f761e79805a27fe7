import { Alert } from '../../components/Alert.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { CsrfField } from '../../components/CsrfField.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';

export interface EmailPreferenceRow {
  definitionId: string;
  definitionName: string;
  /** Topic → on. */
  topics: { topic: string; label: string; hint: string; on: boolean }[];
}

export interface EmailPreferencesPageProps {
  page: PageContext;
  definitions: EmailPreferenceRow[];
  notice?: string | undefined;
}

/** The e-mails an instructor or reporter gets, per definition: checked means « send them to me ». */
export function EmailPreferencesPage({ page, definitions, notice }: EmailPreferencesPageProps) {
  return (
    <Page page={page} title="Mes e-mails">
      <Breadcrumb items={[{ label: 'Instruction', href: '/instruction' }, { label: 'Mes e-mails' }]} />
      {notice ? <Alert kind="success" title={notice} id="resultat" /> : null}
      <h1>Mes e-mails</h1>
      {definitions.length === 0 ? (
        <p>Vous n’avez de rôle sur aucune habilitation : DataPass ne vous envoie pas d’e-mail d’instruction.</p>
      ) : (
        <form method="post" action="/instruction/e-mails">
          <CsrfField token={page.csrfToken} />
          <p>Choisissez, pour chaque habilitation dont vous faites partie de l’équipe, les e-mails que DataPass vous envoie. Les décisions sur vos propres demandes vous sont toujours envoyées.</p>
          {definitions.map((d) => (
            <fieldset key={d.definitionId} className="fr-fieldset" id={`emails-${d.definitionId}`} aria-labelledby={`emails-${d.definitionId}-legend`}>
              <legend className="fr-fieldset__legend" id={`emails-${d.definitionId}-legend`}>
                {d.definitionName}
              </legend>
              {d.topics.map((t) => {
                const id = `email-${d.definitionId}-${t.topic}`;
                return (
                  <div key={t.topic} className="fr-fieldset__element">
                    <div className="fr-checkbox-group">
                      <input type="checkbox" id={id} name="on" value={`${d.definitionId}:${t.topic}`} defaultChecked={t.on} />
                      <label className="fr-label" htmlFor={id}>
                        {t.label}
                        <span className="fr-hint-text">{t.hint}</span>
                      </label>
                    </div>
                  </div>
                );
              })}
            </fieldset>
          ))}
          <button type="submit" className="fr-btn">Enregistrer mes choix</button>
        </form>
      )}
    </Page>
  );
}

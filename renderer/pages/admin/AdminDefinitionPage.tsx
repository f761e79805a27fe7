import type { Workflow } from '../../../engine/index.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';
import { ConventionSection, type ConventionPreview } from './ConventionSection.js';
import { DefinitionIssuesSection, type AdminIssue } from './DefinitionIssuesSection.js';
import { ExamplesSection, type ExampleView } from './ExamplesSection.js';
import { FormPreviewSection, type FormPreview } from './FormPreviewSection.js';
import { WorkflowSection } from './WorkflowSection.js';

export interface AdminDefinitionPageProps {
  page: PageContext;
  id: string;
  /** The folder, as the server loaded it. */
  folder: string;
  issues: AdminIssue[];
  /** Absent when the folder did not load: only its issues are shown. */
  definition?: {
    name: string;
    provider: string;
    providerName?: string | undefined;
    description: string;
    kind: 'api' | 'service';
    stage?: { kind: 'sandbox' | 'production'; other: string } | undefined;
    form: FormPreview;
    workflow: Workflow;
    examples: ExampleView[];
    convention: ConventionPreview;
  };
}

const SECTIONS = [
  { id: 'verification', label: 'Vérification' },
  { id: 'formulaire', label: 'Formulaire' },
  { id: 'cycle-de-vie', label: 'Cycle de vie' },
  { id: 'convention', label: 'Convention' },
  { id: 'exemples', label: 'Exemples' },
];

/**
 * One definition folder as an admin reviews it: its check results, and when it loaded, its form as applicants
 * see it, its workflow drawn, its convention previewed with each valid example, and its examples.
 */
export function AdminDefinitionPage({ page, id, folder, issues, definition }: AdminDefinitionPageProps) {
  const title = definition ? definition.name : id;
  return (
    <Page page={page} title={`${title} – Définitions`}>
      <Breadcrumb items={[{ label: 'Administration', href: '/admin' }, { label: 'Définitions', href: '/admin/definitions' }, { label: title }]} />
      <h1>{title}</h1>
      <ul className="fr-badges-group fr-mb-2w">
        {definition ? <li><p className="fr-badge fr-badge--success">Chargée</p></li> : <li><p className="fr-badge fr-badge--error">Non chargée</p></li>}
        {definition ? <li><p className="fr-badge fr-badge--blue-ecume">{definition.kind === 'api' ? 'API' : 'Service'}</p></li> : null}
        {definition?.stage ? <li><p className="fr-badge">{definition.stage.kind === 'sandbox' ? `Bac à sable, puis ${definition.stage.other}` : `Production, après ${definition.stage.other}`}</p></li> : null}
      </ul>
      <dl className="datapass-summary fr-mb-4w">
        <div className="datapass-summary__row">
          <dt>Identifiant</dt>
          <dd>
            <code>{id}</code>
          </dd>
        </div>
        <div className="datapass-summary__row">
          <dt>Dossier</dt>
          <dd>
            <code>{folder}</code>
          </dd>
        </div>
        {definition ? (
          <>
            <div className="datapass-summary__row">
              <dt>Fournisseur</dt>
              <dd>
                <code>{definition.provider}</code>
                {definition.providerName ? ` – ${definition.providerName}` : ''}
              </dd>
            </div>
            <div className="datapass-summary__row">
              <dt>Description</dt>
              <dd>{definition.description}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {definition ? (
        <nav role="navigation" className="fr-summary fr-mb-4w" aria-labelledby="sommaire">
          <p className="fr-summary__title" id="sommaire">Sommaire</p>
          <ol className="fr-summary__list">
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a className="fr-summary__link" href={`#${s.id}`}>{s.label}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <DefinitionIssuesSection issues={issues} />
      {definition ? (
        <>
          <FormPreviewSection definitionId={id} preview={definition.form} />
          <WorkflowSection workflow={definition.workflow} name={definition.name} />
          <ConventionSection definitionId={id} preview={definition.convention} />
          <ExamplesSection examples={definition.examples} />
        </>
      ) : null}
    </Page>
  );
}

import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { StepForm, type DsfrFormContext } from '../../theme/index.js';

export interface FormPreview {
  useCases: { id: string; title: string }[];
  /** The use case shown; '' for none (every step, nothing prefilled). */
  useCaseId: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  /** The steps the applicant goes through with this use case, in order. */
  steps: { id: string; title: string; inherited?: boolean | undefined }[];
  /** The steps this use case hides: prefilled, never shown to the applicant. */
  hiddenSteps: { id: string; title: string }[];
  /** The use case's prefill, or nothing. */
  data: Record<string, unknown>;
  context: DsfrFormContext;
}

/**
 * The form as applicants see it, read-only, every step under its title; a use case (GET `cas`) applies its
 * prefill, its locked fields, its scopes and its steps.
 */
export function FormPreviewSection({ definitionId, preview }: { definitionId: string; preview: FormPreview }) {
  const chosen = preview.useCases.find((u) => u.id === preview.useCaseId);
  return (
    <section className="fr-mb-6w" aria-labelledby="formulaire">
      <h2 id="formulaire">Formulaire</h2>
      <p>Le formulaire tel que les demandeurs le voient, en lecture seule.</p>
      {preview.useCases.length ? (
        <form method="get" action={`/admin/definitions/${encodeURIComponent(definitionId)}#formulaire`} className="fr-mb-3w">
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-8">
              <div className="fr-select-group">
                <label className="fr-label" htmlFor="cas">
                  Cas d’usage
                  <span className="fr-hint-text">Son préremplissage, ses champs verrouillés, ses données proposées et ses étapes</span>
                </label>
                <select className="fr-select" id="cas" name="cas" defaultValue={preview.useCaseId}>
                  <option value="">Aucun : toutes les étapes, rien de prérempli</option>
                  {preview.useCases.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.title} ({u.id})
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="fr-col-12 fr-col-md-4 datapass-align-end">
              <button type="submit" className="fr-btn fr-btn--secondary">Afficher</button>
            </div>
          </div>
        </form>
      ) : null}
      {chosen ? (
        <p>
          Cas d’usage affiché : <strong>{chosen.title}</strong>.{' '}
          {preview.hiddenSteps.length ? `Étapes masquées, remplies par le préremplissage : ${preview.hiddenSteps.map((s) => s.title).join(', ')}.` : 'Toutes les étapes sont montrées.'}
        </p>
      ) : null}
      {preview.steps.map((step, i) => (
        <section key={step.id} className="fr-mb-4w datapass-summary-block" aria-labelledby={`etape-${step.id}`}>
          <h3 className="fr-h4" id={`etape-${step.id}`}>
            Étape {i + 1} sur {preview.steps.length} : {step.title}
            {step.inherited ? <span className="fr-badge fr-badge--sm fr-ml-1w">reprise du bac à sable</span> : null}
          </h3>
          <StepForm schema={preview.schema as RJSFSchema} uiSchema={preview.uiSchema as UiSchema} stepId={step.id} data={preview.data} context={preview.context} formId={`apercu-${step.id}`} readonly />
        </section>
      ))}
    </section>
  );
}

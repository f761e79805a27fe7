import type { SummarySection } from '../../summary/summarizeStep.js';
import { SummarySectionView } from '../../summary/SummarySectionView.js';

export interface ExampleView {
  name: string;
  file: string;
  description?: string | undefined;
  /** The use case's title (and id), if the example names one. */
  useCase?: string | undefined;
  /** Where the example is validated, in French. */
  context: string;
  /** The issues it must produce: none for a valid example. */
  issues: { code: string; pointer: string; message?: string | undefined }[];
  /** The data, step by step, as a reader sees it. */
  blocks: { id: string; title: string; section: SummarySection }[];
}

const anchor = (name: string) => `exemple-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** The definition's examples: what each is, the issues an invalid one must produce, and its data. */
export function ExamplesSection({ examples }: { examples: ExampleView[] }) {
  return (
    <section className="fr-mb-6w" aria-labelledby="exemples">
      <h2 id="exemples">Exemples</h2>
      <p>
        {examples.length} exemple{examples.length > 1 ? 's' : ''} de <code>examples/</code>, vérifiés par <code>npx datapass check</code> et <code>npm test</code> : un exemple valide ne doit produire
        aucune anomalie, un exemple invalide exactement celles qu’il annonce.
      </p>
      {examples.map((example) => (
        <section key={example.name} className="fr-mb-4w datapass-summary-block" aria-labelledby={anchor(example.name)}>
          <div className="datapass-summary-block__head">
            <h3 className="fr-h4" id={anchor(example.name)}>
              {example.name}
            </h3>
            {example.issues.length ? <p className="fr-badge fr-badge--sm fr-badge--warning">Invalide</p> : <p className="fr-badge fr-badge--sm fr-badge--success">Valide</p>}
          </div>
          <dl className="datapass-summary fr-mb-2w">
            <div className="datapass-summary__row">
              <dt>Description</dt>
              <dd>{example.description ?? <span className="fr-text--light">Aucune</span>}</dd>
            </div>
            <div className="datapass-summary__row">
              <dt>Cas d’usage</dt>
              <dd>{example.useCase ?? 'Aucun'}</dd>
            </div>
            <div className="datapass-summary__row">
              <dt>Contexte de validation</dt>
              <dd>{example.context}</dd>
            </div>
            <div className="datapass-summary__row">
              <dt>Fichier</dt>
              <dd>
                <code>{example.file}</code>
              </dd>
            </div>
          </dl>
          {example.issues.length ? (
            <div className="fr-table fr-table--sm">
              <table>
                <caption className="fr-h6">Anomalies attendues</caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Pointeur</th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {example.issues.map((issue, i) => (
                    <tr key={i}>
                      <td>
                        <code>{issue.code}</code>
                      </td>
                      <td>
                        <code>{issue.pointer || '/'}</code>
                      </td>
                      <td>{issue.message ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <details>
            <summary className="fr-link fr-icon-arrow-down-s-line fr-link--icon-right">Données de l’exemple ({example.blocks.length} étape{example.blocks.length > 1 ? 's' : ''} remplie{example.blocks.length > 1 ? 's' : ''})</summary>
            {example.blocks.map((block) => (
              <section key={block.id} className="fr-mt-3w">
                <h4 className="fr-h5">{block.title}</h4>
                <SummarySectionView section={block.section} level={5} />
              </section>
            ))}
          </details>
        </section>
      ))}
    </section>
  );
}

import type { SummarySection } from './summarizeStep.js';

/** What changed since the previous submission: pointer → the answer before, as text ('' when absent). */
export type ChangedAnswers = ReadonlyMap<string, string>;

/** The change touching an answer: at its pointer, inside it, or around it. */
function changeOf(changed: ChangedAnswers | undefined, pointer: string): { before: string } | undefined {
  if (!changed) return undefined;
  for (const [at, before] of changed) {
    if (at === pointer) return { before };
    if (at.startsWith(pointer + '/') || pointer.startsWith(at + '/')) return { before: '' };
  }
  return undefined;
}

/** A step's answers as a description list, sub-sections as nested headings; changed answers marked. */
export function SummarySectionView({ section, level = 3, changed }: { section: SummarySection; level?: 3 | 4 | 5 | 6; changed?: ChangedAnswers }) {
  const Heading = `h${level}` as 'h3';
  return (
    <>
      {section.rows.length ? (
        <dl className="datapass-summary">
          {section.rows.map((row, i) => (
            <div key={i} className={`datapass-summary__row ${changeOf(changed, row.pointer) ? 'datapass-summary__row--changed' : ''}`.trim()}>
              <dt>
                {row.label}
                {changeOf(changed, row.pointer) ? <p className="fr-badge fr-badge--sm fr-badge--new fr-ml-1w">Modifié</p> : null}
              </dt>
              <dd>
                {row.documents?.length ? (
                  <ul className="datapass-plain-list">
                    {row.documents.map((d) => (
                      <li key={d.id}>
                        <a className="fr-link fr-icon-file-pdf-line fr-link--icon-left" href={`/api/documents/${d.id}`}>{d.filename}</a> {d.size ? <span className="fr-text--xs">({d.size})</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : row.text ? (
                  row.text
                ) : (
                  <span className="fr-text--light">Non renseigné</span>
                )}
                {changeOf(changed, row.pointer)?.before ? <p className="fr-text--sm fr-mb-0 datapass-before">Avant : {changeOf(changed, row.pointer)!.before}</p> : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {section.sections.map((sub, i) => (
        <section key={i}>
          <Heading className="fr-h6 fr-mt-2w fr-mb-1w">{sub.title}</Heading>
          <SummarySectionView section={sub} level={Math.min(level + 1, 6) as 4} {...(changed ? { changed } : {})} />
        </section>
      ))}
    </>
  );
}

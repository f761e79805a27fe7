import type { SummarySection } from './summarizeStep.js';

/** A step's answers as a description list, sub-sections as nested headings. */
export function SummarySectionView({ section, level = 3 }: { section: SummarySection; level?: 3 | 4 | 5 | 6 }) {
  const Heading = `h${level}` as 'h3';
  return (
    <>
      {section.rows.length ? (
        <dl className="datapass-summary">
          {section.rows.map((row, i) => (
            <div key={i} className="datapass-summary__row">
              <dt>{row.label}</dt>
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
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {section.sections.map((sub, i) => (
        <section key={i}>
          <Heading className="fr-h6 fr-mt-2w fr-mb-1w">{sub.title}</Heading>
          <SummarySectionView section={sub} level={Math.min(level + 1, 6) as 4} />
        </section>
      ))}
    </>
  );
}

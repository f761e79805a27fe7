/** An issue of a definition folder, as the loader reports it. */
export interface AdminIssue {
  code: string;
  message: string;
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  pointer: string;
}

/** The check results of a definition folder: every issue with its place, or « Aucune anomalie ». */
export function DefinitionIssuesSection({ issues }: { issues: AdminIssue[] }) {
  return (
    <section className="fr-mb-6w" aria-labelledby="verification">
      <h2 id="verification">Vérification</h2>
      {issues.length ? (
        <>
          <p>
            {issues.length} anomalie{issues.length > 1 ? 's' : ''} : la définition n’est pas chargée et n’est proposée à personne tant qu’elle{issues.length > 1 ? 's ne sont pas corrigées' : ' n’est pas corrigée'}.
            Chacune donne le fichier, la ligne et la colonne, le pointeur JSON et la correction à faire ; <code>npx datapass check</code> les donne aussi.
          </p>
          <div className="fr-table">
            <table>
              <caption>Anomalies</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Message</th>
                  <th scope="col">Fichier</th>
                  <th scope="col">Ligne:colonne</th>
                  <th scope="col">Pointeur</th>
                </tr>
              </thead>
              <tbody>
                {issues.map((issue, i) => (
                  <tr key={i}>
                    <td>
                      <code>{issue.code}</code>
                    </td>
                    <td style={{ overflowWrap: 'anywhere' }}>{issue.message}</td>
                    <td>{issue.file ? <code>{issue.file}</code> : '—'}</td>
                    <td>{issue.line !== undefined ? `${issue.line}:${issue.column ?? 1}` : '—'}</td>
                    <td>{issue.pointer ? <code>{issue.pointer}</code> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="fr-badge fr-badge--success">Aucune anomalie</p>
      )}
    </section>
  );
}

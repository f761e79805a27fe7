import type { ReactNode } from 'react';

export interface StatsTableProps {
  caption: string;
  /** Column headers; a header row above them groups columns when given (`span` columns each). */
  head: string[];
  groups?: { label: string; span: number }[];
  /** Each row: its header (first cell), then its figures. */
  rows: { header: ReactNode; cells: ReactNode[] }[];
  /** Figures are right-aligned from this column on (default 1: every column but the row header). */
  numericFrom?: number;
}

/** A DSFR table of figures (the text alternative of a chart): a caption, column and row headers. */
export function StatsTable({ caption, head, groups, rows, numericFrom = 1 }: StatsTableProps) {
  const right = (i: number) => (i >= numericFrom ? 'fr-cell--right' : undefined);
  return (
    <div className="fr-table fr-table--sm fr-table--bordered fr-mb-0">
      <div className="fr-table__wrapper">
        {/* Scrolls sideways on a narrow screen: focusable, so that a keyboard can scroll it too. */}
        <div className="fr-table__container" tabIndex={0}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                {groups ? (
                  <tr>
                    <td />
                    {groups.map((g) => (
                      <th key={g.label} scope="colgroup" colSpan={g.span} className="fr-cell--center">{g.label}</th>
                    ))}
                  </tr>
                ) : null}
                <tr>
                  {head.map((h, i) => (
                    <th key={i} scope="col" className={right(i)}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, r) => (
                  <tr key={r}>
                    <th scope="row">{row.header}</th>
                    {row.cells.map((cell, i) => (
                      <td key={i} className={right(i + 1)}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

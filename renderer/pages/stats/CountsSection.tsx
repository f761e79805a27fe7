import { BarChart } from '../../charts/BarChart.js';
import { CHART_COLORS } from '../../charts/chartStyle.js';
import { niceScale } from '../../charts/niceScale.js';
import { countFr, shareFr } from './numbersFr.js';
import { StatsTable } from './StatsTable.js';
import type { StatsView } from './statsView.js';

/** How many requests there are in each state, and (every definition shown) in each definition. */
export function CountsSection({ view }: { view: StatsView }) {
  const total = view.byState.reduce((sum, s) => sum + s.count, 0);
  const definitions = view.byDefinition ?? [];
  return (
    <>
      <section className="fr-mb-6w" aria-labelledby="demandes-par-etat">
        <h2 id="demandes-par-etat">Demandes par état</h2>
        {total === 0 ? (
          <p>Aucune demande pour l’instant.</p>
        ) : (
          <>
            <p>{`${countFr(total)} demande${total > 1 ? 's' : ''} au total, dans l’état où chacune se trouve aujourd’hui.`}</p>
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-lg-7">
                <BarChart
                  id="graphique-etats"
                  title="Nombre de demandes par état"
                  description={`Diagramme en barres horizontales : ${countFr(total)} demandes réparties en ${view.byState.length} états. Les chiffres sont dans le tableau « Demandes par état ».`}
                  series={[{ name: 'Demandes', color: CHART_COLORS.primary }]}
                  groups={view.byState.map((s) => ({ label: s.label, values: [s.count] }))}
                  scale={niceScale(Math.max(...view.byState.map((s) => s.count)), { integer: true })}
                  formatTick={countFr}
                  formatValue={countFr}
                />
              </div>
              <div className="fr-col-12 fr-col-lg-5">
                <StatsTable caption="Demandes par état" head={['État', 'Demandes', 'Part']} rows={view.byState.map((s) => ({ header: s.label, cells: [countFr(s.count), shareFr(s.count, total)] }))} />
              </div>
            </div>
          </>
        )}
      </section>
      {definitions.length ? (
        <section className="fr-mb-6w" aria-labelledby="demandes-par-habilitation">
          <h2 id="demandes-par-habilitation">Demandes par habilitation</h2>
          <BarChart
            id="graphique-habilitations"
            title="Nombre de demandes par habilitation"
            description={`Diagramme en barres horizontales : les demandes de ${definitions.length} habilitations. Les chiffres, état par état, sont dans le tableau « Demandes par habilitation et par état ».`}
            series={[{ name: 'Demandes', color: CHART_COLORS.primary }]}
            groups={definitions.map((d) => ({ label: d.name, values: [d.total] }))}
            scale={niceScale(Math.max(...definitions.map((d) => d.total)), { integer: true })}
            formatTick={countFr}
            formatValue={countFr}
          />
          <div className="fr-mt-3w">
            <StatsTable
              caption="Demandes par habilitation et par état"
              head={['Habilitation', 'Total', ...view.states.map((s) => s.label)]}
              rows={definitions.map((d) => ({ header: d.name, cells: [countFr(d.total), ...view.states.map((s) => countFr(d.byState[s.id] ?? 0))] }))}
            />
          </div>
        </section>
      ) : null}
    </>
  );
}

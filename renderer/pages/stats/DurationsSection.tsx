import { BarChart } from '../../charts/BarChart.js';
import { CHART_COLORS } from '../../charts/chartStyle.js';
import { dateFr } from '../../format/frenchDates.js';
import { durationFr, durationScale } from '../../charts/durationFr.js';
import { countFr } from './numbersFr.js';
import { StatsTable } from './StatsTable.js';
import { DURATION_TEXTS, type DurationView, type StatsView } from './statsView.js';

const text = (kind: string) => DURATION_TEXTS[kind] ?? { label: kind, hint: '' };
const or = (seconds: number | undefined) => (seconds === undefined ? '–' : durationFr(seconds));

/** The median and 80th percentile of each duration, for the figures' scope and (every definition shown) per definition. */
export function DurationsSection({ view }: { view: StatsView }) {
  const measured = view.durations.filter((d) => d.count > 0);
  const { scale, formatTick } = durationScale(Math.max(0, ...measured.map((d) => d.p80 ?? 0)));
  return (
    <section className="fr-mb-6w" aria-labelledby="delais">
      <h2 id="delais">Délais</h2>
      <p>
        {`Depuis le ${dateFr(view.durationsSince)}, sur les demandes arrivées au bout de chaque délai. La médiane : la moitié des demandes a attendu moins longtemps. Le 80ᵉ centile : 80 % des demandes ont attendu moins longtemps. Seule la première instruction d’une demande compte : la mise à jour d’une habilitation déjà validée n’y entre pas.`}
      </p>
      {measured.length === 0 ? (
        <p>Aucune demande soumise sur la période.</p>
      ) : (
        <>
          <BarChart
            id="graphique-delais"
            title="Délais de traitement : médiane et 80ᵉ centile"
            description="Diagramme en barres horizontales groupées : pour chaque délai, sa médiane puis son 80ᵉ centile. Les chiffres sont dans le tableau « Délais »."
            series={[
              { name: 'Médiane', color: CHART_COLORS.primary },
              { name: '80ᵉ centile', color: CHART_COLORS.secondary },
            ]}
            groups={view.durations.map((d) => ({ label: text(d.kind).label, values: [d.median, d.p80] }))}
            scale={scale}
            formatTick={formatTick}
            formatValue={durationFr}
          />
          <div className="fr-mt-3w">
            <StatsTable
              caption="Délais"
              head={['Délai', 'Médiane', '80ᵉ centile', 'Demandes']}
              rows={view.durations.map((d) => ({ header: <>{text(d.kind).label}<br /><span className="fr-text--xs fr-mb-0">{text(d.kind).hint}</span></>, cells: [or(d.median), or(d.p80), countFr(d.count)] }))}
            />
          </div>
        </>
      )}
      {measured.length && view.durationsByDefinition?.length ? <DurationsByDefinition rows={view.durationsByDefinition} /> : null}
    </section>
  );
}

function DurationsByDefinition({ rows }: { rows: { id: string; name: string; durations: DurationView[] }[] }) {
  const kinds = rows[0]!.durations.map((d) => d.kind);
  return (
    <div className="fr-mt-3w">
      <StatsTable
        caption="Délais par habilitation : médiane et 80ᵉ centile"
        groups={kinds.map((k) => ({ label: text(k).label, span: 2 }))}
        head={['Habilitation', ...kinds.flatMap(() => ['Médiane', '80ᵉ centile'])]}
        rows={rows.map((r) => ({ header: r.name, cells: r.durations.flatMap((d) => [or(d.median), or(d.p80)]) }))}
      />
    </div>
  );
}

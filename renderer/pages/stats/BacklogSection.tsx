import { AreaChart } from '../../charts/AreaChart.js';
import { niceScale } from '../../charts/niceScale.js';
import { dateFr } from '../../format/frenchDates.js';
import { countFr } from './numbersFr.js';
import { StatsTable } from './StatsTable.js';
import type { StatsView } from './statsView.js';

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'Europe/Paris' });
const yearFormat = new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: 'Europe/Paris' });

/**
 * Under the axis: the first week starting in each month (over a year, every other month, so that labels do not
 * touch), with the year under the first label and wherever it changes.
 */
function monthTicks(weekStarts: string[]): { index: number; label: string; sublabel?: string }[] {
  const months: { index: number; month: string; year: string }[] = [];
  weekStarts.forEach((start, index) => {
    const month = monthFormat.format(new Date(start));
    if (months.at(-1)?.month === month) return;
    months.push({ index, month, year: yearFormat.format(new Date(start)) });
  });
  // The first week may start in the previous month: the axis labels start at the first whole month.
  if (months.length > 1 && months[0]!.index === 0 && weekStarts.length > 4) months.shift();
  const kept = months.length > 7 ? months.filter((_, i) => i % 2 === 0) : months;
  return kept.map((m, i) => ({ index: m.index, label: m.month, ...(i === 0 || kept[i - 1]!.year !== m.year ? { sublabel: m.year } : {}) }));
}

/** The requests awaiting a decision at the end of each week, over the last twelve months. */
export function BacklogSection({ view }: { view: StatsView }) {
  const points = view.backlog;
  const last = points.at(-1);
  return (
    <section className="fr-mb-6w" aria-labelledby="en-attente">
      <h2 id="en-attente">Demandes en attente de décision</h2>
      <p>À la fin de chaque semaine (du lundi au dimanche), les demandes soumises qui n’avaient pas encore reçu de décision (validation ou refus), y compris celles pour lesquelles des modifications ont été demandées ; les mises à jour d’habilitations déjà validées n’y sont pas. Sur les douze derniers mois, ou depuis la première soumission.</p>
      {!last ? (
        <p>Aucune demande soumise sur la période.</p>
      ) : (
        <>
          <AreaChart
            id="graphique-attente"
            title="Demandes en attente de décision, semaine par semaine"
            description={`Courbe sur ${points.length} semaines, du ${dateFr(points[0]!.weekStart)} au ${dateFr(last.at)} : de ${countFr(points[0]!.awaiting)} à ${countFr(last.awaiting)} demandes en attente, au plus ${countFr(Math.max(...points.map((p) => p.awaiting)))}. Les chiffres de chaque semaine sont dans le tableau qui suit.`}
            values={points.map((p) => p.awaiting)}
            scale={niceScale(Math.max(...points.map((p) => p.awaiting)), { integer: true })}
            xTicks={monthTicks(points.map((p) => p.weekStart))}
            formatTick={countFr}
            formatValue={countFr}
          />
          <p className="fr-mt-2w">{`${countFr(last.awaiting)} demande${last.awaiting > 1 ? 's' : ''} en attente de décision au ${dateFr(last.at)}.`}</p>
          <details className="fr-mt-2w">
            <summary className="fr-link">{`Le tableau des ${points.length} semaines`}</summary>
            <StatsTable
              caption="Demandes soumises, décidées et en attente de décision, par semaine"
              head={['Semaine du', 'Soumises', 'Décidées', 'En attente à la fin de la semaine']}
              rows={points.map((p) => ({ header: dateFr(p.weekStart), cells: [countFr(p.submitted), countFr(p.decided), countFr(p.awaiting)] }))}
            />
          </details>
        </>
      )}
    </section>
  );
}

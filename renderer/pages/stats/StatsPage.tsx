import { Breadcrumb } from '../../components/Breadcrumb.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';
import { BacklogSection } from './BacklogSection.js';
import { CountsSection } from './CountsSection.js';
import { DurationsSection } from './DurationsSection.js';
import type { StatsView } from './statsView.js';

export interface StatsPageProps {
  page: PageContext;
  /** The public page (`/stats`) or the administration's (`/admin/statistiques`): the same figures. */
  variant: 'public' | 'admin';
  view: StatsView;
}

/** The statistics: requests per state and definition, durations, and the requests awaiting a decision over time. */
export function StatsPage({ page, variant, view }: StatsPageProps) {
  const action = variant === 'admin' ? '/admin/statistiques' : '/stats';
  const title = view.selected ? `Statistiques : ${view.selected.name}` : 'Statistiques';
  return (
    <Page page={page} title={title}>
      {variant === 'admin' ? <Breadcrumb items={[{ label: 'Administration', href: '/admin' }, { label: 'Statistiques' }]} /> : null}
      <h1>{title}</h1>
      <p className="fr-text--lead">Les demandes d’habilitation déposées sur DataPass, leurs délais de traitement et les demandes en attente de décision.</p>
      <form method="get" action={action} className="fr-mb-6w">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="definition">Habilitation</label>
              <select className="fr-select" id="definition" name="definition" defaultValue={view.selected?.id ?? ''}>
                <option value="">Toutes les habilitations</option>
                {view.definitions.map((d) => (
                  <option key={d.id} value={d.id}>{d.name}</option>
                ))}
              </select>
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-3 datapass-align-end">
            <button type="submit" className="fr-btn">Afficher</button>
          </div>
        </div>
      </form>
      <CountsSection view={view} />
      <DurationsSection view={view} />
      <BacklogSection view={view} />
    </Page>
  );
}

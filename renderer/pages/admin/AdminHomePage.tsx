import { Breadcrumb } from '../../components/Breadcrumb.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';

export interface AdminHomePageProps {
  page: PageContext;
  /** Definition folders: how many are loaded, how many have issues. */
  definitions: { loaded: number; broken: number };
}

const Tile = ({ href, title, children }: { href: string; title: string; children: string }) => (
  <div className="fr-tile fr-enlarge-link">
    <div className="fr-tile__body">
      <div className="fr-tile__content">
        <h2 className="fr-tile__title">
          <a href={href}>{title}</a>
        </h2>
        <p className="fr-tile__desc">{children}</p>
      </div>
    </div>
  </div>
);

/** The administration's home: its sections. */
export function AdminHomePage({ page, definitions }: AdminHomePageProps) {
  const state = `${definitions.loaded} chargée${definitions.loaded > 1 ? 's' : ''}` + (definitions.broken ? `, ${definitions.broken} en erreur` : ', aucune en erreur');
  return (
    <Page page={page} title="Administration">
      <Breadcrumb items={[{ label: 'Administration' }]} />
      <h1>Administration</h1>
      <ul className="fr-grid-row fr-grid-row--gutters datapass-plain-list">
        <li className="fr-col-12 fr-col-md-4">
          <Tile href="/admin/utilisateurs" title="Utilisateurs et rôles">Rechercher un utilisateur, lui donner ou lui retirer un rôle.</Tile>
        </li>
        <li className="fr-col-12 fr-col-md-4">
          <Tile href="/admin/definitions" title="Définitions">{`Chaque habilitation déclarée sous definitions/ : ${state}. Son formulaire, son cycle de vie, ses exemples.`}</Tile>
        </li>
        <li className="fr-col-12 fr-col-md-4">
          <Tile href="/admin/statistiques" title="Statistiques">Les demandes et les délais de traitement.</Tile>
        </li>
        <li className="fr-col-12 fr-col-md-4">
          <Tile href="/webhooks" title="Webhooks">Les webhooks de chaque habilitation, leurs derniers appels, les rejouer.</Tile>
        </li>
        <li className="fr-col-12 fr-col-md-4">
          <Tile href="/instruction/clients-api" title="Clients d’API">Les clients de l’API des fournisseurs, par habilitation : créer, révoquer.</Tile>
        </li>
        <li className="fr-col-12 fr-col-md-4">
          <Tile href="/admin/emails" title="E-mails">Les e-mails envoyés par la plateforme (boîte de la démonstration, sans serveur SMTP).</Tile>
        </li>
      </ul>
    </Page>
  );
}

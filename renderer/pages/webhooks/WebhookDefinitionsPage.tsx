import { Breadcrumb } from '../../components/Breadcrumb.js';
import { Page } from '../../frame/Page.js';
import type { PageContext } from '../../frame/PageContext.js';

export interface WebhookDefinitionsPageProps {
  page: PageContext;
  definitions: { id: string; name: string; webhooks: number; enabled: number }[];
}

/** The definitions whose webhooks the caller manages (every definition for an admin). */
export function WebhookDefinitionsPage({ page, definitions }: WebhookDefinitionsPageProps) {
  return (
    <Page page={page} title="Webhooks">
      <Breadcrumb items={[{ label: 'Webhooks' }]} />
      <h1>Webhooks</h1>
      <p>Choisissez l’habilitation dont vous gérez les webhooks.</p>
      <ul>
        {definitions.map((d) => (
          <li key={d.id}>
            <a href={`/webhooks/${encodeURIComponent(d.id)}`}>{d.name}</a> — {d.webhooks ? `${d.webhooks} webhook${d.webhooks > 1 ? 's' : ''}, dont ${d.enabled} actif${d.enabled > 1 ? 's' : ''}` : 'aucun webhook'}
          </li>
        ))}
      </ul>
    </Page>
  );
}

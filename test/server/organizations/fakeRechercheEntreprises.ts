import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake API received. */
export interface ReceivedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A real HTTP server on 127.0.0.1 standing in for the "Recherche d'entreprises" API: each test sets `handler`;
 * every request is recorded in `requests`. Timers started through `later` are cleared by `reset`.
 */
export class FakeRechercheEntreprises {
  readonly requests: ReceivedRequest[] = [];
  handler: Handler = (_request, response) => json(response, 200, { results: [] });
  private server: Server | undefined;
  private timers = new Set<NodeJS.Timeout>();

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.requests.push({ method: request.method ?? '', url: new URL(request.url ?? '/', 'http://127.0.0.1'), headers: request.headers });
      this.handler(request, response);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Runs `action` after `ms`, unless the test ends first. */
  later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  reset(): void {
    this.requests.length = 0;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.handler = (_request, response) => json(response, 200, { results: [] });
  }

  async stop(): Promise<void> {
    this.reset();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** A search response as the API gives it, with the usual paging fields. */
export function searchBody(results: unknown[]): Record<string, unknown> {
  return { results, total_results: results.length, page: 1, per_page: 10, total_pages: results.length > 0 ? 1 : 0 };
}

/** DINUM's record as `GET /search?q=13002526500013` returns it (abridged to the fields that matter, plus some). */
export const DINUM_RESULT = {
  siren: '130025265',
  nom_complet: 'DIRECTION INTERMINISTERIELLE DU NUMERIQUE (DINUM)',
  nom_raison_sociale: 'DIRECTION INTERMINISTERIELLE DU NUMERIQUE',
  sigle: 'DINUM',
  nombre_etablissements: 1,
  nombre_etablissements_ouverts: 1,
  siege: {
    activite_principale: '84.11Z',
    adresse: '20 AVENUE DE SEGUR 75007 PARIS',
    code_postal: '75007',
    commune: '75107',
    date_creation: '2017-05-24',
    est_siege: true,
    etat_administratif: 'A',
    libelle_commune: 'PARIS',
    liste_enseignes: null,
    nom_commercial: null,
    region: '11',
    siret: '13002526500013',
    tranche_effectif_salarie: '22',
  },
  activite_principale: '84.11Z',
  categorie_entreprise: 'PME',
  date_creation: '2017-05-24',
  dirigeants: [],
  etat_administratif: 'A',
  nature_juridique: '7120',
  section_activite_principale: 'O',
  statut_diffusion: 'O',
  matching_etablissements: [
    {
      activite_principale: '84.11Z',
      adresse: '20 AVENUE DE SEGUR 75007 PARIS',
      code_postal: '75007',
      commune: '75107',
      est_siege: true,
      etat_administratif: 'A',
      libelle_commune: 'PARIS',
      liste_enseignes: null,
      siret: '13002526500013',
    },
  ],
  finances: null,
  complements: { est_administration: true, collectivite_territoriale: null },
};

/** The Commune de Clamart, searched by the SIRET of its closed holiday camp. */
export const CLAMART_CLOSED_RESULT = {
  siren: '219200235',
  nom_complet: 'COMMUNE DE CLAMART',
  nom_raison_sociale: 'COMMUNE DE CLAMART',
  sigle: null,
  siege: {
    activite_principale: '84.11Z',
    adresse: '1 PLACE MAURICE GUNSBOURG 92141 CLAMART CEDEX',
    code_postal: '92140',
    est_siege: true,
    etat_administratif: 'A',
    libelle_commune: 'CLAMART',
    siret: '21920023500014',
  },
  activite_principale: '84.11Z',
  etat_administratif: 'A',
  nature_juridique: '7210',
  matching_etablissements: [
    {
      activite_principale: '55.2E',
      adresse: '86270 COUSSAY-LES-BOIS',
      code_postal: '86270',
      date_fermeture: '2002-06-20',
      est_siege: false,
      etat_administratif: 'F',
      libelle_commune: 'COUSSAY-LES-BOIS',
      liste_enseignes: ['COLONIE DE VACANCES COMMUNE CLAMART'],
      siret: '21920023500022',
    },
  ],
};

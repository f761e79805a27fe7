import type { Db } from '../createDatabase.js';
import type { Establishment } from '../../organizations/Establishment.js';
import { fromJson, insertedId, toBool, toIso, toJson } from '../json.js';
import { indexRequestsOf } from './requestSearch.js';

export interface Organization {
  id: number;
  siret: string;
  name: string;
  address?: string;
  legalCategory?: string;
  nafCode?: string;
  closed: boolean;
  inseePayload: Record<string, unknown>;
  fetchedAt?: string;
}

export interface OrganizationFacts {
  siret: string;
  name: string;
  address?: string | undefined;
  legalCategory?: string | undefined;
  nafCode?: string | undefined;
  closed: boolean;
  inseePayload: Record<string, unknown>;
}

/** What the Sirene registry says of an establishment, as the organisations table keeps it. */
export function organizationFacts(e: Establishment): OrganizationFacts {
  return {
    siret: e.siret,
    name: e.name,
    address: [e.address, e.postalCode, e.city].filter(Boolean).join(' ') || undefined,
    legalCategory: e.legalCategory,
    nafCode: e.nafCode,
    closed: e.closed,
    inseePayload: e.inseePayload,
  };
}

const mapOrganization = (row: Record<string, unknown>): Organization => ({
  id: Number(row.id),
  siret: String(row.siret),
  name: String(row.name),
  ...(row.address ? { address: String(row.address) } : {}),
  ...(row.legal_category ? { legalCategory: String(row.legal_category) } : {}),
  ...(row.naf_code ? { nafCode: String(row.naf_code) } : {}),
  closed: toBool(row.closed),
  inseePayload: fromJson<Record<string, unknown>>(row.insee_payload) ?? {},
  ...(row.fetched_at ? { fetchedAt: toIso(row.fetched_at) } : {}),
});

export async function findOrganization(db: Db, id: number): Promise<Organization | undefined> {
  const row = await db('organizations').where({ id }).first();
  return row ? mapOrganization(row) : undefined;
}

export async function findOrganizationBySiret(db: Db, siret: string): Promise<Organization | undefined> {
  const row = await db('organizations').where({ siret }).first();
  return row ? mapOrganization(row) : undefined;
}

/** Create or refresh an organisation from the Sirene facts of its establishment. */
export async function upsertOrganization(db: Db, facts: OrganizationFacts, now: Date): Promise<number> {
  const values = {
    name: facts.name,
    address: facts.address ?? null,
    legal_category: facts.legalCategory ?? null,
    naf_code: facts.nafCode ?? null,
    closed: facts.closed,
    insee_payload: toJson(facts.inseePayload),
    fetched_at: now.toISOString(),
  };
  const existing = await db('organizations').where({ siret: facts.siret }).first('id', 'name');
  if (existing) {
    await db('organizations').where({ id: existing.id }).update(values);
    // Its requests are found by its name: a name Sirene changed is searched under the new one.
    if (existing.name !== facts.name) await indexRequestsOf(db, { organizationId: Number(existing.id) });
    return Number(existing.id);
  }
  const [row] = await db('organizations').insert({ siret: facts.siret, ...values, created_at: now.toISOString() }).returning('id');
  return insertedId(row);
}

export async function addMembership(db: Db, userId: number, organizationId: number, now: Date): Promise<void> {
  await db('memberships').insert({ user_id: userId, organization_id: organizationId, created_at: now.toISOString() }).onConflict(['user_id', 'organization_id']).ignore();
}

export async function isMember(db: Db, userId: number, organizationId: number): Promise<boolean> {
  return !!(await db('memberships').where({ user_id: userId, organization_id: organizationId }).first('user_id'));
}

export async function organizationsOf(db: Db, userId: number): Promise<Organization[]> {
  const rows = await db('organizations').join('memberships', 'memberships.organization_id', 'organizations.id').where('memberships.user_id', userId).orderBy('organizations.name').select('organizations.*');
  return rows.map(mapOrganization);
}

export async function membersOf(db: Db, organizationId: number): Promise<number[]> {
  return (await db('memberships').where({ organization_id: organizationId }).pluck('user_id')).map(Number);
}

/** The organisations of a page of requests, by id, in one query. */
export async function organizationsByIds(db: Db, ids: readonly number[]): Promise<Map<number, Organization>> {
  if (!ids.length) return new Map();
  const rows = await db('organizations').whereIn('id', [...new Set(ids)]);
  return new Map(rows.map((row: Record<string, unknown>) => [Number(row.id), mapOrganization(row)]));
}

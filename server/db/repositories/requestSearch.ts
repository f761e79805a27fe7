import type { Db } from '../createDatabase.js';
import { fromJson } from '../json.js';
import { authorizationPublicId } from './authorizations.js';
import { requestPublicId } from './requests.js';
import { definitionWord, organizationWord, searchWords } from './searchTokens.js';

/** What a request's search document is made of. */
export interface SearchSources {
  requestId: number;
  definitionId: string;
  data: unknown;
  organization: { id: number; name: string; siret: string };
  applicant: { givenName?: string | null; familyName?: string | null; email: string };
  authorizationIds: readonly number[];
}

/** A document beyond this many words is cut: a search finds a request by what it says first, not by its 10,000th word. */
const MAX_WORDS = 5000;

/** Every string value of a JSON value, depth first, keys excluded. */
function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsOf(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* stringsOf(item);
}

/**
 * The text the search indexes for a request: its identifier `D<id>`, its authorizations' `H<id>`, its
 * organisation's name and SIRET, its applicant's name and e-mail, then every string of its data, as folded
 * words separated by single spaces (see searchTokens.ts). SQLite's FTS5 and PostgreSQL's `to_tsvector('simple')`
 * both split it back into exactly these words. It starts with words naming its definition and organisation
 * (searchTokens.ts), so that the full-text index counts a word's matches within what a caller may see.
 */
export function searchDocument(s: SearchSources): string {
  const words: string[] = [];
  const add = (text: string | null | undefined) => {
    if (!text) return;
    for (const word of searchWords(text)) if (words.length < MAX_WORDS) words.push(word);
  };
  words.push(definitionWord(s.definitionId), organizationWord(s.organization.id));
  add(requestPublicId(s.requestId));
  for (const id of s.authorizationIds) add(authorizationPublicId(id));
  add(s.organization.name);
  add(s.organization.siret);
  add(s.applicant.givenName);
  add(s.applicant.familyName);
  add(s.applicant.email);
  for (const text of stringsOf(s.data)) {
    if (words.length >= MAX_WORDS) break;
    add(text);
  }
  return words.join(' ');
}

/** The sources of the requests `where` selects, ids ascending. */
async function readSources(db: Db, where: { ids: readonly number[] } | { afterId: number; limit: number }): Promise<SearchSources[]> {
  let query = db('requests')
    .join('organizations', 'organizations.id', 'requests.organization_id')
    .join('users', 'users.id', 'requests.applicant_id')
    .select('requests.id', 'requests.definition_id', 'requests.organization_id', 'requests.data', 'organizations.name as organization_name', 'organizations.siret', 'users.given_name', 'users.family_name', 'users.email')
    .orderBy('requests.id');
  query = 'ids' in where ? query.whereIn('requests.id', where.ids) : query.where('requests.id', '>', where.afterId).limit(where.limit);
  const rows: Record<string, unknown>[] = await query;
  if (!rows.length) return [];
  const ids = rows.map((r) => Number(r.id));
  // A batch of the backfill is a range of ids; a list of ids is asked for as such.
  const ofRequests = db('authorizations').orderBy('id').select('id', 'request_id');
  const authorizations: { id: unknown; request_id: unknown }[] = await ('ids' in where ? ofRequests.whereIn('request_id', ids) : ofRequests.whereBetween('request_id', [ids[0]!, ids[ids.length - 1]!]));
  const byRequest = new Map<number, number[]>();
  for (const a of authorizations) {
    const list = byRequest.get(Number(a.request_id)) ?? [];
    list.push(Number(a.id));
    byRequest.set(Number(a.request_id), list);
  }
  return rows.map((r) => ({
    requestId: Number(r.id),
    definitionId: String(r.definition_id),
    data: fromJson(r.data),
    organization: { id: Number(r.organization_id), name: String(r.organization_name), siret: String(r.siret) },
    applicant: { givenName: r.given_name as string | null, familyName: r.family_name as string | null, email: String(r.email) },
    authorizationIds: byRequest.get(Number(r.id)) ?? [],
  }));
}

/** Store the documents; a row whose text did not change is left alone, so the full-text index is not touched. */
async function storeDocuments(db: Db, documents: { requestId: number; document: string }[]): Promise<void> {
  if (!documents.length) return;
  await db.raw(
    `insert into request_documents (request_id, document) values ${documents.map(() => '(?, ?)').join(', ')}
     on conflict (request_id) do update set document = excluded.document where request_documents.document <> excluded.document`,
    documents.flatMap((d) => [d.requestId, d.document]),
  );
}

/**
 * Bring the search document of a request up to date. Call it in the transaction of every write that changes
 * what the document covers (the request's data, organisation or applicant, its authorizations), after that
 * write: the document commits or rolls back with it.
 */
export async function indexRequest(tx: Db, requestId: number): Promise<void> {
  await storeDocuments(tx, (await readSources(tx, { ids: [requestId] })).map((s) => ({ requestId: s.requestId, document: searchDocument(s) })));
}

/**
 * Rebuild the documents of every request, `batch` requests at a time (the migration's backfill, and after an
 * organisation or a person is renamed in bulk). Returns how many requests were indexed.
 */
export async function indexAllRequests(db: Db, batch = 1000): Promise<number> {
  let afterId = 0;
  let count = 0;
  for (;;) {
    const sources = await readSources(db, { afterId, limit: batch });
    if (!sources.length) return count;
    await storeDocuments(db, sources.map((s) => ({ requestId: s.requestId, document: searchDocument(s) })));
    afterId = sources[sources.length - 1]!.requestId;
    count += sources.length;
  }
}

/** Re-index the requests of an organisation or of an applicant, after their name, SIRET or e-mail changed. */
export async function indexRequestsOf(db: Db, owner: { organizationId: number } | { applicantId: number }): Promise<void> {
  const ids = (await db('requests').where('organizationId' in owner ? { organization_id: owner.organizationId } : { applicant_id: owner.applicantId }).pluck('id')).map(Number);
  for (let i = 0; i < ids.length; i += 500) {
    const sources = await readSources(db, { ids: ids.slice(i, i + 500) });
    await storeDocuments(db, sources.map((s) => ({ requestId: s.requestId, document: searchDocument(s) })));
  }
}

/** Whether a write changes what a request's search document is made of (its authorizations aside). */
export function searchSourcesChanged(before: { data: unknown; organizationId: number; applicantId: number }, after: { data: unknown; organizationId: number; applicantId: number }): boolean {
  return before.organizationId !== after.organizationId || before.applicantId !== after.applicantId || JSON.stringify(before.data) !== JSON.stringify(after.data);
}

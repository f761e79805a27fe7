import type { Knex } from 'knex';
import { isPostgres, type Db } from '../createDatabase.js';
import { definitionWord, organizationWord, searchWords } from './searchTokens.js';

/**
 * One word of a query as typed, in folded words: usually one, several for « camille.martin@clamart.fr » or
 * « Saint-Étienne », which must then follow each other in the document (a phrase).
 */
export interface SearchTerm {
  words: string[];
  /** The last word typed: it also finds the words it begins (« clam » finds « Clamart »). */
  prefix: boolean;
}

export type TextSearch =
  /** No word to look for: no condition (an empty query, or only punctuation). */
  | { kind: 'none' }
  /** `D123` alone: that request. */
  | { kind: 'request'; id: number }
  /** `H456` alone: the request of that authorization. */
  | { kind: 'authorization'; id: number }
  /** Every term must be in the request's search document. */
  | { kind: 'words'; terms: SearchTerm[] };

/** More terms than this are not a search anyone types; the rest are ignored. */
const MAX_TERMS = 16;
/** Prefix matching starts at this many characters: a one-letter prefix matches half the index. */
const MIN_PREFIX = 3;

/**
 * What a free-text query asks for. Its words go through the same folding as the documents, and a word is made
 * of letters and digits only: quotes, `*`, `-`, `:`, parentheses are separators, and `NEAR` or `OR` plain
 * words, never query syntax.
 */
export function parseTextSearch(q: string | undefined): TextSearch {
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  for (const chunk of (q ?? '').split(/\s+/)) {
    const words = searchWords(chunk);
    if (!words.length || seen.has(words.join(' '))) continue;
    seen.add(words.join(' '));
    terms.push({ words, prefix: false });
  }
  if (!terms.length) return { kind: 'none' };
  const only = terms.length === 1 && terms[0]!.words.length === 1 ? /^([dh])(\d{1,12})$/.exec(terms[0]!.words[0]!) : null;
  if (only) return { kind: only[1] === 'd' ? 'request' : 'authorization', id: Number(only[2]) };
  const kept = terms.slice(0, MAX_TERMS);
  const last = kept[kept.length - 1]!;
  const lastWord = last.words[last.words.length - 1]!;
  // An identifier is exact: D12 must not find D120.
  last.prefix = lastWord.length >= MIN_PREFIX && !/^[dh]\d+$/.test(lastWord);
  return { kind: 'words', terms: kept };
}

/** What a caller may see: some definitions (an instructor's), one organisation (an applicant's), or everything (an admin). */
export interface SearchScope {
  definitionIds?: readonly string[] | undefined;
  organizationId?: number | undefined;
}

/** The words naming a scope, as alternatives (one of the definitions) and requirements (the organisation). */
const scopeWords = (scope: SearchScope = {}) => ({
  anyOf: scope.definitionIds?.length ? scope.definitionIds.map(definitionWord) : [],
  allOf: scope.organizationId !== undefined ? [organizationWord(scope.organizationId)] : [],
});

/** The FTS5 query: each term a quoted phrase (its words are letters and digits only), all required; then the scope's words. */
export function fts5Query(terms: readonly SearchTerm[], scope?: SearchScope): string {
  const { anyOf, allOf } = scopeWords(scope);
  const words = terms.map((t) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`).concat(allOf.map((w) => `"${w}"`));
  if (anyOf.length) words.push(`(${anyOf.map((w) => `"${w}"`).join(' OR ')})`);
  return words.join(' AND ');
}

/** The `to_tsquery` text: each term a phrase (`<->`), all required (`&`); then the scope's words. */
export function tsQuery(terms: readonly SearchTerm[], scope?: SearchScope): string {
  const { anyOf, allOf } = scopeWords(scope);
  const words = terms.map((t) => t.words.map((w, i) => `'${w}'${t.prefix && i === t.words.length - 1 ? ':*' : ''}`).join(' <-> ')).concat(allOf.map((w) => `'${w}'`));
  if (anyOf.length) words.push(`(${anyOf.map((w) => `'${w}'`).join(' | ')})`);
  return words.join(' & ');
}

/**
 * Up to this many matches in the caller's scope, the matches are found first and the page drawn from
 * them (about a microsecond each on SQLite, a few on PostgreSQL). Above, the list walks its index in its order
 * and checks each request's document until the page is full: the matches are then at least this share of
 * the scope's requests, so a page reads about `limit / share` rows.
 */
export const FEW_MATCHES = 5000;

/**
 * A restriction of `requests` to add to a query, for a page (which stops at its limit) or for counts (which
 * read every match). `few`: it names a few ids, to read and then sort, rather than walk the list's order.
 */
export interface Restriction {
  kind: 'restriction';
  apply(query: Knex.QueryBuilder, purpose: 'page' | 'count'): Knex.QueryBuilder;
  few?: boolean;
}

/** What a text search does to a list: nothing found, a restriction, or words to look for (see WordSearch). */
export type SearchCondition = { kind: 'nothing' } | Restriction | WordSearch;

/**
 * Words to look for, in two ways. `check` tests each request's own document: cheap per row, right when many
 * requests match, since the newest requests of the filters then fill a page (listRequests tries it first).
 * `narrow` looks the words up in the full-text index within the caller's scope, up to FEW_MATCHES: a rare
 * word (a SIRET, an e-mail, a name, a word the definitions seldom hold) gives the ids of its few requests; a
 * frequent one gives `check` again, on every row the filters' index walks until the page is full. Either way a
 * page costs about the same at a million rows, and no plan is left to a planner's guess of a word's frequency.
 */
export interface WordSearch {
  kind: 'words';
  check(query: Knex.QueryBuilder): Knex.QueryBuilder;
  narrow(): Promise<{ kind: 'nothing' } | Restriction>;
}

/** The condition of a text search on `requests`, in parameterised SQL, for a list within `scope`. */
export function searchCondition(db: Db, search: TextSearch, scope: SearchScope = {}): SearchCondition | undefined {
  switch (search.kind) {
    case 'none':
      return undefined;
    case 'request':
      return { kind: 'restriction', few: true, apply: (query) => query.where('requests.id', search.id) };
    case 'authorization':
      return { kind: 'restriction', few: true, apply: (query) => query.whereIn('requests.id', db('authorizations').where('authorizations.id', search.id).select('authorizations.request_id')) };
    case 'words':
      return isPostgres(db) ? postgresWords(db, search.terms, scope) : sqliteWords(db, search.terms, scope);
  }
}

function sqliteWords(db: Db, terms: readonly SearchTerm[], scope: SearchScope): WordSearch {
  const match = fts5Query(terms, scope);
  // The document holds each word once between single spaces: a word is ` word `, a phrase ` a b `, a prefix ` pre`.
  const needles = terms.map((t) => ` ${t.words.join(' ')}${t.prefix ? '' : ' '}`);
  const check = (query: Knex.QueryBuilder) =>
    query.whereRaw(`(select ${needles.map(() => 'instr(text, ?) > 0').join(' and ')} from (select ' ' || d.document || ' ' as text from request_documents d where d.request_id = requests.id))`, needles);
  return {
    kind: 'words',
    check,
    async narrow() {
      const ids: number[] = (await db.raw('select rowid as id from request_search where request_search match ? limit ?', [match, FEW_MATCHES + 1])).map((r: { id: number }) => Number(r.id));
      if (!ids.length) return { kind: 'nothing' };
      if (ids.length <= FEW_MATCHES) return { kind: 'restriction', few: true, apply: (query) => query.whereRaw('requests.id in (select value from json_each(?))', [JSON.stringify(ids)]) };
      // Counts read every match: the filters' index is read whole and each id checked against the set of
      // matches (`+` keeps SQLite from looking every match up by id instead).
      return { kind: 'restriction', apply: (query, purpose) => (purpose === 'page' ? check(query) : query.whereRaw('+requests.id in (select rowid from request_search where request_search match ?)', [match])) };
    },
  };
}

function postgresWords(db: Db, terms: readonly SearchTerm[], scope: SearchScope): WordSearch {
  const text = tsQuery(terms);
  // A scalar subquery, not EXISTS, so that it is not turned into a join; in coalesce(), so that the planner
  // takes it for a filter keeping half the rows rather than guessing from the words (it guesses that a phrase
  // keeps almost none, and would then sort every request of the filters instead of walking them in order).
  const check = (query: Knex.QueryBuilder) => query.whereRaw(`coalesce((select d.search from request_documents d where d.request_id = requests.id) @@ to_tsquery('simple', ?), false)`, [text]);
  return {
    kind: 'words',
    check,
    async narrow() {
      const within = tsQuery(terms, scope);
      const ids: number[] = (await db.raw(`select request_id from request_documents where search @@ to_tsquery('simple', ?) limit ?`, [within, FEW_MATCHES + 1])).rows.map((r: { request_id: number }) => Number(r.request_id));
      if (!ids.length) return { kind: 'nothing' };
      if (ids.length <= FEW_MATCHES) return { kind: 'restriction', few: true, apply: (query) => query.whereRaw('requests.id = any(?::integer[])', [ids]) };
      return { kind: 'restriction', apply: (query, purpose) => (purpose === 'page' ? check(query) : query.whereRaw(`requests.id in (select request_id from request_documents where search @@ to_tsquery('simple', ?))`, [within])) };
    },
  };
}

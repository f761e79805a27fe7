/**
 * The words of a text as the request search indexes and queries them: accents, case and ligatures folded
 * (« Élève », « ÉLÈVE » and « eleve » are one word), split on anything that is neither a letter nor a digit.
 * The same function builds the indexed document and reads the query, so the two can never disagree; and
 * since a word is only letters and digits, no character of a query reaches SQLite's FTS5 or PostgreSQL's
 * tsquery syntax.
 */

/** Longer runs are not words anyone searches (a hash, a base64 blob) and PostgreSQL refuses lexemes over 2 KB. */
const MAX_WORD = 64;

// Letters that NFKD leaves whole but that French writes and searches in two letters.
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case, without diacritics (NFKD, then every combining mark removed) and with ligatures spelt out. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđðþı]/g, (c) => LIGATURES[c]!);
}

/** The folded words of `text`, in order. */
export function searchWords(text: string): string[] {
  return (foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= MAX_WORD);
}

/**
 * The words of a search document that name its definition (`zdef` and the id's letters and digits) and its
 * organisation (`zorg` and its id). They let the full-text index count a word's matches within what the caller
 * may see, an instructor's definitions or an applicant's organisation (see searchCondition.ts), so that neither
 * the time nor the plan of a search depends on requests the caller may not see. Nobody searches for them, and
 * anyone who did would find nothing more: what a caller sees is always filtered in SQL.
 */
export const definitionWord = (definitionId: string): string => `zdef${searchWords(definitionId).join('')}`.slice(0, MAX_WORD);
export const organizationWord = (organizationId: number): string => `zorg${organizationId}`;

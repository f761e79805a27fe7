/** Spaces (including the non-breaking ones word processors insert), dots and dashes between digit groups. */
const SEPARATORS = /[\s.\-\u00a0\u202f]/g;
const NATIONAL = /^0([1-9]\d{8})$/;
/**
 * `+` or `00`, a French country code (metropolitan France, the overseas departments, then the overseas
 * collectivities that have their own plan), an optional trunk `0` or `(0)` that people often keep, the number.
 */
const INTERNATIONAL = /^(?:\+|00)(33|262|590|594|596|508|681|687|689)(?:\(0\)|0)?(\d{6,9})$/;

/** A phone number of the French numbering plans, split into its country code and its significant digits. */
export interface FrenchPhoneNumber {
  /** `33` for national numbers (0X…), else the code that was dialled. */
  countryCode: string;
  /** The digits after the country code, without the trunk 0. */
  number: string;
}

/** Significant-number lengths per country code (from the ITU/ARCEP plans, as libphonenumber records them). */
const SIGNIFICANT: Record<string, RegExp> = {
  '33': /^[1-9]\d{8}$/,
  '262': /^[1-9]\d{8}$/,
  '590': /^[1-9]\d{8}$/,
  '594': /^[1-9]\d{8}$/,
  '596': /^[1-9]\d{8}$/,
  '508': /^(?:[2-9]\d{5}|[78]\d{8})$/,
  '681': /^(?:\d{6}|8\d{8})$/,
  '687': /^\d{6}$/,
  '689': /^(?:4\d{5}|4\d{7}|8\d{7,8})$/,
};

/** Parse a French phone number as people write it; undefined when it is not one. */
export function parseFrenchPhoneNumber(value: string): FrenchPhoneNumber | undefined {
  const compact = value.replace(SEPARATORS, '');
  const national = NATIONAL.exec(compact);
  if (national) return { countryCode: '33', number: national[1]! };
  const international = INTERNATIONAL.exec(compact);
  if (!international) return undefined;
  const [, countryCode, number] = international as unknown as [string, string, string];
  return SIGNIFICANT[countryCode]!.test(number) ? { countryCode, number } : undefined;
}

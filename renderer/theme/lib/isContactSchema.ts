import { propertyNames } from './schemaBranches.js';

/**
 * Whether `schema` describes a contact: an object with `given_name`, `family_name` and `email` in one of its
 * branches. Looking across branches keeps an organisation contact (whose `else` branch holds the names) a
 * contact card whatever its current data.
 */
export function isContactSchema(schema: unknown, rootSchema: object): boolean {
  const names = propertyNames(schema, rootSchema);
  return names.has('given_name') && names.has('family_name') && names.has('email');
}

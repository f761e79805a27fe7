import type { FormatDefinition } from './FormatDefinition.js';

/** RFC 5321 atoms in the local part; domain labels may hold accented letters (IDN written as typed). */
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

/** True for a deliverable-looking e-mail address: one @, a local part, a domain with a top-level domain. */
export function isEmail(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf('@');
  return at > 0 && at <= 64 && EMAIL.test(value);
}

export const emailFormat: FormatDefinition = {
  name: 'email',
  validate: isEmail,
  message: 'doit être une adresse e-mail valide',
  description:
    'An e-mail address: a local part of RFC 5321 atoms separated by single dots (at most 64 characters), `@`, ' +
    'a domain of at least two labels whose last one is alphabetic (accented letters allowed), 254 characters at most. ' +
    'Quoted local parts and IP-address domains are refused.',
};

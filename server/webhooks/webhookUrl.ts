/** The longest webhook URL (the column's size; browsers and proxies handle this much). */
export const WEBHOOK_URL_MAX_LENGTH = 2000;

/**
 * Why a webhook URL is refused, or undefined when it is fine: https, or http to this machine
 * (localhost, 127.0.0.1) outside production, for a developer's local receiver.
 */
export function webhookUrlProblem(value: string, production = process.env.NODE_ENV === 'production'): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Saisissez une adresse complète, par exemple https://api.exemple.gouv.fr/datapass/webhook.';
  }
  if (url.username || url.password) return 'L’adresse ne doit pas contenir d’identifiants : le secret signe chaque appel.';
  if (url.protocol === 'https:') return undefined;
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol === 'http:' && local && !production) return undefined;
  return production ? 'L’adresse doit commencer par https://.' : 'L’adresse doit commencer par https:// (http:// n’est accepté que vers localhost ou 127.0.0.1, hors production).';
}

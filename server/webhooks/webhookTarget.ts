import { isIP } from 'node:net';
import { forbiddenAddressReason } from './forbiddenAddress.js';
import type { WebhookNetworkPolicy } from './webhookNetworkPolicy.js';

/** Where a call goes: the address checked, to which the connection is pinned (no second DNS answer is used). */
export type WebhookTarget = { ok: true; hostname: string; address?: { address: string; family: 4 | 6 } } | { ok: false; problem: string };

/**
 * Resolve a webhook URL's host and check every address it gives against the platform's own networks (when the
 * guard is on). URL parsing has already turned odd IPv4 notations (`2130706433`, `0x7f.1`, `0177.0.0.1`) into
 * dotted ones. Every address must be allowed: a name that also resolves to a private address is refused, since
 * the connection could go to either. The French problem names the URL, the address and why.
 */
export async function webhookTarget(url: string, policy: WebhookNetworkPolicy): Promise<WebhookTarget> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: `L’adresse ${url} n’est pas une URL complète.` };
  }
  const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase().replace(/\.$/, '');
  if (!policy.guard) return { ok: true, hostname };
  let addresses: { address: string; family: number }[];
  if (isIP(hostname)) addresses = [{ address: hostname, family: isIP(hostname) }];
  else {
    try {
      addresses = await policy.resolve(hostname);
    } catch (error) {
      const code = error && typeof error === 'object' && 'code' in error ? ` (${String((error as { code: unknown }).code)})` : '';
      return { ok: false, problem: `Le nom ${hostname} de l’adresse ${url} ne se résout pas${code} : impossible de vérifier où il mène.` };
    }
    if (!addresses.length) return { ok: false, problem: `Le nom ${hostname} de l’adresse ${url} ne mène à aucune adresse IP.` };
  }
  const hostAllowed = policy.allowedHosts.has(hostname);
  for (const { address, family } of addresses) {
    if (hostAllowed || policy.allowedNetworks.check(address, family === 6 ? 'ipv6' : 'ipv4')) continue;
    const reason = forbiddenAddressReason(address);
    if (reason) {
      const via = address !== hostname ? ` (${hostname} mène à ${address})` : url.includes(address) ? '' : ` (${address})`;
      return { ok: false, problem: `L’adresse ${url} vise le réseau de la plateforme${via} : ${reason}. Un webhook doit appeler un service joignable sur Internet ; un récepteur interne doit être autorisé par l’exploitant (WEBHOOK_ALLOWED_NETWORKS).` };
    }
  }
  const first = addresses[0]!;
  return { ok: true, hostname, address: { address: first.address, family: first.family === 6 ? 6 : 4 } };
}

import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** What a host name resolves to: every address, as `dns.lookup(…, { all: true })` gives them. */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** Where webhooks may go: the SSRF guard, its allow-list, and the DNS resolution the guard checks. */
export interface WebhookNetworkPolicy {
  /** Refuse the platform's own networks: on when `NODE_ENV=production`, or `WEBHOOK_SSRF_GUARD=1` elsewhere. */
  guard: boolean;
  /** `WEBHOOK_ALLOWED_NETWORKS`: addresses and CIDR ranges let through despite the guard… */
  allowedNetworks: BlockList;
  /** …and host names (lower case), whatever they resolve to. */
  allowedHosts: ReadonlySet<string>;
  /** The operator's list as written, for logs and errors. */
  allowList: readonly string[];
  /** Injectable for tests (a resolver that changes its answer between check and call). */
  resolve: ResolveHost;
}

const systemResolve: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * `WEBHOOK_SSRF_GUARD` (`1`/`true` turns it on outside production; it is always on in production) and
 * `WEBHOOK_ALLOWED_NETWORKS` (comma or space separated: `10.1.2.3`, `10.20.0.0/16`, `fd12::/64`,
 * `hooks.interne.example`). Throws on an entry it cannot read, so a typo stops the server at start.
 */
export function webhookNetworkPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookNetworkPolicy {
  const guard = env.NODE_ENV === 'production' || env.WEBHOOK_SSRF_GUARD === '1' || env.WEBHOOK_SSRF_GUARD === 'true';
  return { guard, ...allowList(env.WEBHOOK_ALLOWED_NETWORKS ?? ''), resolve: systemResolve };
}

/** The allow-list's entries, read: addresses and ranges in a BlockList, the rest as host names. */
export function allowList(value: string): Pick<WebhookNetworkPolicy, 'allowedNetworks' | 'allowedHosts' | 'allowList'> {
  const allowedNetworks = new BlockList();
  const allowedHosts = new Set<string>();
  const entries = value.split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const [network = '', prefixText, ...rest] = entry.split('/');
    const family = isIP(network);
    if (prefixText !== undefined || family) {
      const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
      if (!family || rest.length || !/^\d{1,3}$/.test(prefixText ?? String(prefix)) || prefix > (family === 4 ? 32 : 128)) {
        throw new Error(`WEBHOOK_ALLOWED_NETWORKS: "${entry}" is neither an address, a CIDR range (10.0.0.0/8, fd00::/8) nor a host name.`);
      }
      allowedNetworks.addSubnet(network, prefix, family === 4 ? 'ipv4' : 'ipv6');
    } else if (/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i.test(entry)) {
      allowedHosts.add(entry.toLowerCase().replace(/\.$/, ''));
    } else {
      throw new Error(`WEBHOOK_ALLOWED_NETWORKS: "${entry}" is neither an address, a CIDR range (10.0.0.0/8, fd00::/8) nor a host name.`);
    }
  }
  return { allowedNetworks, allowedHosts, allowList: entries };
}

/** The running server's policy, or the environment's when the context has none (tests that build their own). */
export function networkPolicyOf(ctx: { webhookNetwork?: WebhookNetworkPolicy | undefined }): WebhookNetworkPolicy {
  return ctx.webhookNetwork ?? webhookNetworkPolicyFromEnv();
}

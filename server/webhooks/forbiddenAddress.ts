import { BlockList, isIP } from 'node:net';

/**
 * The platform's own networks, which a webhook must not reach (SSRF): each range with what it is, in French for
 * the developers' error. The metadata addresses come before the link-local range that holds one of them, so that
 * the reason names the more telling one.
 */
const RANGES: { reason: string; v4?: [string, number][]; v6?: [string, number][] }[] = [
  { reason: 'service de métadonnées du cloud', v4: [['169.254.169.254', 32], ['100.100.100.200', 32]], v6: [['fd00:ec2::254', 128]] },
  { reason: 'adresse non spécifiée', v4: [['0.0.0.0', 8]], v6: [['::', 128]] },
  { reason: 'adresse de bouclage (loopback)', v4: [['127.0.0.0', 8]], v6: [['::1', 128]] },
  { reason: 'réseau privé', v4: [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16]], v6: [['fc00::', 7]] },
  { reason: 'réseau partagé des opérateurs (CGNAT)', v4: [['100.64.0.0', 10]] },
  { reason: 'adresse lien-local', v4: [['169.254.0.0', 16]], v6: [['fe80::', 10], ['fec0::', 10]] },
  { reason: 'réseau réservé (IETF, tests de performance, multidiffusion ou usage futur)', v4: [['192.0.0.0', 24], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]], v6: [['ff00::', 8]] },
];

const LISTS = RANGES.map(({ reason, v4 = [], v6 = [] }) => {
  const list = new BlockList();
  for (const [network, prefix] of v4) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of v6) list.addSubnet(network, prefix, 'ipv6');
  return { reason, list };
});

/** IPv6 forms that carry an IPv4 address in their last 32 bits: IPv4-compatible (::/96) and NAT64 (64:ff9b::/96). */
const EMBEDDING = new BlockList();
EMBEDDING.addSubnet('::', 96, 'ipv6');
EMBEDDING.addSubnet('64:ff9b::', 96, 'ipv6');
const SIX_TO_FOUR = new BlockList();
SIX_TO_FOUR.addSubnet('2002::', 16, 'ipv6');

/** The 16 bytes of an IPv6 address (`::` expanded, a trailing dotted IPv4 read). */
function ipv6Bytes(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const missing = 8 - groups(head).length - groups(tail ?? '').length;
  const all = tail === undefined ? groups(head) : [...groups(head), ...Array<string>(missing).fill('0'), ...groups(tail)];
  return all.flatMap((g) => [(parseInt(g, 16) >> 8) & 0xff, parseInt(g, 16) & 0xff]);
}

/** The IPv4 address an IPv6 one stands for (compatible, NAT64, 6to4), or undefined. IPv4-mapped ones BlockList checks itself. */
function embeddedIpv4(address: string): string | undefined {
  const bytes = ipv6Bytes(address);
  if (EMBEDDING.check(address, 'ipv6')) return bytes.slice(12, 16).join('.');
  if (SIX_TO_FOUR.check(address, 'ipv6')) return bytes.slice(2, 6).join('.');
  return undefined;
}

/**
 * Why an IP address is one a webhook must not reach (the platform's own network), or undefined when it may be
 * called. Also looks inside the IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4).
 */
export function forbiddenAddressReason(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) return 'adresse IP illisible';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { reason, list } of LISTS) if (list.check(address, type)) return reason;
  if (family === 6) {
    const inner = embeddedIpv4(address);
    if (inner) {
      const reason = forbiddenAddressReason(inner);
      if (reason) return `${reason}, sous une forme IPv6`;
    }
  }
  return undefined;
}

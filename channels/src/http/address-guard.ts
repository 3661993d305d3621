import { BlockList, isIP } from 'node:net';

// Loopback, RFC 1918, CGNAT, link-local (cloud metadata lives at 169.254.169.254), IETF protocol
// assignments, benchmarking, multicast, reserved and unspecified: targets a marketer-supplied URL
// must not reach.
const blockedV4 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blockedV4.addSubnet(net, prefix, 'ipv4');
}

// IPv6 ranges that are private whatever follows. Ranges that embed an IPv4 address (mapped,
// compatible, NAT64, 6to4) are not listed: they are judged by the IPv4 address inside them.
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215): translates into the operator's own network
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo: the client's IPv4 address is obfuscated, so it cannot be judged
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some stacks)
  ['ff00::', 8], // multicast
] as const) {
  blockedV6.addSubnet(net, prefix, 'ipv6');
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted quad allowed), or null. */
export function parseIpv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.replace(/%.*$/, '');
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((group) => parseInt(group, 16)));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  const groups = [...left, ...zeros, ...right];
  return groups.length === 8 ? groups : null;
}

const toIpv4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/**
 * The IPv4 address an IPv6 address carries to the IPv4 network, if any: IPv4-compatible `::a.b.c.d`,
 * IPv4-mapped `::ffff:a.b.c.d`, IPv4-translated `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d` and
 * 6to4 `2002:aabb:ccdd::`. A packet to any of these can end up at that IPv4 address.
 */
export function embeddedIpv4(groups: readonly number[]): string | null {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, ...number[]];
  const prefixIsZero = (count: number) => groups.slice(0, count).every((group) => group === 0);
  if (prefixIsZero(6)) return toIpv4(g6!, g7!);
  if (prefixIsZero(5) && g5 === 0xffff) return toIpv4(g6!, g7!);
  if (prefixIsZero(4) && g4 === 0xffff && g5 === 0) return toIpv4(g6!, g7!);
  if (g0 === 0x64 && g1 === 0xff9b && [g2, g3, g4, g5].every((group) => group === 0)) return toIpv4(g6!, g7!);
  if (g0 === 0x2002) return toIpv4(g1!, g2!);
  return null;
}

/**
 * True for addresses on this host or a private network. An IPv6 address that embeds an IPv4 one
 * (mapped, compatible, NAT64, 6to4) is judged by that IPv4 address: `::ffff:127.0.0.1`,
 * `64:ff9b::10.0.0.1` and `2002:7f00:1::` all lead to a private target.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blockedV4.check(address, 'ipv4');
  const groups = family === 6 ? parseIpv6Groups(address) : null;
  if (!groups) return false;
  const inner = embeddedIpv4(groups);
  if (inner !== null) return blockedV4.check(inner, 'ipv4');
  return blockedV6.check(address.replace(/%.*$/, ''), 'ipv6');
}

/** Thrown when a request would reach a private or loopback address and configuration forbids it. */
export class BlockedTargetError extends Error {
  constructor(readonly address: string) {
    super(
      `target address ${address} is private or loopback and may not be reached (WEBHOOK_ALLOW_PRIVATE=true permits it)`,
    );
    this.name = 'BlockedTargetError';
  }
}

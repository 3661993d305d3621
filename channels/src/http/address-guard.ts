import { BlockList, isIP } from 'node:net';

// Loopback, RFC 1918, CGNAT, link-local (cloud metadata lives at 169.254.169.254), multicast,
// unspecified and their IPv6 counterparts: targets a marketer-supplied URL must not reach.
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True for addresses on this host or a private network; IPv4-mapped IPv6 is checked as IPv4. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return false;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Thrown when a request would reach a private or loopback address and configuration forbids it. */
export class BlockedTargetError extends Error {
  constructor(readonly address: string) {
    super(`target address ${address} is private or loopback; set allowPrivateTargets to permit it`);
    this.name = 'BlockedTargetError';
  }
}

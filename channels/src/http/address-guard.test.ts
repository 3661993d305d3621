import { describe, expect, it } from 'vitest';
import { embeddedIpv4, isPrivateAddress, parseIpv6Groups } from './address-guard';

describe('parseIpv6Groups', () => {
  it('expands compressed groups and a trailing dotted quad', () => {
    expect(parseIpv6Groups('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6Groups('64:ff9b::10.0.0.1')).toEqual([0x64, 0xff9b, 0, 0, 0, 0, 0x0a00, 0x0001]);
    expect(parseIpv6Groups('2002:7f00:1::')).toEqual([0x2002, 0x7f00, 1, 0, 0, 0, 0, 0]);
    expect(parseIpv6Groups('fe80::1%eth0')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6Groups('127.0.0.1')).toBeNull();
  });
});

describe('embeddedIpv4', () => {
  it('finds the IPv4 address each transition form carries', () => {
    const inner = (address: string) => embeddedIpv4(parseIpv6Groups(address)!);
    expect(inner('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(inner('::ffff:0:a9fe:a9fe')).toBe('169.254.169.254');
    expect(inner('::10.1.2.3')).toBe('10.1.2.3');
    expect(inner('64:ff9b::c0a8:101')).toBe('192.168.1.1');
    expect(inner('2002:0a00:0001:1234::5')).toBe('10.0.0.1');
    expect(inner('2606:4700::1111')).toBeNull();
  });
});

describe('isPrivateAddress', () => {
  it('flags IPv4 loopback, private, CGNAT, link-local and reserved ranges', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '100.64.0.1', '172.20.0.1', '192.168.1.1'])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['169.254.169.254', '0.0.0.0', '192.0.0.8', '224.0.0.1', '255.255.255.255'])
      expect(isPrivateAddress(address), address).toBe(true);
  });

  it('flags IPv6 loopback, unique-local, link-local, site-local, multicast and Teredo', () => {
    for (const address of ['::', '::1', 'fd00::1', 'fe80::1%eth0', 'fec0::1', 'ff02::1', '2001:0:4136::1'])
      expect(isPrivateAddress(address), address).toBe(true);
  });

  it('judges mapped, compatible, NAT64 and 6to4 addresses by the IPv4 address inside', () => {
    const privateForms = [
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:0:7f00:1',
      '::127.0.0.1',
      '::7f00:1',
      '::a9fe:a9fe',
      '64:ff9b::127.0.0.1',
      '64:ff9b::a00:1',
      '64:ff9b:1::8.8.8.8',
      '2002:7f00:1::',
      '2002:c0a8:101::1',
      '2002:a9fe:a9fe:1::1',
    ];
    for (const address of privateForms) expect(isPrivateAddress(address), address).toBe(true);
    const publicForms = ['::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '::5db8:d822'];
    for (const address of publicForms) expect(isPrivateAddress(address), address).toBe(false);
  });

  it('passes public addresses and leaves names to the resolver', () => {
    for (const address of [
      '8.8.8.8',
      '93.184.216.34',
      '2606:4700::1111',
      '2a00:1450:4001::200e',
      'example.com',
    ])
      expect(isPrivateAddress(address), address).toBe(false);
  });
});

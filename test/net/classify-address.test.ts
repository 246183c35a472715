import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, isPublicAddress, type AddressKind } from '../../src/net/classify-address.js';

const TABLE: Record<AddressKind, readonly string[]> = {
  public: [
    '8.8.8.8', '1.1.1.1', '93.184.215.14', '9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0',
    '126.255.255.255', '128.0.0.0', '169.253.255.255', '169.255.0.0', '172.15.255.255', '172.32.0.0',
    '192.167.255.255', '192.169.0.0', '198.17.255.255', '198.20.0.0', '223.255.255.255',
    '2606:4700:4700::1111', '2001:4860:4860::8888', '[2606:4700::1]', '2a00:1450:4001:81a::200e',
    '::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::808:808', '64:ff9b::8.8.8.8', '2002:808:808::1',
  ],
  unspecified: ['0.0.0.0', '0.1.2.3', '0.255.255.255', '::', '0:0:0:0:0:0:0:0', '::ffff:0.0.0.0'],
  loopback: [
    '127.0.0.1', '127.0.0.0', '127.1.2.3', '127.255.255.255', '::1', '[::1]', '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:7f00:0001', '::FFFF:7F00:1',
    '64:ff9b::127.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::', '2002:7f00:0001:abcd::1',
  ],
  private: [
    '10.0.0.0', '10.255.255.255', '172.16.0.0', '172.31.255.255', '192.168.0.0', '192.168.255.255',
    'fc00::', 'fd12:3456::1', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fec0::1', 'feff::1',
    '::ffff:10.1.2.3', '::ffff:192.168.1.1', '::ffff:c0a8:101', '2002:c0a8:101::1', '64:ff9b::a00:1',
  ],
  'link-local': [
    '169.254.0.0', '169.254.169.254', '169.254.255.255', 'fe80::1', 'fe80::1%eth0', 'febf:ffff::1',
    '::ffff:169.254.169.254', '2002:a9fe:a9fe::',
  ],
  shared: ['100.64.0.0', '100.100.100.200', '100.127.255.255', '::ffff:100.64.0.1'],
  multicast: ['224.0.0.0', '224.0.0.1', '239.255.255.255', 'ff02::1', 'ff0e::fb', '::ffff:224.0.0.251'],
  broadcast: ['255.255.255.255', '::ffff:255.255.255.255'],
  reserved: [
    '240.0.0.1', '255.255.255.254', '192.0.0.1', '192.0.2.1', '192.88.99.1', '198.18.0.1', '198.19.255.255',
    '198.51.100.1', '203.0.113.255', '2001:db8::1', '2001::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '2001:2::1', '3fff::1', '100::1', '::7f00:1', '::8.8.8.8', '64:ff9b:1::1', '4000::1', 'e000::1', 'fe00::1',
  ],
  invalid: [
    '', 'example.org', 'localhost', '127.1', '0x7f.0.0.1', '2130706433', '1.2.3', '256.0.0.1', '1.2.3.4.5',
    '::ffff:1.2.3', '1::2::3', '12345::', ' 8.8.8.8', '8.8.8.8 ',
  ],
};

describe('classifyAddress', () => {
  for (const [kind, addresses] of Object.entries(TABLE)) {
    it.each(addresses)(`classifies %s as ${kind}`, (address) => {
      expect(classifyAddress(address)).toBe(kind);
      expect(isPublicAddress(address)).toBe(kind === 'public');
    });
  }

  it('judges every IPv6 embedding of an IPv4 address exactly like the IPv4 address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
        const hex = (x: number, y: number) => ((x << 8) | y).toString(16);
        const expected = classifyAddress(v4);
        expect(classifyAddress(`::ffff:${v4}`)).toBe(expected);
        expect(classifyAddress(`::ffff:${hex(a, b)}:${hex(c, d)}`)).toBe(expected);
        expect(classifyAddress(`64:ff9b::${hex(a, b)}:${hex(c, d)}`)).toBe(expected);
        expect(classifyAddress(`2002:${hex(a, b)}:${hex(c, d)}::1`)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('never calls an address in a refused IPv4 block public, at any offset inside it', () => {
    const blocks: Array<[number, number]> = [
      [0x0a000000, 8], [0x7f000000, 8], [0xac100000, 12], [0xc0a80000, 16], [0xa9fe0000, 16], [0x64400000, 10],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...blocks), fc.nat(), ([base, bits], offset) => {
        const value = (base + (offset % 2 ** (32 - bits))) >>> 0;
        const address = [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');
        expect(isPublicAddress(address)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * Which kind of network an IP address belongs to. A guarded fetch connects only to `public`
 * addresses: everything else could reach the caller's own machine or internal network.
 */
import { parseIp } from './parse-ip.js';

export type AddressKind =
  | 'public'
  /** 0.0.0.0/8, `::` — "this host"; connecting to it usually reaches the local machine. */
  | 'unspecified'
  | 'loopback'
  /** RFC 1918, IPv6 unique-local fc00::/7 and the deprecated site-local fec0::/10. */
  | 'private'
  | 'link-local'
  /** 100.64.0.0/10, the carrier-grade NAT space, internal to a provider's network. */
  | 'shared'
  | 'multicast'
  | 'broadcast'
  /** Documentation, benchmarking, protocol-assignment and other never-public ranges. */
  | 'reserved'
  /** Not an IP literal at all. */
  | 'invalid';

interface Range {
  prefix: readonly number[];
  bits: number;
  kind: Exclude<AddressKind, 'public' | 'invalid'>;
}

// The first match wins, which is why broadcast comes before the 240/4 block that contains it.
const IPV4_RANGES: readonly Range[] = [
  { prefix: [0], bits: 8, kind: 'unspecified' },
  { prefix: [10], bits: 8, kind: 'private' },
  { prefix: [100, 64], bits: 10, kind: 'shared' },
  { prefix: [127], bits: 8, kind: 'loopback' },
  { prefix: [169, 254], bits: 16, kind: 'link-local' },
  { prefix: [172, 16], bits: 12, kind: 'private' },
  { prefix: [192, 0, 0], bits: 24, kind: 'reserved' },
  { prefix: [192, 0, 2], bits: 24, kind: 'reserved' },
  { prefix: [192, 88, 99], bits: 24, kind: 'reserved' },
  { prefix: [192, 168], bits: 16, kind: 'private' },
  { prefix: [198, 18], bits: 15, kind: 'reserved' },
  { prefix: [198, 51, 100], bits: 24, kind: 'reserved' },
  { prefix: [203, 0, 113], bits: 24, kind: 'reserved' },
  { prefix: [224], bits: 4, kind: 'multicast' },
  { prefix: [255, 255, 255, 255], bits: 32, kind: 'broadcast' },
  { prefix: [240], bits: 4, kind: 'reserved' },
];

// Only 2000::/3 is global unicast; inside it, these are not reachable public hosts.
const IPV6_GLOBAL_EXCEPTIONS: readonly Range[] = [
  // Teredo hides an IPv4 address (obfuscated) that we could not vet reliably.
  { prefix: [0x20, 0x01, 0x00, 0x00], bits: 32, kind: 'reserved' },
  { prefix: [0x20, 0x01, 0x00, 0x02, 0x00, 0x00], bits: 48, kind: 'reserved' },
  { prefix: [0x20, 0x01, 0x0d, 0xb8], bits: 32, kind: 'reserved' },
  { prefix: [0x3f, 0xff], bits: 20, kind: 'reserved' },
];

const IPV6_OUTSIDE_GLOBAL: readonly Range[] = [
  { prefix: [0xfc], bits: 7, kind: 'private' },
  { prefix: [0xfe, 0x80], bits: 10, kind: 'link-local' },
  { prefix: [0xfe, 0xc0], bits: 10, kind: 'private' },
  { prefix: [0xff], bits: 8, kind: 'multicast' },
];

/** Classifies an IP literal (IPv4 dotted quad or any IPv6 form, brackets and zone ids allowed). */
export function classifyAddress(address: string): AddressKind {
  const parsed = parseIp(address);
  if (!parsed) return 'invalid';
  return parsed.version === 4 ? classifyV4(parsed.bytes) : classifyV6(parsed.bytes);
}

/** True only for addresses a guarded fetch may connect to. */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}

function classifyV4(bytes: Uint8Array): AddressKind {
  return IPV4_RANGES.find((range) => inRange(bytes, range))?.kind ?? 'public';
}

function classifyV6(bytes: Uint8Array): AddressKind {
  const embedded = embeddedIpv4(bytes);
  if (embedded) return classifyV4(embedded);
  if (bytes.every((byte) => byte === 0)) return 'unspecified';
  if (bytes.slice(0, 15).every((byte) => byte === 0) && bytes[15] === 1) return 'loopback';
  if ((bytes[0]! & 0xe0) === 0x20) {
    return IPV6_GLOBAL_EXCEPTIONS.find((range) => inRange(bytes, range))?.kind ?? 'public';
  }
  return IPV6_OUTSIDE_GLOBAL.find((range) => inRange(bytes, range))?.kind ?? 'reserved';
}

/**
 * The IPv4 address an IPv6 address stands for, when the stack or a gateway would deliver it to
 * that IPv4 host: IPv4-mapped (::ffff:a.b.c.d), NAT64 well-known prefix (64:ff9b::/96) and
 * 6to4 (2002:aabb:ccdd::/48). Judging the embedded address stops `::ffff:127.0.0.1` or
 * `2002:7f00:1::` from slipping past as "IPv6, not loopback".
 */
function embeddedIpv4(bytes: Uint8Array): Uint8Array | undefined {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12, 16);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) {
    return bytes.slice(12, 16);
  }
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return undefined;
}

function inRange(bytes: Uint8Array, range: Range): boolean {
  let remaining = range.bits;
  for (let index = 0; remaining > 0; index++) {
    const take = Math.min(8, remaining);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((bytes[index] ?? 0) & mask) !== ((range.prefix[index] ?? 0) & mask)) return false;
    remaining -= take;
  }
  return true;
}

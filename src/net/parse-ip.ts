/**
 * IP literals as bytes, so range checks compare numbers instead of strings (an address has many
 * spellings: `::ffff:127.0.0.1`, `::ffff:7f00:1`, `0:0:0:0:0:ffff:7f00:0001` are all the same).
 */
import { isIPv4, isIPv6 } from 'node:net';

export type ParsedIp = { version: 4; bytes: Uint8Array } | { version: 6; bytes: Uint8Array };

/**
 * Parses a canonical IPv4 dotted quad or any IPv6 form (with or without brackets or a zone id).
 * Returns undefined for anything else, including the legacy IPv4 spellings (`127.1`, `0x7f.0.0.1`)
 * that only a URL parser should expand: callers pass hosts the WHATWG URL parser already normalized.
 */
export function parseIp(text: string): ParsedIp | undefined {
  const bare = stripZone(text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text);
  if (isIPv4(bare)) return { version: 4, bytes: parseIpv4(bare) };
  if (isIPv6(bare)) return { version: 6, bytes: parseIpv6(bare) };
  return undefined;
}

// A zone id (`fe80::1%eth0`) names an interface on this machine; it does not change which
// range the address is in, and isIPv6 rejects it.
function stripZone(text: string): string {
  const percent = text.indexOf('%');
  return percent === -1 ? text : text.slice(0, percent);
}

function parseIpv4(text: string): Uint8Array {
  return Uint8Array.from(text.split('.').map(Number));
}

// Only called after isIPv6 accepted the text, so the shape is known to be valid.
function parseIpv6(text: string): Uint8Array {
  const bytes = new Uint8Array(16);
  let tail = text;
  let embeddedV4: Uint8Array | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    embeddedV4 = parseIpv4(text.slice(lastColon + 1));
    tail = text.slice(0, lastColon + 1) + '0:0';
  }
  const [head = '', rest] = tail.split('::');
  const headGroups = groups(head);
  const restGroups = rest === undefined ? [] : groups(rest);
  const all = rest === undefined ? headGroups : [...headGroups, ...new Array<number>(8 - headGroups.length - restGroups.length).fill(0), ...restGroups];
  all.forEach((group, index) => {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 0xff;
  });
  if (embeddedV4) bytes.set(embeddedV4, 12);
  return bytes;
}

function groups(part: string): number[] {
  return part === '' ? [] : part.split(':').map((group) => parseInt(group, 16));
}

/** Byte-wise equality of two arrays (used on public keys only, so no constant-time need). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * The SHA-256 digests reports and registries record (input, fetched documents, extra contexts,
 * trust registries), as lowercase hex. A leaf: anything may use it.
 */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of bytes, or of text as UTF-8. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

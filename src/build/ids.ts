/** Identifiers for things the caller did not name. */
import { randomUUID } from 'node:crypto';

/** A fresh `urn:uuid:` (UUID v4) from the platform CSPRNG. */
export function newUrnUuid(): string {
  return `urn:uuid:${randomUUID()}`;
}

/**
 * Credential ids for a batch, derived rather than random (UUID v5, RFC 9562): the same batch and
 * the same row always give the same id. That is what makes a batch resumable: a re-run after an
 * interruption finds which credentials exist, and the status store's allocate() (idempotent per
 * id) hands a re-issued credential the same status entry.
 */
import { v5 as uuidV5 } from 'uuid';
import { Obv3Error } from '../errors.js';

/** obv3's namespace for batch ids (a fixed random UUID; never change it, or ids change). */
const OBV3_BATCH_NAMESPACE = '7d8c4e43-ce8f-41e3-8796-e879faffe4f5';

/**
 * `urn:uuid:` of the credential for `recipient` and `achievementId` in batch `batchId`. The row is
 * named by what it awards to whom, not by its line number, so sorting the roster or inserting rows
 * does not change any id. `recipient` is compared as given (callers lower-case e-mail addresses).
 */
export function batchCredentialId(batchId: string, recipient: string, achievementId: string): string {
  for (const [name, value] of [['batchId', batchId], ['recipient', recipient], ['achievementId', achievementId]] as const) {
    if (typeof value !== 'string' || value.length === 0) throw new Obv3Error('INVALID_ARGUMENT', `batchCredentialId: ${name} must be a non-empty string.`);
  }
  const batchNamespace = uuidV5(batchId, OBV3_BATCH_NAMESPACE);
  return `urn:uuid:${uuidV5(`${achievementId}\n${recipient}`, batchNamespace)}`;
}

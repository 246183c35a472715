/**
 * 1EdTech's Revocation List status method (OB 3.0 §"Revocation"): the entry's `id` is the URL of
 * a JSON list `{ id, issuer, revokedCredentials: [{ id, revocationReason? }] }` published by the
 * issuer. The list carries no proof, so it counts only when fetched over HTTPS and when it names
 * the credential's issuer.
 */
import { asArray, isObject, issuerId } from '../credential-fields.js';
import type { VerificationContext } from '../verification-context.js';
import { unavailable, type StatusEntryResult } from './status-entry-result.js';

const TYPE = '1EdTechRevocationList';
/** A revocation list longer than this is refused (a plausible issuer revokes far fewer). */
const MAX_REVOKED_ENTRIES = 1_000_000;

export async function check1EdTechRevocationList(entry: Record<string, unknown>, context: VerificationContext): Promise<StatusEntryResult> {
  const url = entry.id;
  if (typeof url !== 'string' || !url.startsWith('https://')) {
    return unavailable(TYPE, 'MALFORMED_ENTRY', `A 1EdTechRevocationList entry's id must be the HTTPS URL of the list; it is ${JSON.stringify(url)}.`);
  }
  const credentialId = context.credential.id;
  if (typeof credentialId !== 'string') {
    return unavailable(TYPE, 'MALFORMED_ENTRY', 'The credential has no id, so a revocation list cannot name it.', { listUrl: url });
  }
  const result = await context.fetcher.fetchJson(url);
  if (!result.ok) return unavailable(TYPE, 'STATUS_RETRIEVAL_ERROR', `The revocation list could not be fetched: ${result.message}`, { listUrl: url });
  const asOf = result.document.fetchedAt;
  const base = { type: TYPE, listUrl: url, asOf };
  const list = result.json;
  if (!isObject(list) || !Array.isArray(list.revokedCredentials)) {
    return unavailable(TYPE, 'MALFORMED', `${url} is not a revocation list (no revokedCredentials array).`, base);
  }
  if (list.revokedCredentials.length > MAX_REVOKED_ENTRIES) {
    return unavailable(TYPE, 'MALFORMED', `${url} lists more than ${MAX_REVOKED_ENTRIES} revoked credentials.`, base);
  }
  const listIssuer = issuerId(list);
  const credentialIssuer = issuerId(context.credential);
  if (listIssuer !== credentialIssuer && !context.options.policy.acceptStatusListFromOtherIssuer) {
    return {
      ...base,
      outcome: 'rejected',
      code: 'STATUS_LIST_ISSUER_MISMATCH',
      message: `The revocation list ${url} names issuer ${String(listIssuer)}, not the credential's issuer ${String(credentialIssuer)}.`,
    };
  }
  const revoked = asArray(list.revokedCredentials).find((r) => isObject(r) && r.id === credentialId);
  if (revoked && isObject(revoked)) {
    const reason = typeof revoked.revocationReason === 'string' ? ` Reason: ${revoked.revocationReason}` : '';
    return { ...base, outcome: 'set', code: 'REVOKED', message: `Revoked: ${url} lists ${credentialId} (as of ${asOf}).${reason}` };
  }
  return { ...base, outcome: 'clear', message: `Not revoked as of ${asOf}: ${url} does not list ${credentialId}.` };
}

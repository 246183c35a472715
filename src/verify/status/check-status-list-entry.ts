/**
 * BitstringStatusListEntry (W3C Recommendation) and its predecessor StatusList2021Entry, checked
 * by the Recommendation's validation algorithm: fetch the list credential, verify its proof and
 * validity period, match the purpose, decode the bits with a size cap, read the entry's status.
 * Unlike the Digital Bazaar checker, a list signed by someone other than the credential's issuer
 * is not silently accepted, `statusPurpose` may be an array, `statusSize` is honoured, and
 * decompression is bounded.
 */
import { MIN_STATUS_LIST_LENGTH, readBits, StatusListError } from '../../status/index.js';
import { issuerId } from '../credential-fields.js';
import type { VerificationContext } from '../verification-context.js';
import { obtainStatusList, type VerifiedStatusList } from './obtain-status-list.js';
import { readStatusEntry, type StatusEntryFields } from './read-status-entry.js';
import { unavailable, type StatusEntryResult } from './status-entry-result.js';

export async function checkStatusListEntry(entry: Record<string, unknown>, context: VerificationContext): Promise<StatusEntryResult> {
  const fields = readStatusEntry(entry);
  if (!fields.ok) return fields.result;
  const { type, purpose, url, index, statusSize, numericIndex } = fields;
  const base = { type, purpose, listUrl: url };

  const obtained = await obtainStatusList(url, type === 'BitstringStatusListEntry' ? 'BitstringStatusList' : 'StatusList2021', context);
  if (!obtained.ok) return { ...obtained.result, ...base };
  const list = obtained.list;
  const asOf = list.fetched.fetchedAt;
  const detail = { ...base, asOf, ...(numericIndex ? { numericIndex } : {}), ...(obtained.fromCache ? { fromCache: true } : {}) };

  const credentialIssuer = issuerId(context.credential);
  const otherIssuer = list.issuer !== credentialIssuer ? list.issuer : undefined;
  if (otherIssuer && !context.options.policy.acceptStatusListFromOtherIssuer) {
    return {
      ...detail,
      outcome: 'rejected',
      code: 'STATUS_LIST_ISSUER_MISMATCH',
      message: `The status list ${url} is issued by ${list.issuer}, not by the credential's issuer ${String(credentialIssuer)}; set acceptStatusListFromOtherIssuer to trust lists from another issuer.`,
    };
  }
  // The list is a live document: it must have been valid when it was fetched (which is what the
  // status is "as of"), whatever instant options.now asks about.
  const fetchedAt = Date.parse(asOf);
  if ((list.validFrom && list.validFrom.getTime() > fetchedAt) || (list.validUntil && list.validUntil.getTime() < fetchedAt)) {
    return unavailable(type, 'STATUS_VERIFICATION_ERROR',
      `The status list ${url} was outside its validity period (${list.validFrom?.toISOString() ?? '…'} – ${list.validUntil?.toISOString() ?? '…'}) when fetched at ${asOf}.`, detail);
  }
  if (!list.purposes.includes(purpose)) {
    return unavailable(type, 'STATUS_VERIFICATION_ERROR', `The list at ${url} is for ${list.purposes.join(', ')}, not ${purpose}.`, detail);
  }
  if (list.length / statusSize < MIN_STATUS_LIST_LENGTH) {
    return unavailable(type, 'STATUS_LIST_LENGTH_ERROR',
      `The list at ${url} holds ${Math.floor(list.length / statusSize)} entries of ${statusSize} bit(s); at least ${MIN_STATUS_LIST_LENGTH} are required.`, detail);
  }
  let value: number;
  try {
    value = readBits(list.bits, index, statusSize);
  } catch (error) {
    const reason = error instanceof StatusListError ? error.reason : 'MALFORMED';
    return unavailable(type, reason, `Index ${index} cannot be read from the list at ${url}: ${(error as Error).message}`, detail);
  }
  return { ...judge(value, fields, list, asOf), ...detail, ...(otherIssuer ? { otherIssuer } : {}) };
}

/** What the status value means for the credential's validity. */
function judge(value: number, fields: StatusEntryFields, list: VerifiedStatusList, asOf: string): Omit<StatusEntryResult, 'type'> {
  const { purpose, index, statusMessages } = fields;
  const where = `index ${index} of ${list.url}`;
  if (purpose === 'revocation' || purpose === 'suspension') {
    if (value === 0) return { outcome: 'clear', message: `Not ${purpose === 'revocation' ? 'revoked' : 'suspended'} as of ${asOf} (${where}).` };
    return {
      outcome: 'set',
      code: purpose === 'revocation' ? 'REVOKED' : 'SUSPENDED',
      message: `${purpose === 'revocation' ? 'Revoked' : 'Suspended'}: ${where} is set (as of ${asOf}).`,
    };
  }
  // `message` and `refresh` statuses inform; they do not make a credential invalid.
  const hex = `0x${value.toString(16)}`;
  const message = statusMessages?.find((m) => Number.parseInt(m.status, 16) === value)?.message;
  return {
    outcome: 'clear',
    statusValue: hex,
    ...(message ? { statusMessage: message } : {}),
    message: `Status "${purpose}" at ${where} is ${hex}${message ? ` ("${message}")` : ''} as of ${asOf}; it does not affect validity.`,
  };
}

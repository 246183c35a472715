/**
 * Reads the fields of a BitstringStatusListEntry / StatusList2021Entry before anything is
 * fetched, so a malformed entry is reported without a network call.
 */
import { MAX_STATUS_SIZE, type StatusMessage } from '../../status/index.js';
import { unavailable, type StatusEntryResult } from './status-entry-result.js';

export interface StatusEntryFields {
  ok: true;
  type: 'BitstringStatusListEntry' | 'StatusList2021Entry';
  purpose: string;
  url: string;
  index: number;
  /** Bits per status; 1 unless the entry says otherwise. */
  statusSize: number;
  statusMessages?: StatusMessage[];
  /** statusListIndex was a JSON number, not the string the spec requires (read anyway). */
  numericIndex: boolean;
}

export function readStatusEntry(entry: Record<string, unknown>): StatusEntryFields | { ok: false; result: StatusEntryResult } {
  const type = entry.type === 'StatusList2021Entry' ? 'StatusList2021Entry' : 'BitstringStatusListEntry';
  const refuse = (reason: string, message: string, extra: Partial<StatusEntryResult> = {}) => ({ ok: false as const, result: unavailable(type, reason, message, extra) });

  const purpose = entry.statusPurpose;
  if (typeof purpose !== 'string' || purpose.length === 0) return refuse('MALFORMED_ENTRY', 'The status entry has no statusPurpose.');
  const url = entry.statusListCredential;
  if (typeof url !== 'string' || !url.startsWith('https://')) {
    return refuse('MALFORMED_ENTRY', `statusListCredential must be an HTTPS URL; it is ${JSON.stringify(url)}.`, { purpose });
  }
  const where = { purpose, listUrl: url };
  const rawIndex = entry.statusListIndex;
  const numericIndex = typeof rawIndex === 'number';
  const index = typeof rawIndex === 'string' && /^\d{1,15}$/.test(rawIndex) ? Number(rawIndex) : numericIndex && Number.isSafeInteger(rawIndex) && rawIndex >= 0 ? rawIndex : Number.NaN;
  if (!Number.isSafeInteger(index)) {
    return refuse('MALFORMED_ENTRY', `statusListIndex must be a non-negative integer as a string; it is ${JSON.stringify(rawIndex)}.`, where);
  }

  const statusSize = entry.statusSize ?? 1;
  if (typeof statusSize !== 'number' || !Number.isInteger(statusSize) || statusSize < 1) {
    return refuse('MALFORMED_ENTRY', `statusSize must be a positive integer; it is ${JSON.stringify(entry.statusSize)}.`, where);
  }
  if (statusSize > 1 && (type === 'StatusList2021Entry' || purpose === 'revocation' || purpose === 'suspension')) {
    return refuse('STATUS_SIZE_UNSUPPORTED',
      `statusSize ${statusSize} with purpose "${purpose}"${type === 'StatusList2021Entry' ? ' in a StatusList2021Entry' : ''} is not supported: revocation and suspension are single-bit statuses.`, where);
  }
  if (statusSize > MAX_STATUS_SIZE) {
    return refuse('STATUS_SIZE_UNSUPPORTED', `statusSize ${statusSize} is larger than the ${MAX_STATUS_SIZE} bits obv3 reads.`, where);
  }
  let statusMessages: StatusMessage[] | undefined;
  if (statusSize > 1) {
    // The Recommendation: a multi-bit status must say what each of its 2^statusSize values means.
    const messages = entry.statusMessage;
    const valid = Array.isArray(messages) && messages.every((m) => typeof m?.status === 'string' && /^0x[0-9a-f]+$/i.test(m.status) && typeof m.message === 'string');
    if (!valid || messages.length !== 2 ** statusSize) {
      return refuse('MALFORMED_ENTRY', `A statusSize of ${statusSize} needs a statusMessage array of ${2 ** statusSize} { status: "0x…", message } entries.`, where);
    }
    statusMessages = messages as StatusMessage[];
  }
  return { ok: true, type, purpose, url, index, statusSize, numericIndex, ...(statusMessages ? { statusMessages } : {}) };
}

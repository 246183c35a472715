/**
 * `status`: revoked or suspended? Every credentialStatus entry is checked (BitstringStatusList,
 * StatusList2021, 1EdTech Revocation List); any other type is `indeterminate`, never a silent
 * pass. Status is as of when each list was fetched, which the report says, not as of `now`.
 */
import { asArray, isObject } from '../credential-fields.js';
import type { Check } from '../report.js';
import { check1EdTechRevocationList } from '../status/check-1edtech-revocation-list.js';
import { checkStatusListEntry } from '../status/check-status-list-entry.js';
import type { StatusEntryResult } from '../status/status-entry-result.js';
import type { CheckDefinition, VerificationContext } from '../verification-context.js';

/** More entries than this is not a real credential (the official schema allows one). */
const MAX_STATUS_ENTRIES = 4;
/** A fetch this close to `now` is "now"; further apart, the report says which instant it shows. */
const AS_OF_TOLERANCE_MS = 60_000;

export const statusCheck: CheckDefinition = {
  id: 'status',
  async run(context) {
    const entries = asArray(context.credential.credentialStatus);
    if (entries.length === 0) return { status: 'skipped', message: 'The credential declares no credentialStatus: there is no revocation list to check.' };
    if (entries.length > MAX_STATUS_ENTRIES) {
      return { status: 'indeterminate', code: 'STATUS_UNAVAILABLE', message: `The credential declares ${entries.length} status entries; at most ${MAX_STATUS_ENTRIES} are checked.` };
    }
    const results = await Promise.all(entries.map((entry) => checkEntry(entry, context)));
    return combine(results, context);
  },
};

async function checkEntry(entry: unknown, context: VerificationContext): Promise<StatusEntryResult> {
  if (!isObject(entry)) return { type: 'unknown', outcome: 'unavailable', code: 'STATUS_UNAVAILABLE', reason: 'MALFORMED_ENTRY', message: 'A credentialStatus entry must be an object.' };
  switch (entry.type) {
    case 'BitstringStatusListEntry':
    case 'StatusList2021Entry':
      return checkStatusListEntry(entry, context);
    case '1EdTechRevocationList':
      return check1EdTechRevocationList(entry, context);
    default:
      return {
        type: String(entry.type),
        outcome: 'unavailable',
        code: 'STATUS_TYPE_UNSUPPORTED',
        message: `The status type ${JSON.stringify(entry.type)} is not one obv3 can check (BitstringStatusListEntry, StatusList2021Entry, 1EdTechRevocationList), so the status is unknown.`,
      };
  }
}

function combine(results: StatusEntryResult[], context: VerificationContext): Omit<Check, 'id'> {
  const details = { entries: results };
  const decisive = results.find((r) => r.code === 'REVOKED') ?? results.find((r) => r.code === 'SUSPENDED') ?? results.find((r) => r.outcome === 'rejected');
  if (decisive) return { status: 'failed', code: decisive.code!, message: decisive.message, details };
  const open = results.find((r) => r.outcome === 'unavailable');
  if (open) {
    const accepted = context.options.policy.acceptUnavailableStatus;
    return {
      status: 'indeterminate',
      code: open.code!,
      message: `${open.message}${accepted ? ' Accepted by policy (acceptUnavailableStatus): the status was NOT confirmed.' : ''}`,
      details,
    };
  }
  const notes: string[] = [];
  const asOf = results.map((r) => r.asOf).filter((t): t is string => t !== undefined).sort()[0];
  if (asOf && Math.abs(Date.parse(asOf) - context.options.now.getTime()) > AS_OF_TOLERANCE_MS) {
    notes.push(`This is the status as of ${asOf}, when the list was fetched, not as of ${context.options.now.toISOString()}.`);
  }
  if (results.some((r) => r.numericIndex)) notes.push('statusListIndex is a JSON number; the spec requires a string (read anyway).');
  const other = results.find((r) => r.otherIssuer);
  if (other) notes.push(`The list is issued by ${other.otherIssuer}, accepted by policy (acceptStatusListFromOtherIssuer).`);
  const message = results.map((r) => r.message).join(' ');
  const warning = other ? 'STATUS_LIST_ISSUER_MISMATCH' : results.some((r) => r.numericIndex) ? 'STATUS_INDEX_NUMERIC' : undefined;
  const text = notes.length > 0 ? `${message} ${notes.join(' ')}` : message;
  return warning ? { status: 'warning', code: warning, message: text, details } : { status: 'passed', message: text, details };
}

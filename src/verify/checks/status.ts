/**
 * `status`: revocation and suspension. This version cannot read status lists yet, so a credential
 * that declares a `credentialStatus` is `indeterminate` (STATUS_UNAVAILABLE) — never silently
 * treated as not revoked — and the default policy does not call it verified.
 */
import { asArray, isObject } from '../credential-fields.js';
import type { CheckDefinition } from '../verification-context.js';

export const statusCheck: CheckDefinition = {
  id: 'status',
  run({ credential }) {
    const entries = asArray(credential.credentialStatus);
    if (entries.length === 0) return { status: 'skipped', message: 'The credential declares no credentialStatus: there is no revocation list to check.' };
    const kinds = entries.map((e) => (isObject(e) && typeof e.type === 'string' ? e.type : 'unknown'));
    return {
      status: 'indeterminate',
      code: 'STATUS_UNAVAILABLE',
      message: `The credential declares a status (${kinds.join(', ')}), but this version of obv3 cannot read status lists, so whether it was revoked or suspended is unknown.`,
      details: { credentialStatus: credential.credentialStatus },
    };
  },
};

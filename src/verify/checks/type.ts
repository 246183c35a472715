/** `type`: a VerifiableCredential that is an Open Badge, an endorsement or a CLR 2.0 bundle. */
import { types } from '../credential-fields.js';
import type { CheckDefinition } from '../verification-context.js';

const CREDENTIAL_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential'] as const;

export const typeCheck: CheckDefinition = {
  id: 'type',
  run({ credential }) {
    const found = types(credential);
    const kind = CREDENTIAL_TYPES.find((t) => found.includes(t));
    if (!found.includes('VerifiableCredential') || !kind) {
      return {
        status: 'failed',
        code: 'TYPE_INVALID',
        message: `type must include "VerifiableCredential" and one of ${CREDENTIAL_TYPES.join(', ')}; it is ${JSON.stringify(credential.type)}.`,
      };
    }
    return { status: 'passed', message: `${/^[AEIOU]/.test(kind) ? 'An' : 'A'} ${kind}.`, details: { type: found } };
  },
};

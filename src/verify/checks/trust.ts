/** `trust`: whether the proven issuer is one the caller trusts. No registry is configured in this version. */
import type { CheckDefinition } from '../verification-context.js';

export const trustCheck: CheckDefinition = {
  id: 'trust',
  run() {
    return {
      status: 'skipped',
      message: 'No trusted-issuer registry was given: the report proves who issued the credential, not whether to trust them.',
    };
  },
};

/** `endorsements`: embedded endorsements are reported; verifying them comes with the issuer-identity work. */
import { asArray, isObject } from '../credential-fields.js';
import type { CheckDefinition } from '../verification-context.js';

export const endorsementsCheck: CheckDefinition = {
  id: 'endorsements',
  run({ credential }) {
    const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
    const achievement = isObject(subject.achievement) ? subject.achievement : {};
    const issuer = isObject(credential.issuer) ? credential.issuer : {};
    const count = [credential, issuer, achievement].reduce(
      (n, node) => n + asArray(node.endorsement).length + asArray(node.endorsementJwt).length,
      0,
    );
    if (count === 0) return { status: 'skipped', message: 'The credential embeds no endorsements.' };
    return {
      status: 'skipped',
      message: `The credential embeds ${count} endorsement${count > 1 ? 's' : ''}; this version of obv3 does not verify endorsements, and they do not affect the verdict.`,
      details: { count },
    };
  },
};

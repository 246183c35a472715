/**
 * `issuer-key`: the key that signed belongs to the issuer. An impostor (one DID's key signing for
 * another issuer id) fails; an issuer id that names no keys at all (e.g. `urn:uuid:`) cannot be
 * tied to the key, which is `indeterminate` unless the policy accepts the key's controller as the
 * proven issuer.
 */
import { issuerId } from '../credential-fields.js';
import type { CheckDefinition } from '../verification-context.js';

/** Issuer ids that can publish keys: DIDs and HTTPS URLs. */
function isResolvableIssuer(id: string): boolean {
  return id.startsWith('did:') || id.startsWith('https://');
}

export const issuerKeyCheck: CheckDefinition = {
  id: 'issuer-key',
  run(context) {
    const { credential, proofs, options } = context;
    const issuer = issuerId(credential);
    // Only a valid proof proves anything about who signed.
    const candidates = proofs.filter((p): p is typeof p & { controller: string } => p.result === 'valid' && p.controller !== undefined);
    if (candidates.length === 0) {
      // A key missing from the document it points into is, by that document, nobody's key.
      const unlisted = proofs.find((p) => p.code === 'KEY_NOT_CONTROLLED_BY_ISSUER');
      if (unlisted) return { status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER', message: unlisted.message, details: { issuer, verificationMethod: unlisted.verificationMethod } };
      return { status: 'skipped', message: 'No proof is valid, so there is no signing key to tie to the issuer.' };
    }
    if (!issuer) return { status: 'failed', code: 'KEY_NOT_CONTROLLED_BY_ISSUER', message: 'The credential names no issuer id, so no key can be tied to it.' };

    const bound = candidates.find((p) => p.controller === issuer);
    if (bound) {
      context.provenIssuer = issuer;
      return { status: 'passed', message: `The key ${bound.verificationMethod} is controlled by the issuer ${issuer}.`, details: { issuer, controller: bound.controller } };
    }
    const key = candidates[0]!;
    if (isResolvableIssuer(issuer)) {
      return {
        status: 'failed',
        code: 'KEY_NOT_CONTROLLED_BY_ISSUER',
        message: `The credential claims issuer ${issuer} but was signed with ${key.verificationMethod}, controlled by ${key.controller}.`,
        details: { issuer, controller: key.controller },
      };
    }
    if (options.policy.acceptUnresolvableIssuer && key.result === 'valid') {
      context.provenIssuer = key.controller;
      return {
        status: 'warning',
        code: 'ISSUER_ACCEPTED_BY_POLICY',
        message: `The issuer id ${issuer} names no keys; by policy the signer ${key.controller} is taken as the proven issuer.`,
        details: { issuer, controller: key.controller },
      };
    }
    return {
      status: 'indeterminate',
      code: 'ISSUER_UNRESOLVABLE',
      message: `The issuer id ${issuer} cannot be resolved to keys, so nothing ties the signing key (controlled by ${key.controller}) to it. Set acceptUnresolvableIssuer to accept ${key.controller} as the issuer.`,
      details: { issuer, controller: key.controller },
    };
  },
};

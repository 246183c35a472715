/**
 * `trust`: whether the proven issuer is one the caller trusts (options.trust: registries of
 * trusted issuers and endorsers). Without a registry the check is `skipped`, never passed: the
 * report then proves who issued the credential, not whether to trust them.
 */
import { isObject, isVc11 } from '../credential-fields.js';
import { decideTrust, refOf } from '../trust/decide-trust.js';
import type { CheckDefinition } from '../verification-context.js';

export const trustCheck: CheckDefinition = {
  id: 'trust',
  run(context) {
    const { options, credential, provenIssuer } = context;
    if (!options.trust) {
      return { status: 'skipped', message: 'No trusted-issuer registry was given: the report proves who issued the credential, not whether to trust them.' };
    }
    if (context.depth > 0) return { status: 'skipped', message: 'Trust is decided for the credential presented, not for the endorsements inside it.' };
    const { registries, jurisdiction } = options.trust;
    const consulted = registries.map(refOf);
    const names = consulted.map((r) => r.name).join(', ');
    if (!provenIssuer) {
      const open = context.proofs.some((p) => p.result === 'indeterminate');
      return {
        status: open ? 'indeterminate' : 'failed',
        code: 'ISSUER_NOT_TRUSTED',
        message: `Trust is decided on the proven issuer, and no proof ties the signing key to the issuer (see the proof and issuer-key checks), so ${names} cannot vouch for it.`,
        details: { registries: consulted, ...(jurisdiction ? { jurisdiction } : {}) },
      };
    }
    const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
    const achievement = isObject(subject.achievement) ? subject.achievement : {};
    const issuer = isObject(credential.issuer) ? credential.issuer : {};
    const issuedText = credential[isVc11(credential) ? 'issuanceDate' : 'validFrom'];
    const decision = decideTrust({
      provenIssuer,
      ...(typeof issuer.name === 'string' ? { claimedName: issuer.name } : {}),
      ...(typeof achievement.achievementType === 'string' ? { achievementType: achievement.achievementType } : {}),
      ...(typeof issuedText === 'string' ? { issuedAt: new Date(issuedText) } : {}),
      endorsements: context.endorsements,
      registries,
      ...(jurisdiction ? { jurisdiction } : {}),
    });
    const base = { issuer: provenIssuer, registries: consulted, ...(jurisdiction ? { jurisdiction } : {}) };
    if (decision.trusted) return { status: 'passed', message: `Trusted: ${decision.message}`, details: { ...base, trustedBy: decision.by } };
    const why = decision.reasons.length > 0 ? decision.reasons.join(' ') : 'it is not listed as an issuer there, nor endorsed by a listed endorser.';
    return {
      status: 'failed',
      code: 'ISSUER_NOT_TRUSTED',
      message: `${provenIssuer} is not trusted by ${names}: ${why}`,
      details: { ...base, reasons: decision.reasons },
    };
  },
};

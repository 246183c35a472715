/**
 * One embedded EndorsementCredential, verified by the same pipeline as the credential around it
 * (same options, fetcher, fetch budget and provenance), and summed up as an EndorsementOutcome.
 */
import { issuerId, isObject, types } from '../credential-fields.js';
import { blockingCheck } from '../decide.js';
import type { ParsedJwt } from '../jwt/parsed-jwt.js';
import type { VerificationContext } from '../verification-context.js';
import type { EndorsementOutcome } from './outcome.js';

export async function verifyEndorsement(
  value: unknown,
  where: Pick<EndorsementOutcome, 'path' | 'depth' | 'attachedTo'>,
  context: VerificationContext,
): Promise<EndorsementOutcome[]> {
  if (!isObject(value)) {
    return [{ ...where, format: 'json', status: 'failed', code: 'ENDORSEMENT_INVALID', message: 'An endorsement must be an EndorsementCredential object (VC-JWTs go in endorsementJwt).' }];
  }
  return verifyEndorsementCredential(value, where, context);
}

/**
 * An endorsement credential, parsed (from JSON or, with `jwt`, from an endorsementJwt), verified
 * one level down and summed up with the endorsements nested in it.
 */
export async function verifyEndorsementCredential(
  value: Record<string, unknown>,
  where: Pick<EndorsementOutcome, 'path' | 'depth' | 'attachedTo'>,
  context: VerificationContext,
  jwt?: ParsedJwt,
): Promise<EndorsementOutcome[]> {
  const base = { ...where, format: jwt ? ('jwt' as const) : ('json' as const) };
  const subject = isObject(value.credentialSubject) ? value.credentialSubject : {};
  const about = {
    ...(typeof value.id === 'string' ? { id: value.id } : {}),
    ...(typeof value.name === 'string' ? { name: value.name } : {}),
    ...(issuerId(value) ? { endorser: issuerId(value) } : {}),
    ...(typeof subject.id === 'string' ? { endorses: subject.id } : {}),
  };
  if (!types(value).includes('EndorsementCredential')) {
    return [{ ...base, ...about, status: 'failed', code: 'ENDORSEMENT_INVALID', message: `An endorsement must have type EndorsementCredential; it has ${JSON.stringify(value.type)}.` }];
  }
  const result = await context.verifyEndorsement(value, jwt);
  const checks = result.checks.map(({ id, status, code, message }) => ({ id, status, ...(code ? { code } : {}), message }));
  const proven = result.provenIssuer ? { provenEndorser: result.provenIssuer } : {};
  const by = about.endorser ? ` by ${about.endorser}` : '';
  let outcome: EndorsementOutcome;
  if (result.verified) {
    outcome = { ...base, ...about, ...proven, status: 'verified', message: `Endorsement${by} of ${about.endorses ?? 'its subject'} verified.`, checks };
  } else {
    // The check the policy does not accept (a status list it accepts as unavailable is not one).
    const reason = blockingCheck(result.checks, context.options.policy);
    const failed = reason?.status === 'failed';
    outcome = {
      ...base,
      ...about,
      ...proven,
      status: failed ? 'failed' : 'indeterminate',
      code: failed ? 'ENDORSEMENT_INVALID' : 'ENDORSEMENT_UNVERIFIABLE',
      message: `Endorsement${by} ${failed ? 'is not valid' : 'could not be verified'}: ${reason ? `${reason.id} ${reason.code ? `${reason.code}: ` : ''}${reason.message}` : 'see its checks'}`,
      checks,
    };
  }
  const nested = result.endorsements.map((inner) => ({ ...inner, path: `${where.path}${inner.path}` }));
  return [outcome, ...nested];
}

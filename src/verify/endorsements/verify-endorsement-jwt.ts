/**
 * An `endorsementJwt` entry: a compact VC-JWT endorsement, parsed as verifyCredential parses a
 * JWT input (same caps) and verified one level down by the same pipeline as JSON endorsements,
 * with `context.fetcher` (shared budget and provenance).
 */
import { isCompactJws } from '../../proof/compact-jws.js';
import { parseInput } from '../parse-input.js';
import type { VerificationContext } from '../verification-context.js';
import type { EndorsementOutcome } from './outcome.js';
import { verifyEndorsementCredential } from './verify-endorsement.js';

export async function verifyEndorsementJwt(
  jwt: string,
  where: Pick<EndorsementOutcome, 'path' | 'depth' | 'attachedTo'>,
  context: VerificationContext,
): Promise<EndorsementOutcome[]> {
  if (!isCompactJws(jwt.trim())) {
    return [{ ...where, format: 'jwt', status: 'failed', code: 'ENDORSEMENT_INVALID', message: 'An endorsementJwt entry must be a compact JWS (header.payload.signature).' }];
  }
  const parsed = parseInput(jwt, context.options);
  if (!parsed.credential || !parsed.jwt) {
    return [{ ...where, format: 'jwt', status: 'failed', code: 'ENDORSEMENT_INVALID', message: `The endorsementJwt does not hold a credential: ${parsed.check.code ? `${parsed.check.code}: ` : ''}${parsed.check.message}` }];
  }
  return verifyEndorsementCredential(parsed.credential, where, context, parsed.jwt);
}

/**
 * An `endorsementJwt` entry. Verifying it needs the VC-JWT verifier, which comes with the
 * portable-badges work (issue 6); until then each one is reported as not verified, saying why,
 * and never as a pass. This is the one place the JWT verifier plugs in: verify the JWT as
 * verifyCredential verifies a JWT input, with `context.fetcher` (shared budget and provenance) and
 * `context.depth + 1`, and sum the result up as verify-endorsement.ts does for JSON ones.
 */
import type { VerificationContext } from '../verification-context.js';
import type { EndorsementOutcome } from './outcome.js';

export async function verifyEndorsementJwt(
  jwt: string,
  where: Pick<EndorsementOutcome, 'path' | 'depth' | 'attachedTo'>,
  _context: VerificationContext,
): Promise<EndorsementOutcome> {
  return {
    ...where,
    format: 'jwt',
    status: 'unverified',
    code: 'ENDORSEMENT_JWT_UNSUPPORTED',
    message: `A VC-JWT endorsement (${jwt.length} characters): this version of obv3 cannot verify VC-JWTs yet, so it was not checked.`,
  };
}

/**
 * `challenge` and `domain`: the holder's proof must carry exactly the verifier's one-time
 * challenge (no replay of an old presentation) and its domain (no presentation made for another
 * verifier). Read from the authentication proof; the signature check makes them trustworthy.
 */
import type { PresentationCheck } from '../presentation-report.js';

export function checkChallenge(proof: Record<string, unknown> | undefined, expected: string): Omit<PresentationCheck, 'id'> {
  if (!proof) return { status: 'skipped', message: 'No authentication proof to read the challenge from (see the proof check).' };
  const found = proof.challenge;
  if (found === undefined) {
    return { status: 'failed', code: 'CHALLENGE_MISSING', message: 'The holder\'s proof carries no challenge, so nothing shows it was made for this request; it could be a replay.' };
  }
  if (found !== expected) {
    return { status: 'failed', code: 'CHALLENGE_MISMATCH', message: `The holder's proof answers the challenge ${JSON.stringify(found)}, not this request's: it was made for another request (a replay?).`, details: { expected, found } };
  }
  return { status: 'passed', message: 'The proof answers this request\'s challenge.', details: { challenge: found } };
}

export function checkDomain(proof: Record<string, unknown> | undefined, expected: string | undefined): Omit<PresentationCheck, 'id'> {
  if (expected === undefined) {
    const noted = proof?.domain !== undefined ? ` (the proof names ${JSON.stringify(proof.domain)})` : '';
    return { status: 'skipped', message: `No domain was expected (options.domain), so none was checked${noted}.` };
  }
  if (!proof) return { status: 'skipped', message: 'No authentication proof to read the domain from (see the proof check).' };
  const found = proof.domain;
  if (found === undefined) return { status: 'failed', code: 'DOMAIN_MISSING', message: `The holder's proof names no domain, so nothing binds it to ${expected}.` };
  const domains = Array.isArray(found) ? found : [found];
  if (!domains.includes(expected)) {
    return { status: 'failed', code: 'DOMAIN_MISMATCH', message: `The holder's proof is for ${JSON.stringify(found)}, not ${expected}: it was made for another verifier.`, details: { expected, found } };
  }
  return { status: 'passed', message: `The proof is bound to ${expected}.`, details: { domain: found } };
}

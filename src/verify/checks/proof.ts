/**
 * `proof`: at least one proof is valid with a key its controller authorizes. Every proof is
 * examined and reported (unknown types included); the first valid one decides. For a VC-JWT,
 * the JWS signature and its claims (see ../jwt/check-jwt-proof.ts).
 */
import { asArray } from '../credential-fields.js';
import { checkJwtProof } from '../jwt/check-jwt-proof.js';
import { MAX_PROOFS } from '../limits.js';
import type { CheckDefinition } from '../verification-context.js';
import { verifyProof } from '../verify-proof.js';

export const proofCheck: CheckDefinition = {
  id: 'proof',
  async run(context) {
    // A VC-JWT is secured by its JWS, checked by the JWT verifier (src/verify/jwt/).
    if (context.jwt) return checkJwtProof(context, context.jwt);
    const { credential, fetcher, options } = context;
    const proofs = asArray(credential.proof);
    if (proofs.length === 0) {
      return { status: 'failed', code: 'PROOF_MISSING', message: 'The credential has no proof: anyone could have written it.' };
    }
    if (proofs.length > MAX_PROOFS) {
      return { status: 'failed', code: 'PROOF_INVALID', message: `The credential carries ${proofs.length} proofs; at most ${MAX_PROOFS} are examined.` };
    }
    const outcomes = await Promise.all(proofs.map((p, i) => verifyProof(credential, p, i, { fetcher, contexts: options.contexts, now: options.now })));
    context.proofs = outcomes;
    const details = { proofs: outcomes };
    const valid = outcomes.find((o) => o.result === 'valid');
    if (valid) {
      const others = outcomes.length - 1;
      const note = others > 0 ? ` ${others} other proof${others > 1 ? 's were' : ' was'} also examined (see details).` : '';
      if (valid.legacyCryptosuite) {
        return { status: 'warning', code: 'LEGACY_CRYPTOSUITE', message: `${valid.message} It uses "eddsa-2022", the pre-standard name of eddsa-rdfc-2022.${note}`, details };
      }
      return { status: 'passed', message: `${valid.message}${note}`, details };
    }
    const undecided = outcomes.find((o) => o.result === 'indeterminate');
    const decisive = outcomes.find((o) => o.result === 'invalid') ?? outcomes.find((o) => o.result === 'unsupported');
    // One valid proof is enough, so a proof we could not check (its key needs the network) keeps
    // the question open even when another proof failed outright: it may be the valid one.
    const shown = undecided ?? decisive;
    if (!shown) return { status: 'failed', code: 'PROOF_INVALID', message: 'No proof could be verified.', details };
    return { status: shown.result === 'indeterminate' ? 'indeterminate' : 'failed', code: shown.code, message: shown.message, details };
  },
};

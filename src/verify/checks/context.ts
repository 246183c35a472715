/**
 * `@context`: a VC context first, an OB 3.0 context present (a ClrCredential also needs a CLR 2.0
 * context), every URL one we carry.
 */
import { CLR_CONTEXT, CLR_CONTEXTS, OB_CONTEXT, OB_CONTEXTS, VC_V1_CONTEXT, VC_V2_CONTEXT, getBundledContext } from '../../contexts/bundled.js';
import { asArray, isClr } from '../credential-fields.js';
import type { CheckDefinition } from '../verification-context.js';

const OB_CONTEXT_SET: ReadonlySet<string> = new Set(OB_CONTEXTS);
const CLR_CONTEXT_SET: ReadonlySet<string> = new Set(CLR_CONTEXTS);

export const contextCheck: CheckDefinition = {
  id: 'context',
  run({ credential, options }) {
    const contexts = asArray(credential['@context']);
    if (contexts.length === 0) {
      return { status: 'failed', code: 'CONTEXT_MISSING', message: 'The credential has no @context; the first must be https://www.w3.org/ns/credentials/v2.' };
    }
    const first = contexts[0];
    if (first !== VC_V2_CONTEXT && first !== VC_V1_CONTEXT) {
      return {
        status: 'failed',
        code: 'CONTEXT_ORDER',
        message: `The first @context must be ${VC_V2_CONTEXT} (or ${VC_V1_CONTEXT} for VC 1.1); it is ${JSON.stringify(first)}.`,
      };
    }
    const unknown = contexts.filter((c) => typeof c === 'string' && !getBundledContext(c) && !options.contexts.has(c));
    if (unknown.length > 0) {
      return {
        status: 'failed',
        code: 'CONTEXT_UNKNOWN',
        message: `Unknown JSON-LD context${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: obv3 never fetches contexts, so terms they define cannot be checked.`,
        details: { unknown },
      };
    }
    const invalid = contexts.filter((c) => typeof c !== 'string' && (typeof c !== 'object' || c === null || Array.isArray(c)));
    if (invalid.length > 0) {
      return { status: 'failed', code: 'CONTEXT_UNKNOWN', message: 'Every @context entry must be a URL or a context object.' };
    }
    const clr = isClr(credential) ? contexts.find((c): c is string => typeof c === 'string' && CLR_CONTEXT_SET.has(c)) : undefined;
    if (isClr(credential) && !clr) {
      return { status: 'failed', code: 'CONTEXT_MISSING', message: `A ClrCredential must use the CLR 2.0 context; add ${CLR_CONTEXT} after the VC context.` };
    }
    const ob = contexts.find((c): c is string => typeof c === 'string' && OB_CONTEXT_SET.has(c));
    if (!ob) {
      // A CLR needs it too: the CLR context defines only the CLR classes, not Achievement or Profile.
      return { status: 'failed', code: 'CONTEXT_MISSING', message: `The credential does not use an Open Badges 3.0 context; add ${OB_CONTEXT} after the VC context.` };
    }
    if (first === VC_V1_CONTEXT) {
      return { status: 'warning', code: 'VC_1_1', message: 'A VC 1.1 credential (issuanceDate, credentials/v1 context): still verified, but new credentials use VC 2.0.', details: { contexts } };
    }
    if (ob !== OB_CONTEXT) {
      return { status: 'warning', code: 'CONTEXT_OUTDATED', message: `Uses the older OB context ${ob}; current is ${OB_CONTEXT}.`, details: { contexts } };
    }
    if (clr !== undefined && clr !== CLR_CONTEXT) {
      return { status: 'warning', code: 'CONTEXT_OUTDATED', message: `Uses the older CLR context ${clr}; current is ${CLR_CONTEXT}.`, details: { contexts } };
    }
    const names = clr ? 'VC 2.0, CLR 2.0.1 and OB 3.0.3 contexts are present' : 'VC 2.0 and OB 3.0.3 contexts are in the required order';
    return { status: 'passed', message: `The ${names}; every context is bundled.`, details: { contexts } };
  },
};

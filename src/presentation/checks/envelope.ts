/** `context` and `type` of a presentation: a VC context first, every context bundled, type VerifiablePresentation. */
import { VC_V1_CONTEXT, VC_V2_CONTEXT, getBundledContext } from '../../contexts/bundled.js';
import { asArray, types } from '../../verify/credential-fields.js';
import type { NormalizedVerifyOptions } from '../../verify/options.js';
import type { PresentationCheck } from '../presentation-report.js';

export function checkPresentationContext(presentation: Record<string, unknown>, options: NormalizedVerifyOptions): Omit<PresentationCheck, 'id'> {
  const contexts = asArray(presentation['@context']);
  if (contexts.length === 0) return { status: 'failed', code: 'CONTEXT_MISSING', message: `The presentation has no @context; the first must be ${VC_V2_CONTEXT}.` };
  if (contexts[0] !== VC_V2_CONTEXT && contexts[0] !== VC_V1_CONTEXT) {
    return { status: 'failed', code: 'CONTEXT_ORDER', message: `The first @context must be ${VC_V2_CONTEXT}; it is ${JSON.stringify(contexts[0])}.` };
  }
  const unknown = contexts.filter((c) => typeof c !== 'string' ? typeof c !== 'object' || c === null || Array.isArray(c) : !getBundledContext(c) && !options.contexts.has(c));
  if (unknown.length > 0) {
    return { status: 'failed', code: 'CONTEXT_UNKNOWN', message: `Unknown JSON-LD context${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => JSON.stringify(c)).join(', ')}: obv3 never fetches contexts.`, details: { unknown } };
  }
  if (contexts[0] === VC_V1_CONTEXT) return { status: 'warning', code: 'VC_1_1', message: 'A VC 1.1 presentation: still verified, but new presentations use VC 2.0.', details: { contexts } };
  return { status: 'passed', message: 'The VC 2.0 context comes first; every context is bundled.', details: { contexts } };
}

export function checkPresentationType(presentation: Record<string, unknown>): Omit<PresentationCheck, 'id'> {
  const found = types(presentation);
  if (!found.includes('VerifiablePresentation')) {
    return { status: 'failed', code: 'TYPE_INVALID', message: `type must include "VerifiablePresentation"; it is ${JSON.stringify(presentation.type)}.` };
  }
  return { status: 'passed', message: 'A VerifiablePresentation.', details: { type: found } };
}

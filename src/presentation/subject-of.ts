import { isObject } from '../verify/credential-fields.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES } from '../verify/limits.js';
import { parseInput } from '../verify/parse-input.js';

/** A VC-JWT is read under the verifier's default caps, as verifyCredential would read it. */
const LIMITS = { maxInputBytes: DEFAULT_MAX_INPUT_BYTES, maxDepth: DEFAULT_MAX_DEPTH };

/** `credentialSubject.id` of a credential object or of the credential a VC-JWT carries (not verified). */
export function subjectIdOf(credential: Record<string, unknown> | string): string | undefined {
  const value = typeof credential === 'string' ? parseInput(credential, LIMITS).credential : credential;
  const subject = value?.credentialSubject;
  const id = isObject(subject) ? subject.id : undefined;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

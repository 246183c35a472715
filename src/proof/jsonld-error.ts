/**
 * Reading the errors jsonld.js and jsonld-signatures throw: they wrap the error that matters
 * (our loader's CONTEXT_UNKNOWN, a safe-mode event) in `details.cause` or `cause`, and a safe-mode
 * error's own message does not say which term was the problem.
 */
import { isObv3Error } from '../errors.js';

/** The innermost error: the one that says what actually went wrong. */
export function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 6; depth++) {
    if (isObv3Error(current)) return current;
    const next = (current as { details?: { cause?: unknown } } | undefined)?.details?.cause ?? (current as { cause?: unknown } | undefined)?.cause;
    if (next === undefined || next === null) return current;
    current = next;
  }
  return current;
}

interface SafeModeEvent {
  code?: unknown;
  message?: unknown;
  details?: { property?: unknown; term?: unknown; type?: unknown; value?: unknown; iri?: unknown };
}

/** The message of a (possibly wrapped) error, naming the offending term for safe-mode errors. */
export function describeJsonLdError(error: unknown): string {
  const cause = rootCause(error);
  const message = cause instanceof Error ? cause.message : String(cause ?? 'unknown error');
  const event = (cause as { details?: { event?: SafeModeEvent } } | undefined)?.details?.event;
  if (!event) return message;
  const details = event.details ?? {};
  const culprit = details.property ?? details.term ?? details.type ?? details.iri ?? details.value;
  const what = typeof event.code === 'string' ? event.code : 'invalid JSON-LD';
  return culprit === undefined ? `${message} (${what})` : `${message} (${what}: ${JSON.stringify(culprit)} is not defined by any context)`;
}

export function isSafeModeError(error: unknown): boolean {
  const cause = rootCause(error);
  return cause instanceof Error && (cause.name === 'jsonld.ValidationError' || /safe mode/i.test(cause.message));
}

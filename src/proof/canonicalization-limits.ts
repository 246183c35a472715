/**
 * Bounds on RDF canonicalization. A crafted graph of look-alike blank nodes makes RDFC-1.0 do
 * exponential work; rdf-canonize stops after `maxWorkFactor` (deep iterations = non-unique blank
 * nodes ^ factor) and when the abort signal fires. Factor 1 is the W3C-recommended low limit and
 * is far above what any real credential needs (they have no look-alike blank nodes).
 */
export const CANONICALIZATION_MAX_WORK_FACTOR = 1;
/** Wall-clock backstop for one canonicalization, in milliseconds. */
export const CANONICALIZATION_TIMEOUT_MS = 5_000;

export function canonicalizationOptions(): Record<string, unknown> {
  return {
    maxWorkFactor: CANONICALIZATION_MAX_WORK_FACTOR,
    signal: AbortSignal.timeout(CANONICALIZATION_TIMEOUT_MS),
  };
}

/** True when `error` (or its cause chain) is rdf-canonize giving up on a too-complex graph. */
export function isCanonicalizationLimitError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (/Maximum deep iterations exceeded|Abort signal received/.test(e.message)) return true;
  }
  return false;
}

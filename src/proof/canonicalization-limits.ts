/**
 * Bounds on RDF canonicalization. A crafted graph of look-alike blank nodes makes RDFC-1.0 do
 * exponential work; rdf-canonize stops after `maxWorkFactor` (deep iterations = non-unique blank
 * nodes ^ factor) and when the abort signal fires. Factor 1 is the W3C-recommended low limit and
 * is far above what any real credential needs (they have no look-alike blank nodes).
 */
export const CANONICALIZATION_MAX_WORK_FACTOR = 1;
/** Wall-clock backstop for one canonicalization, in milliseconds. */
export const CANONICALIZATION_TIMEOUT_MS = 5_000;

/**
 * Canonicalizations that start within this many milliseconds of each other share one timeout
 * signal, so each still gets between 4.9 and 5 seconds. A signal per call would cost a timer per
 * call (about as much as canonicalizing a small credential) and keep thousands of timers alive
 * in a batch.
 */
const SIGNAL_SHARING_MS = 100;
let shared: { signal: AbortSignal; since: number } | undefined;

/** The abort signal of the canonicalization backstop (rdf-canonize checks it in its slow path). */
function canonicalizationSignal(): AbortSignal {
  const now = performance.now();
  if (!shared || now - shared.since > SIGNAL_SHARING_MS) {
    shared = { signal: AbortSignal.timeout(CANONICALIZATION_TIMEOUT_MS), since: now };
  }
  return shared.signal;
}

export function canonicalizationOptions(): { maxWorkFactor: number; signal: AbortSignal } {
  return {
    maxWorkFactor: CANONICALIZATION_MAX_WORK_FACTOR,
    signal: canonicalizationSignal(),
  };
}

/** True when `error` (or its cause chain) is rdf-canonize giving up on a too-complex graph. */
export function isCanonicalizationLimitError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (/Maximum deep iterations exceeded|Abort signal received/.test(e.message)) return true;
  }
  return false;
}

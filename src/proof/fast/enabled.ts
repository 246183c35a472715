/**
 * Whether signing and verifying may take the fast path. Always on in normal use; the tests turn
 * it off to compare every result with the Digital Bazaar suites' own.
 */
let enabled = true;

export function isFastPathEnabled(): boolean {
  return enabled;
}

/** For tests: run `work` with the fast path off, then restore it. */
export async function withoutFastPath<T>(work: () => Promise<T>): Promise<T> {
  const before = enabled;
  enabled = false;
  try {
    return await work();
  } finally {
    enabled = before;
  }
}

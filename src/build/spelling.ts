/**
 * Near-miss detection for property names. OB 3.0 classes accept extension properties, so an
 * unknown name is not an error by itself; one that is a small edit away from a real property is
 * almost always a typo that would otherwise vanish into the credential unnoticed.
 */

/** The known name `candidate` is probably a misspelling of, or undefined. */
export function likelyMeant(candidate: string, known: readonly string[]): string | undefined {
  const lower = candidate.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    if (name === candidate) return undefined;
    const distance = editDistance(lower, name.toLowerCase());
    // Short names collide by chance at distance 2 (e.g. "id" vs "ab"), so scale the tolerance.
    const tolerance = name.length <= 4 ? 1 : 2;
    if (distance <= tolerance && (best === undefined || distance < best.distance)) {
      best = { name, distance };
    }
  }
  return best?.name;
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}

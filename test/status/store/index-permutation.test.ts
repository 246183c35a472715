import { describe, expect, it } from 'vitest';
import { IndexPermutation, LIST_SECRET_BYTES, newListSecret } from '../../../src/status/store/index-permutation.js';
import { isObv3Error } from '../../../src/errors.js';

function fullCycle(permutation: IndexPermutation): number[] {
  return Array.from({ length: permutation.size }, (_, n) => permutation.at(n));
}

function isBijection(outputs: number[]): boolean {
  const seen = new Uint8Array(outputs.length);
  for (const value of outputs) {
    if (!Number.isInteger(value) || value < 0 || value >= outputs.length || seen[value] === 1) return false;
    seen[value] = 1;
  }
  return true;
}

describe('IndexPermutation', () => {
  it('maps [0, 131072) onto itself one-to-one, quickly', () => {
    const started = performance.now();
    const outputs = fullCycle(new IndexPermutation(newListSecret(), 131_072));
    const elapsed = performance.now() - started;
    expect(isBijection(outputs)).toBe(true);
    expect(new Set(outputs).size).toBe(131_072);
    // Allocation must stay far below an fsync's cost; a full list taking over 2 s would mean it does not.
    expect(elapsed).toBeLessThan(2000);
  });

  it.each([1, 2, 3, 7, 1000, 4097, 131_073])('is a bijection for size %i', (size) => {
    expect(isBijection(fullCycle(new IndexPermutation(newListSecret(), size)))).toBe(true);
  });

  it('does not reveal issue order: early outputs are neither sorted nor consecutive', () => {
    const permutation = new IndexPermutation(newListSecret(), 131_072);
    const first = Array.from({ length: 100 }, (_, n) => permutation.at(n));
    expect(first).not.toEqual([...first].sort((a, b) => a - b));
    const steps = first.slice(1).map((value, n) => value - first[n]!);
    expect(steps.filter((step) => Math.abs(step) === 1).length).toBeLessThan(5);
    // Spread over the whole range rather than clustered at its start.
    expect(Math.max(...first)).toBeGreaterThan(131_072 / 2);
  });

  it('is fixed by its secret and differs between secrets', () => {
    const secret = newListSecret();
    expect(secret).toHaveLength(LIST_SECRET_BYTES);
    const a = Array.from({ length: 50 }, (_, n) => new IndexPermutation(secret, 131_072).at(n));
    const b = Array.from({ length: 50 }, (_, n) => new IndexPermutation(Uint8Array.from(secret), 131_072).at(n));
    const other = Array.from({ length: 50 }, (_, n) => new IndexPermutation(newListSecret(), 131_072).at(n));
    expect(b).toEqual(a);
    expect(other).not.toEqual(a);
  });

  it('refuses positions outside the list, bad sizes and short secrets', () => {
    const permutation = new IndexPermutation(newListSecret(), 1000);
    for (const position of [-1, 1000, 1.5, Number.NaN]) {
      expect(() => permutation.at(position)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
    for (const build of [() => new IndexPermutation(newListSecret(), 0), () => new IndexPermutation(new Uint8Array(8), 1000)]) {
      let error: unknown;
      try {
        build();
      } catch (caught) {
        error = caught;
      }
      expect(isObv3Error(error, 'INVALID_ARGUMENT')).toBe(true);
    }
  });
});

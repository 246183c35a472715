/**
 * A keyed pseudo-random permutation of [0, size): the n-th allocation of a list takes index
 * `permutation.at(n)`. Indices therefore look random (they reveal neither issue order nor how many
 * credentials exist) and never repeat, while a store keeps only a counter, not a free-list.
 *
 * Construction: a balanced Feistel network over 2·h bits (the smallest even width covering
 * `size`) with HMAC-SHA-256 round functions, plus cycle-walking: values at or above `size` are
 * permuted again until they fall inside, which keeps it a bijection on [0, size).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { invalidArgument } from './store-errors.js';

/** Bytes of the per-list key; created when a list opens and stored with it. */
export const LIST_SECRET_BYTES = 32;

/** Luby–Rackoff needs 4 rounds for a strong permutation; extra rounds cost only table lookups. */
const ROUNDS = 6;

/** Keeps every intermediate value inside a 31-bit integer, so plain bit operations suffice. */
const MAX_PERMUTATION_SIZE = 2 ** 30;

export function newListSecret(): Uint8Array {
  return new Uint8Array(randomBytes(LIST_SECRET_BYTES));
}

export class IndexPermutation {
  readonly size: number;
  private readonly halfBits: number;
  private readonly halfMask: number;
  private readonly key: Buffer;
  /**
   * Round outputs, filled lazily (-1 = not yet computed): one HMAC per distinct input per round,
   * so a whole list costs at most ROUNDS·2^h HMACs instead of several per allocation.
   */
  private readonly rounds: Int32Array[];

  constructor(secret: Uint8Array, size: number) {
    if (!Number.isInteger(size) || size < 1 || size > MAX_PERMUTATION_SIZE) {
      throw invalidArgument(`IndexPermutation: size must be a whole number from 1 to ${MAX_PERMUTATION_SIZE}; got ${size}.`);
    }
    if (secret.length < 16) {
      throw invalidArgument(`IndexPermutation: the secret must have at least 16 bytes (use newListSecret()); got ${secret.length}.`);
    }
    let bits = 2;
    while (2 ** bits < size) bits += 2;
    this.size = size;
    this.halfBits = bits / 2;
    this.halfMask = (1 << this.halfBits) - 1;
    this.key = Buffer.from(secret);
    this.rounds = Array.from({ length: ROUNDS }, () => new Int32Array(1 << this.halfBits).fill(-1));
  }

  /** The index for position `n` (0 ≤ n < size). */
  at(n: number): number {
    if (!Number.isInteger(n) || n < 0 || n >= this.size) {
      throw invalidArgument(`IndexPermutation.at: position must be a whole number from 0 to ${this.size - 1}; got ${n}.`);
    }
    // Terminates: n lies on a cycle of the full-width permutation, and n itself is below size.
    let value = n;
    do value = this.feistel(value);
    while (value >= this.size);
    return value;
  }

  private feistel(value: number): number {
    let left = value >>> this.halfBits;
    let right = value & this.halfMask;
    for (let round = 0; round < ROUNDS; round += 1) {
      const next = left ^ this.roundFunction(round, right);
      left = right;
      right = next;
    }
    return (left << this.halfBits) | right;
  }

  private roundFunction(round: number, input: number): number {
    const table = this.rounds[round];
    let output = table[input];
    if (output < 0) {
      const message = Buffer.alloc(5);
      message.writeUInt8(round, 0);
      message.writeUInt32BE(input, 1);
      output = createHmac('sha256', this.key).update(message).digest().readUInt32BE(0) & this.halfMask;
      table[input] = output;
    }
    return output;
  }
}

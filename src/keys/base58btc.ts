/**
 * Base58 (Bitcoin alphabet), the encoding behind multibase prefix `z`.
 *
 * Written here rather than imported: `base58-universal` is only a transitive dependency of the
 * Digital Bazaar packages (not in our package.json), and the maintained packages (bs58 / base-x,
 * @scure/base) convert one digit at a time, which is the cost we want to avoid. Every signature
 * is encoded on signing and decoded on verifying, so this is on the hot path: the conversion
 * works in big limbs (five base-58 digits, or two or three bytes, per step), about twenty times
 * fewer steps than digit by digit, with every intermediate value exact in a double (< 2^53).
 */

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ALPHABET_CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const ZERO_DIGIT = ALPHABET.charCodeAt(0);

/** Digit of each ASCII code, -1 outside the alphabet. */
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT_OF[ALPHABET.charCodeAt(i)] = i;

/** Encoding: little-endian limbs of five base-58 digits; a limb × 2^16 + carry stays < 2^46. */
const DIGITS_PER_LIMB = 5;
const DIGIT_LIMB = 58 ** DIGITS_PER_LIMB;
/** Decoding: little-endian limbs of three bytes; a limb × 58^4 + carry stays < 2^48. */
const BYTE_LIMB = 2 ** 24;
const CHARS_PER_STEP = 4;
// log(256) / log(58), rounded up: base-58 digits per byte, for sizing.
const DIGITS_PER_BYTE = 1.366;

/** Encodes bytes as base58btc (no multibase prefix). */
export function encodeBase58btc(bytes: Uint8Array): string {
  const n = bytes.length;
  let zeros = 0;
  while (zeros < n && bytes[zeros] === 0) zeros++;

  const limbs = new Float64Array(Math.ceil(((n - zeros) * DIGITS_PER_BYTE) / DIGITS_PER_LIMB) + 1);
  let used = 0;
  // One byte first when the count is odd, then two bytes per step.
  for (let i = zeros; i < n; ) {
    let carry: number;
    let scale: number;
    if ((n - i) % 2 === 1) {
      carry = bytes[i]!;
      scale = 0x100;
      i += 1;
    } else {
      carry = bytes[i]! * 0x100 + bytes[i + 1]!;
      scale = 0x10000;
      i += 2;
    }
    for (let j = 0; j < used; j++) {
      const x = limbs[j]! * scale + carry;
      carry = Math.floor(x / DIGIT_LIMB);
      limbs[j] = x - carry * DIGIT_LIMB;
    }
    while (carry > 0) {
      const next = Math.floor(carry / DIGIT_LIMB);
      limbs[used++] = carry - next * DIGIT_LIMB;
      carry = next;
    }
  }

  // Leading zero bytes are "1"s; then the top limb without leading zero digits, every lower limb
  // as exactly five digits.
  const out = new Uint8Array(zeros + used * DIGITS_PER_LIMB);
  out.fill(ZERO_DIGIT, 0, zeros);
  let end = out.length;
  for (let j = 0; j < used; j++) {
    let limb = limbs[j]!;
    const last = j === used - 1;
    for (let k = 0; k < DIGITS_PER_LIMB && (!last || limb > 0); k++) {
      const next = (limb / 58) | 0; // limb < 2^30: exact
      out[--end] = ALPHABET_CODES[limb - next * 58]!;
      limb = next;
    }
  }
  // The top limb may have had fewer than five digits: close the gap after the "1"s.
  if (end > zeros) out.copyWithin(zeros, end);
  return asciiString(out.subarray(0, out.length - (end - zeros)));
}

/**
 * Decodes base58btc (no multibase prefix). Returns `undefined` on a character outside the
 * alphabet so callers can report the error in their own terms (and never echo secret input).
 */
export function decodeBase58btc(text: string): Uint8Array | undefined {
  const n = text.length;
  let zeros = 0;
  while (zeros < n && text.charCodeAt(zeros) === ZERO_DIGIT) zeros++;

  const limbs = new Float64Array(Math.ceil((n - zeros) / 3) + 1);
  let used = 0;
  // A short group first, so the rest go four characters per step.
  for (let i = zeros; i < n; ) {
    const take = (n - i) % CHARS_PER_STEP || CHARS_PER_STEP;
    let carry = 0;
    let scale = 1;
    for (const stop = i + take; i < stop; i++) {
      const code = text.charCodeAt(i);
      const digit = code < 128 ? DIGIT_OF[code]! : -1;
      if (digit < 0) return undefined;
      carry = carry * 58 + digit;
      scale *= 58;
    }
    for (let j = 0; j < used; j++) {
      const x = limbs[j]! * scale + carry;
      carry = Math.floor(x / BYTE_LIMB);
      limbs[j] = x - carry * BYTE_LIMB;
    }
    while (carry > 0) {
      const next = Math.floor(carry / BYTE_LIMB);
      limbs[used++] = carry - next * BYTE_LIMB;
      carry = next;
    }
  }

  // Big-endian bytes of the number without its leading zero bytes, after one zero byte per "1".
  const top = used === 0 ? 0 : limbs[used - 1]!;
  const topBytes = top >= 0x10000 ? 3 : top >= 0x100 ? 2 : top > 0 ? 1 : 0;
  const out = new Uint8Array(zeros + (used === 0 ? 0 : (used - 1) * 3 + topBytes));
  let end = out.length;
  for (let j = 0; j < used; j++) {
    const limb = limbs[j]!;
    const count = j === used - 1 ? topBytes : 3;
    for (let k = 0; k < count; k++) out[--end] = (limb >>> (8 * k)) & 0xff;
  }
  return out;
}

/** The string of ASCII codes; in slices, since a call takes a bounded number of arguments. */
function asciiString(codes: Uint8Array): string {
  const SLICE = 4096;
  if (codes.length <= SLICE) return String.fromCharCode.apply(null, codes as unknown as number[]);
  let text = '';
  for (let i = 0; i < codes.length; i += SLICE) text += String.fromCharCode.apply(null, codes.subarray(i, i + SLICE) as unknown as number[]);
  return text;
}

/**
 * `digestMultibase` of a component credential, as the stack credential's evidence carries it.
 *
 * The bytes hashed: the UTF-8 encoding of the component credential's JSON Canonicalization Scheme
 * form (RFC 8785, JCS) — the whole credential exactly as its issuer signed it, `proof` included.
 * JCS makes the bytes independent of how the credential was stored or re-serialized (key order,
 * whitespace, number forms), so anyone holding the credential computes the same digest. For a
 * credential with an embedded proof, including the proof pins the very signature that was
 * verified. A VC-JWT component is not hashed as its JWS: the credential hashed is the one decoded
 * from its payload (registered claims removed, no proof), so its digest pins the content, not the
 * signature — any valid JWS of that same payload matches.
 *
 * The encoding: a multihash (sha2-256: 0x12, length 0x20, then the 32-byte digest) in multibase
 * base64url without padding (prefix `u`), as VC 2.0's examples write it (`uEi…`). Reading, we
 * also accept base58btc (`z`) and sha2-384 / sha2-512 multihashes.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { Obv3Error } from '../errors.js';
import { decodeBase58btc } from '../keys/base58btc.js';

const SHA2_256 = 0x12;
const MAX_DIGEST_LENGTH = 100;

const MULTIHASH: ReadonlyMap<number, { algorithm: string; length: number }> = new Map([
  [0x12, { algorithm: 'sha256', length: 32 }],
  [0x20, { algorithm: 'sha384', length: 48 }],
  [0x13, { algorithm: 'sha512', length: 64 }],
]);

/** The RFC 8785 (JCS) text of a JSON value: the exact bytes `credentialDigest` hashes (as UTF-8). */
export function canonicalJson(value: object): string {
  const text = canonicalize(value);
  if (typeof text !== 'string') throw new Obv3Error('INVALID_ARGUMENT', 'The credential cannot be written as JSON.');
  return text;
}

/** `u` + base64url(0x12 0x20 ‖ SHA-256(UTF-8(JCS(credential)))). */
export function credentialDigest(credential: object): string {
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    throw new Obv3Error('INVALID_ARGUMENT', 'credentialDigest takes a credential object (parse JSON text first).');
  }
  const digest = createHash('sha256').update(canonicalJson(credential), 'utf8').digest();
  return `u${Buffer.concat([Buffer.from([0x12, 0x20]), digest]).toString('base64url')}`;
}

/** True when `digestMultibase` is a multihash of exactly this credential's JCS bytes. Never throws. */
export function digestMatches(credential: object, digestMultibase: unknown): boolean {
  const wanted = readDigest(digestMultibase);
  if (!wanted) return false;
  const text = canonicalOrUndefined(credential);
  return text !== undefined && hashOf(text, wanted.code) === wanted.hex;
}

/**
 * A lookup from `digestMultibase` to the first of `credentials` it names (undefined: none, or the
 * digest is malformed). Evidence lists and component lists both come from the caller, so matching
 * each pair would cost evidence × components canonicalizations; instead each credential is
 * canonicalized once and hashed once per algorithm — SHA-256 up front (what awardStack writes),
 * the rarer SHA-384 / SHA-512 only when a digest asks for them. Never throws.
 */
export function digestLookup(credentials: readonly (object | undefined)[]): (digestMultibase: unknown) => number | undefined {
  const texts = credentials.map((credential) => (credential === undefined ? undefined : canonicalOrUndefined(credential)));
  const tables = new Map<number, Map<string, number>>();
  const table = (code: number): Map<string, number> => {
    let found = tables.get(code);
    if (!found) {
      found = new Map();
      for (const [index, text] of texts.entries()) {
        if (text === undefined) continue;
        const hex = hashOf(text, code);
        if (!found.has(hex)) found.set(hex, index);
      }
      tables.set(code, found);
    }
    return found;
  };
  table(SHA2_256);
  return (digestMultibase) => {
    const wanted = readDigest(digestMultibase);
    return wanted ? table(wanted.code).get(wanted.hex) : undefined;
  };
}

/** The multihash code and hex digest a `digestMultibase` carries, or undefined when malformed. */
function readDigest(digestMultibase: unknown): { code: number; hex: string } | undefined {
  // The longest valid value (sha2-512 in base58btc) is under 100 characters; refusing longer
  // text up front keeps the quadratic base58 decoder away from attacker-sized input.
  if (typeof digestMultibase !== 'string' || digestMultibase.length < 2 || digestMultibase.length > MAX_DIGEST_LENGTH) return undefined;
  const bytes = decodeMultibase(digestMultibase);
  if (!bytes || bytes.length < 2) return undefined;
  const hash = MULTIHASH.get(bytes[0]!);
  if (!hash || bytes[1] !== hash.length || bytes.length !== 2 + hash.length) return undefined;
  return { code: bytes[0]!, hex: Buffer.from(bytes.subarray(2)).toString('hex') };
}

function hashOf(text: string, code: number): string {
  return createHash(MULTIHASH.get(code)!.algorithm).update(text, 'utf8').digest('hex');
}

function canonicalOrUndefined(credential: object): string | undefined {
  try {
    return canonicalJson(credential);
  } catch {
    return undefined;
  }
}

function decodeMultibase(value: string): Uint8Array | undefined {
  const body = value.slice(1);
  if (value[0] === 'u') return /^[A-Za-z0-9_-]+$/.test(body) ? new Uint8Array(Buffer.from(body, 'base64url')) : undefined;
  if (value[0] === 'z') return decodeBase58btc(body);
  return undefined;
}

/**
 * A compact VC-JWT handed to the verifier (as text, inside an image, an envelope, a CLR or an
 * endorsementJwt): header and payload decoded under the same caps as JSON input, the credential
 * taken from the payload (OB 3.0: the payload is the credential plus registered claims; VC 1.1
 * JWTs: the `vc` claim). Nothing is verified here; the `proof` check does that.
 */
import { REGISTERED_CLAIMS } from '../../proof/vc-jwt/jwt-claims.js';
import { isObject } from '../credential-fields.js';
import { FORBIDDEN_KEYS } from '../forbidden-keys.js';
import { lowerFirst } from '../lower-first.js';
import type { ParsedInput } from '../parse-input.js';
import type { CheckCode } from '../report.js';
import type { ParsedJwt } from './parsed-jwt.js';

/** Parses JSON text under the input caps (the parser JSON input goes through). */
export type ParseJsonText = (text: string) => ParsedInput;

/** Base64url characters of the largest header read: room for a 4096-bit RSA jwk and then some. */
const MAX_HEADER_CHARS = 16 * 1024;

export function parseJwt(compact: string, digest: string, parseJsonText: ParseJsonText): ParsedInput {
  const [encodedHeader = '', encodedPayload = ''] = compact.split('.');
  if (encodedHeader.length > MAX_HEADER_CHARS) {
    return failure(digest, 'JWT_INVALID', `This JWT's header is ${encodedHeader.length} characters; a JOSE header (alg, typ, kid, a public jwk) fits in ${MAX_HEADER_CHARS}.`);
  }
  const headerText = decode(encodedHeader);
  let header: unknown;
  try {
    header = headerText === undefined ? undefined : JSON.parse(headerText);
  } catch {
    header = undefined;
  }
  if (!isObject(header) || Object.keys(header).some((k) => FORBIDDEN_KEYS.has(k)) || nestsDeeperThan(header, 3)) {
    return failure(digest, 'JWT_INVALID', 'This compact JWT\'s header is not a base64url-encoded JSON object, so it is not a JWS.');
  }
  const payloadText = decode(encodedPayload);
  if (payloadText === undefined) return failure(digest, 'JWT_INVALID', 'This JWT\'s payload is not base64url-encoded UTF-8 text.');
  const parsed = parseJsonText(payloadText);
  if (!parsed.credential) {
    return { ...parsed, format: 'jwt', inputSha256: digest, check: { ...parsed.check, message: `The JWT payload is not usable: ${lowerFirst(parsed.check.message)}` } };
  }
  const payload = parsed.credential;
  const claims = Object.fromEntries(REGISTERED_CLAIMS.filter((c) => payload[c] !== undefined).map((c) => [c, payload[c]]));
  const alg = typeof header.alg === 'string' ? header.alg : 'no alg';
  let credential: Record<string, unknown>;
  let credentialIn: ParsedJwt['credentialIn'];
  if (payload.vc !== undefined) {
    if (!isObject(payload.vc)) return failure(digest, 'JWT_INVALID', 'The JWT\'s vc claim is not a credential object.');
    credential = payload.vc;
    credentialIn = 'vc';
  } else {
    credential = Object.fromEntries(Object.entries(payload).filter(([key]) => !(REGISTERED_CLAIMS as readonly string[]).includes(key)));
    credentialIn = 'payload';
  }
  const jwt: ParsedJwt = { compact, header, claims, credentialIn };
  return {
    format: 'jwt',
    inputSha256: digest,
    credential,
    jwt,
    check: {
      id: 'parse',
      status: 'passed',
      message: `A compact VC-JWT (${alg}) carrying the credential ${credentialIn === 'vc' ? 'in its vc claim (VC 1.1 style)' : 'as its payload'}, within the size and depth limits.`,
    },
  };
}

function decode(part: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(part, 'base64url'));
  } catch {
    return undefined;
  }
}

function failure(digest: string, code: CheckCode, message: string): ParsedInput {
  return { format: 'jwt', inputSha256: digest, check: { id: 'parse', status: 'failed', code, message } };
}

/** A JOSE header holds strings, numbers and at most a jwk object with a key_ops array. */
function nestsDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  return Object.values(value).some((child) => nestsDeeperThan(child, levels - 1));
}

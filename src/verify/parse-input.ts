/**
 * Turns whatever the caller handed in (object, JSON text, JWT, image bytes) into a plain JSON
 * credential, or a failed `parse` check saying why not. Hostile input is expected here: sizes and
 * depth are capped before anything else looks at it, and prototype-polluting keys are refused.
 */
import { sniffBakedImageFormat, sniffOtherImageFormat } from '../bake/detect-format.js';
import { isCompactJws } from '../proof/compact-jws.js';
import { sha256 } from '../sha256.js';
import { FORBIDDEN_KEYS } from './forbidden-keys.js';
import { parseBakedImage } from './parse-baked-image.js';
import type { Check, CheckCode, InputFormat } from './report.js';
import { isEnveloped, unwrapEnvelope } from './jwt/enveloped.js';
import { parseJwt } from './jwt/parse-jwt.js';
import type { ParsedJwt } from './jwt/parsed-jwt.js';

export type VerifyInput = object | string | Uint8Array;

export interface ParsedInput {
  format: InputFormat;
  inputSha256: string;
  credential?: Record<string, unknown>;
  /** Set for a VC-JWT: the token, header and claims the proof check verifies. */
  jwt?: ParsedJwt;
  check: Check;
}

interface Limits {
  maxInputBytes: number;
  maxDepth: number;
}

export function parseInput(input: unknown, limits: Limits): ParsedInput {
  if (input instanceof Uint8Array) return parseBytes(input, limits);
  if (typeof input === 'string') return parseText(input, sha256(input), limits);
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return parseObject(input, limits);
  return failure('json', sha256(String(input)), 'INPUT_NOT_OBJECT',
    `Expected a credential object, its JSON text, or the bytes of a file; got ${describe(input)}.`);
}

function parseBytes(bytes: Uint8Array, limits: Limits): ParsedInput {
  const digest = sha256(bytes);
  const image = sniffBakedImageFormat(bytes);
  if (bytes.byteLength > limits.maxInputBytes) return tooLarge(image ?? 'json', digest, bytes.byteLength, limits);
  if (image) return parseBakedImage(bytes, image, digest, limits.maxInputBytes, (text) => parseText(text, digest, limits));
  const other = sniffOtherImageFormat(bytes);
  if (other) {
    return failure('json', digest, 'INPUT_FORMAT_UNSUPPORTED', `This is a ${other} file; Open Badges are baked only into PNG and SVG images.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failure('json', digest, 'INPUT_NOT_JSON', 'The bytes are neither a PNG image nor UTF-8 text.');
  }
  return parseText(text, digest, limits);
}

function parseText(raw: string, digest: string, limits: Limits): ParsedInput {
  const text = raw.replace(/^\uFEFF/, '').trim();
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxInputBytes) return tooLarge('json', digest, bytes, limits);
  if (text.startsWith('<')) return parseBakedImage(raw, 'svg', digest, limits.maxInputBytes, (inner) => parseText(inner, digest, limits));
  if (isCompactJws(text)) return parseJwt(text, digest, (payload) => parseJsonText(payload, digest, limits));
  return parseJsonText(text, digest, limits);
}

function parseJsonText(text: string, digest: string, limits: Limits): ParsedInput {
  // Depth is checked on the text first: JSON.parse itself recurses and would overflow the stack.
  if (exceedsDepth(text, limits.maxDepth)) return tooDeep('json', digest, limits);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return failure('json', digest, 'INPUT_NOT_JSON', `The input is not valid JSON: ${(error as Error).message}.`);
  }
  return accept(value, digest, limits);
}

function parseObject(input: object, limits: Limits): ParsedInput {
  if (isEnveloped(input)) {
    // A VC 2.0 EnvelopedVerifiableCredential (how presentations and CLRs carry VC-JWTs).
    const unwrapped = unwrapEnvelope(input);
    if ('problem' in unwrapped) return failure('jwt', sha256(''), 'INPUT_FORMAT_UNSUPPORTED', unwrapped.problem);
    const digest = sha256(unwrapped.jwt);
    if (!isCompactJws(unwrapped.jwt)) return failure('jwt', digest, 'JWT_INVALID', 'The EnvelopedVerifiableCredential\'s data: URL does not hold a compact JWS.');
    return parseText(unwrapped.jwt, digest, limits);
  }
  // JSON.stringify recurses: measure the depth first, without recursion, so a deep object is
  // reported as too deep instead of overflowing the stack.
  const shape = measureObject(input, limits.maxDepth, limits.maxInputBytes);
  if (shape === 'too-large') {
    return failure('json', sha256(''), 'INPUT_TOO_LARGE',
      `The object has more nodes than its JSON could hold within ${limits.maxInputBytes} bytes (options.maxInputBytes).`);
  }
  if (shape === 'cyclic') {
    return failure('json', sha256(''), 'INPUT_NOT_JSON', 'The object refers to itself (a cycle), so it cannot be a JSON credential.');
  }
  if (shape === 'too-deep') return tooDeep('json', sha256(''), limits);
  // Re-read the object as JSON so later steps see exactly what would be signed (no Dates,
  // functions, undefined or shared references) and the caller's object is never touched.
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch (error) {
    return failure('json', sha256(''), 'INPUT_NOT_JSON',
      `The object cannot be written as JSON (${(error as Error).message}); pass the credential's JSON data.`);
  }
  if (typeof text !== 'string') {
    return failure('json', sha256(''), 'INPUT_NOT_JSON', 'The object writes no JSON (its toJSON returns nothing); pass the credential\'s JSON data.');
  }
  return parseText(text, sha256(text), limits);
}

/**
 * Walks an object graph with an explicit stack (no recursion) and stops at the first node deeper
 * than maxDepth, at the first reference back to one of its own ancestors, or once it has visited
 * more nodes than JSON of maxBytes can hold (shared references could otherwise make the walk, and
 * JSON.stringify after it, exponential).
 */
function measureObject(root: object, maxDepth: number, maxBytes: number): 'ok' | 'too-deep' | 'cyclic' | 'too-large' {
  // Every value costs at least two bytes of JSON ("0," or "{}").
  let budget = Math.floor(maxBytes / 2) + 1;
  const onPath = new Set<object>();
  const stack: { node: object; depth: number; exit: boolean }[] = [{ node: root, depth: 1, exit: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.exit) {
      onPath.delete(frame.node);
      continue;
    }
    if (onPath.has(frame.node)) return 'cyclic';
    if (frame.depth > maxDepth) return 'too-deep';
    onPath.add(frame.node);
    stack.push({ ...frame, exit: true });
    for (const child of Object.values(frame.node)) {
      if (--budget < 0) return 'too-large';
      if (typeof child === 'object' && child !== null) stack.push({ node: child, depth: frame.depth + 1, exit: false });
    }
  }
  return 'ok';
}

function accept(value: unknown, digest: string, limits: Limits): ParsedInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failure('json', digest, 'INPUT_NOT_OBJECT', `A credential is a JSON object; got ${describe(value)}.`);
  }
  const forbidden = findForbiddenKeys(value, limits.maxDepth);
  if (forbidden.length > 0) {
    return failure('json', digest, 'INPUT_FORBIDDEN_KEY',
      `The input uses keys that are never valid in a credential and are used to attack JavaScript programs: ${forbidden.slice(0, 5).join(', ')}${forbidden.length > 5 ? ', …' : ''}.`,
      { paths: forbidden.slice(0, 50) });
  }
  return {
    format: 'json',
    inputSha256: digest,
    credential: value as Record<string, unknown>,
    check: { id: 'parse', status: 'passed', message: 'The input is a JSON object within the size and depth limits.' },
  };
}

/** Counts bracket nesting outside strings without building anything. */
function exceedsDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function findForbiddenKeys(root: object, maxDepth: number): string[] {
  const found: string[] = [];
  const walk = (node: unknown, path: string, depth: number): void => {
    if (typeof node !== 'object' || node === null || depth > maxDepth) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}/${i}`, depth + 1));
      return;
    }
    for (const key of Object.keys(node)) {
      const childPath = `${path}/${key}`;
      if (FORBIDDEN_KEYS.has(key)) found.push(childPath);
      walk((node as Record<string, unknown>)[key], childPath, depth + 1);
    }
  };
  walk(root, '', 0);
  return found;
}

function tooLarge(format: InputFormat, digest: string, size: number, limits: Limits): ParsedInput {
  return failure(format, digest, 'INPUT_TOO_LARGE',
    `The input is ${size} bytes; the limit is ${limits.maxInputBytes} (raise it with options.maxInputBytes if you trust the source).`);
}

function tooDeep(format: InputFormat, digest: string, limits: Limits): ParsedInput {
  return failure(format, digest, 'INPUT_TOO_DEEP',
    `The input nests arrays/objects more than ${limits.maxDepth} levels deep; no credential needs that (limit: options.maxDepth).`);
}

function failure(format: InputFormat, digest: string, code: CheckCode, message: string, details?: unknown): ParsedInput {
  return { format, inputSha256: digest, check: { id: 'parse', status: 'failed', code, message, ...(details ? { details } : {}) } };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Reading draft fields. Drafts come from TypeScript and plain JavaScript alike, so every field is
 * checked at run time. Two kinds of failure, two codes:
 * - INVALID_ARGUMENT: a value of the wrong JavaScript type, or text that cannot be parsed.
 * - SCHEMA_INVALID: a well-typed draft that misses or contradicts what OB 3.0 requires.
 * Messages start with a path into the draft (`achievement.criteria`) and end with how to fix it.
 */
import { Obv3Error, type Obv3ErrorCode } from '../errors.js';
import { likelyMeant } from './spelling.js';

export type Fields = Record<string, unknown>;

/** `path` '' is the root of a draft, whose fields are reported by their bare names. */
export function at(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function atIndex(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** `achievement.alignment[0].targetUrl` → `/achievement/alignment/0/targetUrl`. */
export function toPointer(path: string): string {
  return '/' + path.replace(/\[(\d+)\]/g, '.$1').split('.').join('/');
}

export function problem(code: Obv3ErrorCode, path: string, message: string): Obv3Error {
  const text = `${path} ${message}`;
  return new Obv3Error(code, text, { problems: [{ path: toPointer(path), message: text }] });
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `a ${typeof value}`;
}

export function isPlainObject(value: unknown): value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function readObject(value: unknown, path: string): Fields {
  if (!isPlainObject(value)) {
    throw problem('INVALID_ARGUMENT', path, `must be an object, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Rejects keys that look like misspellings of `known` (or, for classes the schema closes with
 * `additionalProperties: false`, every unknown key) and returns the remaining extension keys.
 */
export function extensionKeys(fields: Fields, path: string, known: readonly string[], closed = false): string[] {
  const extras: string[] = [];
  for (const key of Object.keys(fields)) {
    if (known.includes(key) || fields[key] === undefined) continue;
    const meant = likelyMeant(key, known);
    if (closed) {
      const hint = meant === undefined ? `the allowed properties are ${known.join(', ')}` : `did you mean '${meant}'?`;
      throw problem('SCHEMA_INVALID', at(path, key), `is not allowed here: ${hint}`);
    }
    if (meant !== undefined) {
      throw problem('SCHEMA_INVALID', at(path, key), `is not an OB 3.0 property: did you mean '${meant}'?`);
    }
    extras.push(key);
  }
  return extras;
}

/** Copies extension properties verbatim (deep-cloned so later edits to the draft cannot leak in). */
export function copyExtensions(target: Fields, fields: Fields, keys: readonly string[]): void {
  for (const key of keys) target[key] = structuredClone(fields[key]);
}

export function requireString(fields: Fields, key: string, path: string, howToFix: string): string {
  const value = optionalString(fields, key, path);
  if (value === undefined) throw problem('SCHEMA_INVALID', at(path, key), `is missing: ${howToFix}`);
  return value;
}

export function optionalString(fields: Fields, key: string, path: string): string | undefined {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw problem('INVALID_ARGUMENT', at(path, key), `must be a string, got ${describeValue(value)}`);
  }
  if (value.trim() === '') {
    throw problem('SCHEMA_INVALID', at(path, key), 'is empty: give it a value or leave it out');
  }
  return value;
}

/** Strings the spec types as text; numbers are accepted for convenience and written as text. */
export function optionalText(fields: Fields, key: string, path: string): string | undefined {
  const value = fields[key];
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw problem('INVALID_ARGUMENT', at(path, key), `must be a finite number or a string, got ${value}`);
    return String(value);
  }
  return optionalString(fields, key, path);
}

// Absolute IRI: a scheme, a colon, then no whitespace. Enough to catch relative paths and typos
// such as "example.org/x" without rejecting DIDs, URNs or data URIs.
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

export function isAbsoluteIri(value: string): boolean {
  return ABSOLUTE_IRI.test(value);
}

export function checkIri(value: string, path: string): string {
  if (!isAbsoluteIri(value)) {
    throw problem(
      'INVALID_ARGUMENT',
      path,
      `must be an absolute URI (e.g. https://…, did:…, urn:uuid:…), got ${describeValue(value)}`,
    );
  }
  return value;
}

export function requireIri(fields: Fields, key: string, path: string, howToFix: string): string {
  return checkIri(requireString(fields, key, path, howToFix), at(path, key));
}

export function optionalIri(fields: Fields, key: string, path: string): string | undefined {
  const value = optionalString(fields, key, path);
  return value === undefined ? undefined : checkIri(value, at(path, key));
}

export function optionalNumber(fields: Fields, key: string, path: string, min?: number, max?: number): number | undefined {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw problem('INVALID_ARGUMENT', at(path, key), `must be a finite number, got ${describeValue(value)}`);
  }
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range = max === undefined ? `at least ${min}` : `between ${min} and ${max}`;
    throw problem('SCHEMA_INVALID', at(path, key), `must be ${range}, got ${value}`);
  }
  return value;
}

export function optionalBoolean(fields: Fields, key: string, path: string): boolean | undefined {
  const value = fields[key];
  if (value === undefined || typeof value === 'boolean') return value;
  throw problem('INVALID_ARGUMENT', at(path, key), `must be true or false, got ${describeValue(value)}`);
}

/** Maps each element of an optional array field; an empty array is dropped like an absent one. */
export function optionalList<T>(
  fields: Fields,
  key: string,
  path: string,
  build: (item: unknown, itemPath: string) => T,
): T[] | undefined {
  const value = fields[key];
  if (value === undefined) return undefined;
  const listPath = at(path, key);
  if (!Array.isArray(value)) {
    throw problem('INVALID_ARGUMENT', listPath, `must be an array, got ${describeValue(value)}: wrap a single value in [ ]`);
  }
  if (value.length === 0) return undefined;
  return value.map((item, i) => build(item, atIndex(listPath, i)));
}

export function optionalStringList(fields: Fields, key: string, path: string): string[] | undefined {
  return optionalList(fields, key, path, (item, itemPath) => {
    if (typeof item !== 'string' || item.trim() === '') {
      throw problem('INVALID_ARGUMENT', itemPath, `must be a non-empty string, got ${describeValue(item)}`);
    }
    return item;
  });
}

/** The `type` set of a class: absent → `[name]`; otherwise it must contain `name`. */
export function typeSet<T extends string>(fields: Fields, path: string, name: T): [T, ...string[]] {
  const value = fields.type;
  if (value === undefined || value === name) return [name];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((item): item is string => typeof item === 'string') || !list.includes(name)) {
    throw problem('SCHEMA_INVALID', at(path, 'type'), `must include '${name}', got ${JSON.stringify(value)}: leave type out to get ['${name}']`);
  }
  return [name, ...list.filter((item) => item !== name)];
}

/** The `type` of a class the schema spells as a single string (Image, IdentityObject, …). */
export function singleType<T extends string>(fields: Fields, path: string, name: T): T {
  const value = fields.type;
  if (value !== undefined && value !== name) {
    throw problem('SCHEMA_INVALID', at(path, 'type'), `must be '${name}', got ${JSON.stringify(value)}: leave type out`);
  }
  return name;
}

/** Copies `source` without its undefined members, keeping key order (the order we write JSON in). */
export function compact<T extends object>(source: T): T {
  const out: Fields = {};
  for (const [key, value] of Object.entries(source)) if (value !== undefined) out[key] = value;
  return out as T;
}

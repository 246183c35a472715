/**
 * Wording: one ajv error (or a group of alternatives) → a sentence a person can act on.
 * Keeps the phrasing apart from the grouping logic in readable-problems.ts.
 */
import type { ErrorObject } from 'ajv';

/** What to add when a required property is missing, where a generic sentence would not help. */
const MISSING_HINTS = new Map<string, string>([
  ['@context', "add @context: ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']"],
  ['id', "add an id: a URI such as 'urn:uuid:…', 'https://…' or 'did:…'"],
  ['issuer', "add the issuer: a Profile { id, type: ['Profile'], name }"],
  ['achievement', "add the Achievement awarded: { id, type: ['Achievement'], name, description, criteria }"],
  ['criteria', 'add { narrative } or { id }'],
  ['validFrom', "add validFrom, when the credential becomes valid, such as '2024-01-31T09:00:00Z' (VC 2.0 uses validFrom, not issuanceDate)"],
  ['issuanceDate', 'add issuanceDate (a VC 1.1 credential dates itself with issuanceDate)'],
]);

/** Hints for "one of these properties" (names sorted, joined by '|'). */
const ALTERNATIVE_HINTS = new Map<string, string>([
  ['id|identifier', "add id (the recipient's URI) or identifier (a list of IdentityObject)"],
  ['id|narrative', 'add { narrative } or { id }'],
  ['issuanceDate|validFrom', 'add validFrom (VC 2.0) or issuanceDate (VC 1.1)'],
]);

/** Properties our issue schema forbids, with what to use instead. */
const FORBIDDEN_HINTS = new Map<string, string>([
  ['issuanceDate', 'issuanceDate is VC 1.1; a VC 2.0 credential uses validFrom'],
  ['expirationDate', 'expirationDate is VC 1.1; a VC 2.0 credential uses validUntil'],
]);

/** Our schemas' patterns, in words. Unknown patterns are quoted as they are. */
const PATTERN_WORDS = new Map<string, string>([
  ['^ext:[A-Za-z0-9|._-]+$', "an extension term such as 'ext:MyTerm'"],
  ['ext:[A-Za-z0-9._|-]', "an extension term such as 'ext:MyTerm'"],
  ['(ext:)[a-z|A-Z|0-9|.|-|_]+', "an extension term such as 'ext:MyTerm'"],
  ['^https://purl\\.imsglobal\\.org/spec/ob/v3p0/context-3\\.0\\.[0-9]+\\.json$', "an OB 3.0 context URL such as 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'"],
  ['^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$', "a language code such as 'en' or 'en-US'"],
  ['^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+$', "a compact JWS (three base64url parts joined by '.')"],
  ['^[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]*\\.[a-zA-Z0-9_-]+$', "a compact JWS (three base64url parts joined by '.')"],
  ['^[A-Z]{2}$', "an ISO 3166-1 alpha-2 country code such as 'US'"],
  ['^[^\\s@]+@[^\\s@]+$', "an e-mail address such as 'registrar@example.edu'"],
]);

const FORMAT_WORDS = new Map<string, string>([
  ['date-time', "a date-time with a time zone, such as '2024-01-31T09:00:00Z'"],
  ['iso-date-time', "an ISO 8601 date-time, such as '2024-01-31T09:00:00Z'"],
  ['date', "a date such as '1990-01-31'"],
  ['uri', "an absolute URI, such as 'https://…', 'did:…' or 'urn:uuid:…'"],
  ['email', "an e-mail address such as 'registrar@example.edu'"],
]);

const V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

export function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
}

/** "a string", "an object or an array". */
export function describeTypes(types: readonly string[]): string {
  const words = types.map((t) => (t === 'integer' ? 'an integer' : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`));
  return words.length <= 1 ? (words[0] ?? 'a different type') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

export function typesOf(error: ErrorObject): string[] {
  const t: unknown = error.params.type;
  if (Array.isArray(t)) return t.map(String);
  return typeof t === 'string' ? t.split(',') : [];
}

/** The message for a required property that is missing. */
export function missingMessage(name: string, parentSchema: unknown): string {
  const hint = MISSING_HINTS.get(name) ?? (name === 'type' ? typeHint(parentSchema) : classHint(name, parentSchema));
  return `required property '${name}' is missing${hint ? `: ${hint}` : ''}`;
}

/** The message for an object that needs at least one of several properties. */
export function alternativesMessage(names: readonly string[]): string {
  const hint = ALTERNATIVE_HINTS.get([...names].sort().join('|'));
  return `needs ${names.map((n) => `'${n}'`).join(' or ')}${hint ? `: ${hint}` : ''}`;
}

/** One ajv error in words; `name` is the last segment of the path, for property-level keywords. */
export function describeError(error: ErrorObject, name: string): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${describeTypes(typesOf(error))}${typeSetExample(error)}`;
    case 'const':
      return `must be ${quote(p.allowedValue)}${p.allowedValue === V2_CONTEXT ? ' (the VC 2.0 context comes first)' : ''}`;
    case 'enum': {
      const allowed: unknown[] = Array.isArray(p.allowedValues) ? p.allowedValues : [];
      return allowed.length === 1 ? `must be ${quote(allowed[0])}` : `must be one of: ${allowed.map(quote).join(', ')}`;
    }
    case 'pattern':
      return `must be ${PATTERN_WORDS.get(String(p.pattern)) ?? `a string matching the pattern ${String(p.pattern)}`}`;
    case 'format':
      return `must be ${FORMAT_WORDS.get(String(p.format)) ?? `a valid ${String(p.format)}`}`;
    case 'additionalProperties':
      return `property '${name}' is not allowed here: remove it`;
    case 'false schema':
      return `property '${name}' is not allowed here${FORBIDDEN_HINTS.has(name) ? `: ${FORBIDDEN_HINTS.get(name)}` : ': remove it'}`;
    case 'minItems':
      return `must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must have at most ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(p.limit)} characters long`;
    case 'uniqueItems':
      return `must not repeat a value (items ${String(p.j)} and ${String(p.i)} are the same)`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(p.comparison)} ${String(p.limit)}`;
    case 'oneOf':
      return Array.isArray(p.passingSchemas) ? 'matches more than one of the allowed forms; it must match exactly one' : 'does not match any of the allowed forms';
    case 'anyOf':
      return 'does not match any of the allowed forms';
    default:
      return error.message ?? `fails the '${error.keyword}' rule`;
  }
}

/** "one of: …, or an extension term" — several rules each of which would have done. */
export function eitherMessage(errors: readonly ErrorObject[]): string {
  const parts = errors.map((e) => describeError(e, '').replace(/^must be /, ''));
  return `must be ${[...new Set(parts)].join(', or ')}`;
}

/** A JSON-LD type set given as a bare string: show the array it should be. */
function typeSetExample(error: ErrorObject): string {
  const types = typesOf(error);
  if (types.length !== 1 || types[0] !== 'array' || !error.instancePath.endsWith('/type')) return '';
  const containsRules = [schemaAt(error.parentSchema, 'contains'), ...asArray(schemaAt(error.parentSchema, 'allOf')).map((s) => schemaAt(s, 'contains'))];
  const names = containsRules.flatMap((rule) => {
    const name = findConst(rule, 1) ?? asArray(schemaAt(rule, 'enum')).find((v): v is string => typeof v === 'string');
    return name === undefined ? [] : [name];
  });
  return names.length === 0 ? '' : ` such as [${names.map((n) => `'${n}'`).join(', ')}]`;
}

/** For a missing property whose schema is one of our classes: name the class. */
function classHint(name: string, parentSchema: unknown): string | undefined {
  const ref = schemaAt(parentSchema, 'properties', name, '$ref');
  const className = typeof ref === 'string' ? /#\/\$defs\/([A-Za-z]+)$/.exec(ref)?.[1] : undefined;
  return className === undefined ? undefined : `add ${/^[AEIOU]/.test(className) ? 'an' : 'a'} ${className} object`;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** For a missing `type`, the value the class expects, read from its own schema. */
function typeHint(parentSchema: unknown): string | undefined {
  const typeSchema = schemaAt(parentSchema, 'properties', 'type');
  const name = findConst(typeSchema, 4);
  if (name === undefined) return undefined;
  const single = schemaAt(typeSchema, 'const') !== undefined;
  return single ? `add type: '${name}'` : `add type: ['${name}']`;
}

function findConst(schema: unknown, depth: number): string | undefined {
  if (depth < 0 || typeof schema !== 'object' || schema === null) return undefined;
  const own = (schema as Record<string, unknown>).const;
  if (typeof own === 'string') return own;
  const record = schema as Record<string, unknown>;
  for (const next of [record.contains, record.then, record.else, ...asArray(record.anyOf)]) {
    const found = findConst(next, depth - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function schemaAt(schema: unknown, ...keys: string[]): unknown {
  let at = schema;
  for (const key of keys) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

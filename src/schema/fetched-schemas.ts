/**
 * Schemas a verifier fetched (a credential's own `credentialSchema`): untrusted input. Each is
 * compiled once into its own ajv instance (so its `$id` can neither clash with nor replace ours),
 * with no way to load further schemas: a `$ref` to anything outside it fails the compile, it is
 * never fetched. Compiled validators are cached by the SHA-256 of the schema's JSON text, in a
 * small least-recently-used cache.
 */
import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import type { ValidationProblem } from '../errors.js';
import { createLenientAjv, type Dialect } from './ajv-instances.js';
import { runValidator } from './run-validator.js';

export const FETCHED_SCHEMA_CACHE_SIZE = 32;
/** Far above the official schemas (about 64 KB). */
export const MAX_FETCHED_SCHEMA_CHARS = 1_000_000;

type Compiled = { validate: ValidateFunction } | { refused: ValidationProblem };

const cache = new Map<string, Compiled>();

/** Validates `doc` against a schema obtained at run time. Problems, never an exception. */
export function validateAgainstSchema(doc: unknown, schema: object): ValidationProblem[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return [refusal('the schema is not a JSON object, so it cannot be applied')];
  }
  let text: string;
  try {
    text = JSON.stringify(schema);
  } catch {
    return [refusal('the schema cannot be serialized as JSON (is it cyclic?), so it cannot be applied')];
  }
  if (text.length > MAX_FETCHED_SCHEMA_CHARS) {
    return [refusal(`the schema is larger than ${MAX_FETCHED_SCHEMA_CHARS} characters; obv3 does not apply it`)];
  }
  const compiled = lookup(createHash('sha256').update(text).digest('hex'), () => compile(JSON.parse(text) as object));
  return 'refused' in compiled ? [compiled.refused] : runValidator(compiled.validate, doc);
}

function lookup(key: string, make: () => Compiled): Compiled {
  const hit = cache.get(key);
  if (hit) {
    // Re-insert: Map order is our recency order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const made = make();
  cache.set(key, made);
  if (cache.size > FETCHED_SCHEMA_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return made;
}

function compile(schema: object): Compiled {
  const dialect = dialectOf(schema);
  if (!dialect) {
    return { refused: refusal(`the schema's $schema ${JSON.stringify((schema as { $schema?: unknown }).$schema)} is not a JSON Schema dialect obv3 supports (draft-07, 2019-09, 2020-12)`) };
  }
  const risky = findRiskyPattern(schema);
  if (risky !== undefined) {
    return { refused: refusal(`the schema's pattern ${JSON.stringify(risky)} could take exponential time to match; obv3 does not apply it`) };
  }
  try {
    return { validate: createLenientAjv(dialect).compile(schema) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { refused: refusal(`the schema cannot be used: ${reason} (obv3 never fetches a schema's $refs)`) };
  }
}

function dialectOf(schema: object): Dialect | undefined {
  const declared = (schema as { $schema?: unknown }).$schema;
  // The official OB schemas are 2019-09; a schema that does not say is read the same way.
  if (declared === undefined) return '2019-09';
  if (typeof declared !== 'string') return undefined;
  if (/json-schema\.org\/draft\/2020-12\/schema/.test(declared)) return '2020-12';
  if (/json-schema\.org\/draft\/2019-09\/schema/.test(declared)) return '2019-09';
  if (/json-schema\.org\/draft-07\/schema/.test(declared)) return 'draft-07';
  return undefined;
}

/**
 * Regular expressions are the one place a schema can make validation slow on purpose: a group
 * with a quantifier inside and another after it (`(a+)+`, `(\w*)*`) backtracks exponentially in
 * JavaScript. A rough test, on the safe side.
 */
function findRiskyPattern(schema: unknown): string | undefined {
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string' && NESTED_QUANTIFIER.test(value)) return value;
      if (key === 'patternProperties' && typeof value === 'object' && value !== null) {
        const risky = Object.keys(value).find((p) => NESTED_QUANTIFIER.test(p));
        if (risky !== undefined) return risky;
      }
      if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return undefined;
}

const NESTED_QUANTIFIER = /\([^()]*[+*}][^()]*\)\s*[+*{]/;

function refusal(message: string): ValidationProblem {
  return { path: '/', keyword: 'schema', message };
}

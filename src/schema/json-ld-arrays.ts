/**
 * The official 1EdTech schemas are written for plain JSON: they want `type: ['Profile']` where
 * JSON-LD, and so the signature, reads `type: 'Profile'` exactly the same (a single value is a set
 * of one). Signed examples of the specifications themselves use single values (the CLR
 * implementation-guide vector does), and the official validator accepts them with a warning.
 *
 * `validateAsJsonLd` tells the two cases apart: when a schema fails only because single values
 * stand where it wants arrays, the document is re-validated with those values wrapped, and the
 * paths wrapped are returned, so the caller can warn instead of fail.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ValidationProblem } from '../errors.js';
import { runValidator } from './run-validator.js';

/** Nested single values (a Profile inside an Achievement) surface one level per round. */
const MAX_ROUNDS = 8;

export interface JsonLdValidation {
  /** Problems that remain with every single value read as an array of one ([] when none). */
  problems: ValidationProblem[];
  /** JSON Pointers of the single values that had to be read as arrays of one. */
  singleValues: string[];
}

export function validateAsJsonLd(validate: ValidateFunction, doc: unknown): JsonLdValidation {
  const strict = runValidator(validate, doc);
  if (strict.length === 0) return { problems: [], singleValues: [] };
  let current: unknown = structuredCloneSafe(doc);
  if (current === undefined) return { problems: strict, singleValues: [] };
  const singleValues: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    if (validate(current)) return { problems: [], singleValues };
    const paths = arrayWanted(validate.errors ?? []).filter((p) => !singleValues.includes(p));
    if (paths.length === 0) break;
    for (const path of paths) current = wrapAt(current, path);
    singleValues.push(...paths);
  }
  // Wrapping did not make it valid: the problems to report are those of the document as given.
  return { problems: strict, singleValues: [] };
}

/** Places where the schema wanted an array and found one non-array value. */
function arrayWanted(errors: readonly ErrorObject[]): string[] {
  const paths = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'type') continue;
    const wanted = (error.params as { type?: unknown }).type;
    const wantsArray = wanted === 'array' || (Array.isArray(wanted) && wanted.includes('array'));
    if (wantsArray && error.data !== undefined && !Array.isArray(error.data) && error.instancePath !== '') paths.add(error.instancePath);
  }
  return [...paths];
}

function wrapAt(doc: unknown, pointer: string): unknown {
  const keys = pointer.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  let parent: unknown = doc;
  for (const key of keys.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return doc;
    parent = (parent as Record<string, unknown>)[key];
  }
  const last = keys.at(-1);
  if (typeof parent === 'object' && parent !== null && last !== undefined && Object.hasOwn(parent, last)) {
    const holder = parent as Record<string, unknown>;
    holder[last] = [holder[last]];
  }
  return doc;
}

function structuredCloneSafe(doc: unknown): unknown {
  try {
    return structuredClone(doc);
  } catch {
    return undefined;
  }
}

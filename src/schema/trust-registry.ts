/**
 * Trusted-issuer registries (schemas/trust-registry-v1.schema.json): the JSON Schema, plus the
 * rules a schema cannot say (an id listed twice in one list, an approval period that ends before
 * it starts). `loadTrustRegistry` is what an agency calls on its file at start-up.
 *
 * Every registry checked here (loadTrustRegistry's copies, verifyTrustRegistry's results) is
 * deep-frozen and remembered with the SHA-256 of its JSON, so verification only looks it up:
 * checking and hashing a large registry on every verifyCredential would cost about as much as
 * the verification itself.
 */
import { Obv3Error, type ValidationProblem } from '../errors.js';
import type { TrustRegistry, TrustRegistryEntry } from '../model/index.js';
import { sha256 } from '../sha256.js';
import trustRegistrySchema from '../../schemas/trust-registry-v1.schema.json';
import { trustRegistryValidator } from './own-schemas.js';
import { runValidator } from './run-validator.js';

/** A jurisdiction as registries and verifiers write it (ISO 3166-1 or 3166-2), from the schema. */
export const JURISDICTION_PATTERN = new RegExp(trustRegistrySchema.$defs.Entry.properties.jurisdictions.items.pattern);

/** Checked registries → the SHA-256 of their JSON. Frozen, so the digest stays true. */
const checked = new WeakMap<object, string>();

/** Every problem with `doc` as a registry; [] when it is one. Never throws. */
export function validateTrustRegistry(doc: unknown): ValidationProblem[] {
  const problems = runValidator(trustRegistryValidator(), doc);
  if (problems.length > 0) return problems;
  const registry = doc as TrustRegistry;
  return [...entryProblems(registry.issuers, '/issuers'), ...entryProblems(registry.endorsers ?? [], '/endorsers'), ...emptiness(registry)];
}

/**
 * A checked, deep-frozen copy of a registry (an object or its JSON text). Throws Obv3Error SCHEMA_INVALID with
 * one `problems` entry per mistake, or INVALID_ARGUMENT for text that is not JSON or for a signed
 * registry credential (verify that with verifyTrustRegistry, which also checks who signed it).
 */
export function loadTrustRegistry(input: unknown): TrustRegistry {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (error) {
      throw new Obv3Error('INVALID_ARGUMENT', `The trust registry is not JSON: ${(error as Error).message}.`);
    }
  }
  const type = typeof doc === 'object' && doc !== null ? (doc as { type?: unknown }).type : undefined;
  if (Array.isArray(type) && type.includes('VerifiableCredential')) {
    throw new Obv3Error('INVALID_ARGUMENT', 'This is a signed registry credential: load it with verifyTrustRegistry(credential, { publishers }), which checks its signature and publisher first.');
  }
  const problems = validateTrustRegistry(doc);
  if (problems.length > 0) {
    const lines = problems.map((p) => `- ${p.path || '/'}: ${p.message}`).join('\n');
    throw new Obv3Error('SCHEMA_INVALID', `The trust registry is not valid (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n${lines}`, { problems });
  }
  return recordCheckedRegistry(structuredClone(doc) as TrustRegistry);
}

/**
 * Deep-freezes a registry that has just passed validateTrustRegistry (a copy nobody else holds)
 * and remembers it with its SHA-256; returns it.
 */
export function recordCheckedRegistry(registry: TrustRegistry): TrustRegistry {
  checked.set(deepFreeze(registry), sha256(JSON.stringify(registry)));
  return registry;
}

/** The SHA-256 of a registry checked here; undefined for any other value (it has to be checked). */
export function checkedRegistrySha256(registry: unknown): string | undefined {
  return typeof registry === 'object' && registry !== null ? checked.get(registry) : undefined;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function entryProblems(entries: readonly TrustRegistryEntry[], path: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const first = seen.get(entry.id);
    if (first !== undefined) {
      problems.push({ path: `${path}/${i}/id`, keyword: 'unique', message: `lists ${entry.id} again (first at ${path}/${first}): merge the two entries, so what it may issue is stated once` });
    } else {
      seen.set(entry.id, i);
    }
    if (entry.approvedFrom && entry.approvedUntil && Date.parse(entry.approvedUntil) <= Date.parse(entry.approvedFrom)) {
      problems.push({ path: `${path}/${i}/approvedUntil`, keyword: 'order', message: `(${entry.approvedUntil}) must be after approvedFrom (${entry.approvedFrom})` });
    }
  });
  return problems;
}

function emptiness(registry: TrustRegistry): ValidationProblem[] {
  if (registry.issuers.length > 0 || (registry.endorsers?.length ?? 0) > 0) return [];
  return [{ path: '/issuers', keyword: 'minItems', message: 'lists no issuers and there are no endorsers: the registry would trust nobody' }];
}

/**
 * JSON Schema validation: obv3's own schemas (issue: strict; verify: tolerant), the bundled
 * official 1EdTech schemas, and schemas fetched at verification time. Every function returns
 * readable problems and never throws on bad input (assertValidForIssue throws by design).
 */
export type { SchemaKind } from './schema-kind.js';
export { inferSchemaKind } from './schema-kind.js';
export { assertValidForIssue, validateForIssue, validateForVerify, validateStackRule } from './validate.js';
export { OFFICIAL_SCHEMA_URLS, validateAgainstOfficialSchema, validateAgainstOfficialSchemaAsJsonLd, type OfficialSchemaUrl } from './official-schemas.js';
export type { JsonLdValidation } from './json-ld-arrays.js';
export { validateAgainstSchema } from './fetched-schemas.js';
export { loadTrustRegistry, validateTrustRegistry } from './trust-registry.js';

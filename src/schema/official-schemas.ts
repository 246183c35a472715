/**
 * The official 1EdTech OB 3.0 schemas, bundled (schemas/official/), looked up by the purl URL a
 * credential's `credentialSchema` names. Never fetched.
 */
import type { ValidateFunction } from 'ajv';
import type AjvCore from 'ajv/dist/core.js';
import type { ValidationProblem } from '../errors.js';
import achievementCredentialSchema from '../../schemas/official/ob_v3p0_achievementcredential_schema.json';
import endorsementCredentialSchema from '../../schemas/official/ob_v3p0_endorsementcredential_schema.json';
import profileSchema from '../../schemas/official/ob_v3p0_profile_schema.json';
import { createLenientAjv } from './ajv-instances.js';
import { validateAsJsonLd, type JsonLdValidation } from './json-ld-arrays.js';
import { runValidator } from './run-validator.js';

const PURL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/';

/** The published URLs of the official schemas obv3 bundles. */
export const OFFICIAL_SCHEMA_URLS = [
  `${PURL}ob_v3p0_achievementcredential_schema.json`,
  `${PURL}ob_v3p0_endorsementcredential_schema.json`,
  `${PURL}ob_v3p0_profile_schema.json`,
] as const;

export type OfficialSchemaUrl = (typeof OFFICIAL_SCHEMA_URLS)[number];

const SCHEMAS: ReadonlyMap<string, object> = new Map<string, object>([
  [OFFICIAL_SCHEMA_URLS[0], achievementCredentialSchema],
  [OFFICIAL_SCHEMA_URLS[1], endorsementCredentialSchema],
  [OFFICIAL_SCHEMA_URLS[2], profileSchema],
]);

let ajv: AjvCore | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * Validates `doc` against the bundled official schema published at `url`; undefined when `url`
 * is not one of OFFICIAL_SCHEMA_URLS.
 */
export function validateAgainstOfficialSchema(doc: unknown, url: string): ValidationProblem[] | undefined {
  const validate = officialValidator(url);
  return validate ? runValidator(validate, doc) : undefined;
}

/**
 * Like validateAgainstOfficialSchema, but reads single values where the schema wants arrays as
 * JSON-LD does (arrays of one) and says where it had to (see json-ld-arrays.ts).
 */
export function validateAgainstOfficialSchemaAsJsonLd(doc: unknown, url: string): JsonLdValidation | undefined {
  const validate = officialValidator(url);
  return validate ? validateAsJsonLd(validate, doc) : undefined;
}

function officialValidator(url: string): ValidateFunction | undefined {
  const schema = SCHEMAS.get(url);
  if (!schema) return undefined;
  let validate = validators.get(url);
  if (!validate) {
    ajv ??= createLenientAjv('2019-09');
    validate = ajv.compile(schema);
    validators.set(url, validate);
  }
  return validate;
}

/**
 * obv3's own schemas (schemas/*.schema.json), compiled on first use and kept: compiling is slow,
 * verification is a hot path.
 */
import type { ValidateFunction } from 'ajv';
import type Ajv2020 from 'ajv/dist/2020.js';
import endorsementIssueSchema from '../../schemas/ob-v3p0-endorsement-issue.schema.json';
import endorsementVerifySchema from '../../schemas/ob-v3p0-endorsement-verify.schema.json';
import issueSchema from '../../schemas/ob-v3p0-issue.schema.json';
import profileSchema from '../../schemas/ob-v3p0-profile.schema.json';
import trustRegistrySchema from '../../schemas/trust-registry-v1.schema.json';
import verifySchema from '../../schemas/ob-v3p0-verify.schema.json';
import clrIssueSchema from '../../schemas/clr-v2p0-issue.schema.json';
import clrVerifySchema from '../../schemas/clr-v2p0-verify.schema.json';
import stackSchema from '../../schemas/obv3-stack-v1.schema.json';
import { createOwnAjv } from './ajv-instances.js';
import type { SchemaKind } from './schema-kind.js';

/** Issue: the strict shape we sign. Verify: the tolerant shape we accept. */
export type SchemaMode = 'issue' | 'verify';

const TARGETS: Record<SchemaMode, Record<SchemaKind, string>> = {
  issue: {
    credential: issueSchema.$id,
    endorsement: endorsementIssueSchema.$id,
    profile: profileSchema.$id,
    clr: clrIssueSchema.$id,
  },
  verify: {
    credential: verifySchema.$id,
    endorsement: endorsementVerifySchema.$id,
    // A profile met while verifying (e.g. a fetched issuer document) gets the tolerant Profile.
    profile: `${verifySchema.$id}#/$defs/Profile`,
    clr: clrVerifySchema.$id,
  },
};

/** Our schema of a stack's rule (`stackRule` on an Achievement). */
export const STACK_RULE_SCHEMA_REF = `${stackSchema.$id}#/$defs/StackRule`;

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

export function ownValidator(mode: SchemaMode, kind: SchemaKind): ValidateFunction {
  return validatorFor(TARGETS[mode][kind]);
}

/** The compiled validator for a schema (or a `$defs` member) of ours, by its URI. */
export function validatorFor(target: string): ValidateFunction {
  let validate = validators.get(target);
  if (!validate) {
    validate = instance().compile({ $ref: target });
    validators.set(target, validate);
  }
  return validate;
}

/** The trusted-issuer registry format: one more of our schemas, compiled and kept like the rest. */
export function trustRegistryValidator(): ValidateFunction {
  return validatorFor(trustRegistrySchema.$id);
}

function instance(): Ajv2020 {
  if (!ajv) {
    const created = createOwnAjv();
    // Added together: the endorsement, profile and registry schemas $ref the others' $defs.
    const all = [issueSchema, verifySchema, endorsementIssueSchema, endorsementVerifySchema, profileSchema, clrIssueSchema, clrVerifySchema, stackSchema, trustRegistrySchema];
    for (const schema of all) {
      created.addSchema(schema);
    }
    ajv = created;
  }
  return ajv;
}

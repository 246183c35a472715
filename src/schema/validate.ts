/**
 * The entry points: the strict shape we issue, the tolerant shape we verify.
 */
import { Obv3Error, type ValidationProblem } from '../errors.js';
import { STACK_RULE_SCHEMA_REF, ownValidator, validatorFor } from './own-schemas.js';
import { runValidator } from './run-validator.js';
import { inferSchemaKind, type SchemaKind } from './schema-kind.js';

/** Problems that stop `doc` from being issued as `kind` (default: from its `type`); [] when none. */
export function validateForIssue(doc: unknown, kind?: SchemaKind): ValidationProblem[] {
  return runValidator(ownValidator('issue', kind ?? inferSchemaKind(doc)), doc);
}

/** Throws Obv3Error('SCHEMA_INVALID') listing every problem as `<path>: <what to fix>`. */
export function assertValidForIssue(doc: unknown, kind?: SchemaKind): void {
  const resolved = kind ?? inferSchemaKind(doc);
  const problems = validateForIssue(doc, resolved);
  if (problems.length === 0) return;
  const what = resolved === 'profile' ? 'profile' : resolved === 'endorsement' ? 'endorsement credential' : resolved === 'clr' ? 'ClrCredential' : 'credential';
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((p) => `- ${p.path}: ${p.message}`);
  const shape = resolved === 'clr' ? 'CLR 2.0' : 'OB 3.0';
  throw new Obv3Error('SCHEMA_INVALID', `The ${what} does not have the ${shape} shape obv3 issues (${count}):\n${lines.join('\n')}`, { problems });
}

/** Problems with `doc` as a credential (or profile) offered for verification; [] when none. */
export function validateForVerify(doc: unknown, kind?: SchemaKind): ValidationProblem[] {
  return runValidator(ownValidator('verify', kind ?? inferSchemaKind(doc)), doc);
}

/** Problems with a stack's `stackRule` (schemas/obv3-stack-v1.schema.json); [] when none. */
export function validateStackRule(rule: unknown): ValidationProblem[] {
  return runValidator(validatorFor(STACK_RULE_SCHEMA_REF), rule);
}

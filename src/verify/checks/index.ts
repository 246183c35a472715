/** The checks after `parse`, in report order. Adding a check: one file, one line here. */
import type { CheckDefinition } from '../verification-context.js';
import { contextCheck } from './context.js';
import { validFromCheck, validUntilCheck } from './dates.js';
import { embeddedCredentialsCheck } from './embedded-credentials.js';
import { endorsementsCheck } from './endorsements.js';
import { issuerKeyCheck } from './issuer-key.js';
import { proofCheck } from './proof.js';
import { schemaCheck } from './schema.js';
import { statusCheck } from './status.js';
import { subjectCheck } from './subject.js';
import { trustCheck } from './trust.js';
import { typeCheck } from './type.js';

export const CHECKS: readonly CheckDefinition[] = [
  contextCheck,
  typeCheck,
  schemaCheck,
  subjectCheck,
  proofCheck,
  issuerKeyCheck,
  validFromCheck,
  validUntilCheck,
  statusCheck,
  endorsementsCheck,
  embeddedCredentialsCheck,
  trustCheck,
];

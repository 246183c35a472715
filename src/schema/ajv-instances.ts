/**
 * Ajv instances, configured once here so every schema in obv3 reports errors the same way.
 * Creating and compiling is slow; callers keep what they make (see own-schemas.ts and friends).
 */
import type { Options } from 'ajv';
import AjvDraft07 from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import type AjvCore from 'ajv/dist/core.js';
import addFormats from 'ajv-formats';

/** The JSON Schema dialects a schema obv3 did not write may use. */
export type Dialect = 'draft-07' | '2019-09' | '2020-12';

const REPORTING: Options = {
  // Every problem, not just the first: issuers fix them all in one go.
  allErrors: true,
  // The readable-problem layer needs the failing subschema of each error.
  verbose: true,
  // A credential is JSON; never let an inherited property satisfy `required`.
  ownProperties: true,
};

/** For our own schemas: strict, so a mistake in a schema file fails loudly at first use. */
export function createOwnAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    ...REPORTING,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: true,
    // Open-ended tuples (`@context`: these first, then anything) are intended.
    strictTuples: false,
    // `required` inside anyOf branches names properties declared beside the anyOf.
    strictRequired: false,
  });
  addFormats(ajv);
  return ajv;
}

/** For schemas we bundle or fetch but did not write: lenient about style, strict about data. */
export function createLenientAjv(dialect: Dialect): AjvCore {
  const options: Options = { ...REPORTING, strict: false };
  const ajv = dialect === '2020-12' ? new Ajv2020(options) : dialect === '2019-09' ? new Ajv2019(options) : new AjvDraft07(options);
  addFormats(ajv);
  return ajv;
}

/**
 * The schema files we ship: our own are 2020-12 with an obv3.dev $id, and every one of them
 * compiles under ajv's strict mode (a typo in a keyword fails here, not in a user's verifier).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateForIssue, validateForVerify, validateTrustRegistry, type SchemaKind } from '../../src/schema/index.js';

const DIR = new URL('../../schemas/', import.meta.url);
const ours = readdirSync(DIR).filter((f) => f.endsWith('.schema.json'));

describe('schema files', () => {
  it('include the issue, verify, endorsement, profile, CLR, stack, report, presentation-report and trust-registry schemas', () => {
    expect(ours.sort()).toEqual([
      'clr-v2p0-issue.schema.json',
      'clr-v2p0-verify.schema.json',
      'ob-v3p0-endorsement-issue.schema.json',
      'ob-v3p0-endorsement-verify.schema.json',
      'ob-v3p0-issue.schema.json',
      'ob-v3p0-profile.schema.json',
      'ob-v3p0-verify.schema.json',
      'obv3-stack-v1.schema.json',
      'presentation-report-v1.schema.json',
      'trust-registry-v1.schema.json',
      'verification-report-v1.schema.json',
    ]);
  });

  it.each(ours)('%s is draft 2020-12 and identifies itself by its file name', (file) => {
    const schema = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as { $schema: string; $id: string; title: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://obv3.dev/schemas/${file}`);
    expect(schema.title.length).toBeGreaterThan(10);
  });

  it('the trust-registry schema compiles strictly and rejects an empty object', () => {
    expect(validateTrustRegistry({}).length).toBeGreaterThan(0);
  });

  it.each(['credential', 'endorsement', 'profile', 'clr'] as SchemaKind[])('the %s schemas compile strictly and reject an empty object', (kind) => {
    expect(validateForIssue({}, kind).length).toBeGreaterThan(0);
    expect(validateForVerify({}, kind).length).toBeGreaterThan(0);
  });
});

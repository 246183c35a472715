/**
 * Schemas fetched at verification time are untrusted: they must never reach the network, never
 * disturb our own schemas, and never make the verifier throw.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateAgainstSchema, validateForIssue } from '../../src/schema/index.js';
import { deleteAt, sampleCredential } from './samples.js';

const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('validateAgainstSchema', () => {
  it('applies draft 2020-12, 2019-09, draft-07 and undeclared schemas', () => {
    const body = { type: 'object', required: ['validFrom'], properties: { validFrom: { type: 'string', format: 'date-time' } } };
    for (const $schema of [DRAFT_2020, 'https://json-schema.org/draft/2019-09/schema', 'http://json-schema.org/draft-07/schema#', undefined]) {
      const schema = $schema === undefined ? body : { $schema, ...body };
      expect(validateAgainstSchema(sampleCredential(), schema)).toEqual([]);
      expect(validateAgainstSchema(deleteAt(sampleCredential(), '/validFrom'), schema).map((p) => p.path)).toEqual(['/validFrom']);
    }
  });

  it('refuses a schema that is not an object', () => {
    for (const schema of [[], null, 'schema', 7] as unknown[]) {
      const problems = validateAgainstSchema(sampleCredential(), schema as object);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ path: '/', keyword: 'schema' });
      expect(problems[0]?.message).toMatch(/not a JSON object/);
    }
  });

  it('refuses dialects it cannot apply, and invalid schemas, without throwing', () => {
    const old = validateAgainstSchema(sampleCredential(), { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' });
    expect(old[0]?.message).toMatch(/not a JSON Schema dialect obv3 supports/);
    const invalid = validateAgainstSchema(sampleCredential(), { $schema: DRAFT_2020, type: 5 });
    expect(invalid[0]).toMatchObject({ path: '/', keyword: 'schema' });
    expect(invalid[0]?.message).toMatch(/cannot be used/);
  });

  it('never fetches a $ref: the schema is refused instead', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const problems = validateAgainstSchema(sampleCredential(), { $schema: DRAFT_2020, $ref: 'https://attacker.example/other.json' });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/attacker\.example.*never fetches/s);
  });

  it('cannot replace or clash with our own schemas by reusing their $id', () => {
    const impostor = { $schema: DRAFT_2020, $id: 'https://obv3.dev/schemas/ob-v3p0-issue.schema.json', type: 'object' };
    expect(validateAgainstSchema({}, impostor)).toEqual([]);
    // A second, different schema with the same $id compiles too (each gets its own instance)…
    expect(validateAgainstSchema({}, { ...impostor, required: ['x'] }).map((p) => p.path)).toEqual(['/x']);
    // …and ours still judges by its own rules.
    expect(validateForIssue({}).length).toBeGreaterThan(3);
  });

  it('refuses patterns that backtrack exponentially', () => {
    const schema = { $schema: DRAFT_2020, properties: { name: { type: 'string', pattern: '^(a+)+$' } } };
    const started = Date.now();
    const problems = validateAgainstSchema({ name: `${'a'.repeat(40)}!` }, schema);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(problems[0]?.message).toMatch(/exponential/);
  });

  it('reports a schema that recurses without consuming the document instead of overflowing', () => {
    const problems = validateAgainstSchema(sampleCredential(), { $schema: DRAFT_2020, $ref: '#' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: '/', keyword: 'exception' });
    expect(problems[0]?.message).toMatch(/ran out of stack/);
  });

  it('reports problems readably, like our own schemas', () => {
    const schema = { $schema: DRAFT_2020, type: 'object', properties: { name: { enum: ['A', 'B'] } } };
    expect(validateAgainstSchema({ name: 'C' }, schema)).toEqual([{ path: '/name', message: "must be one of: 'A', 'B'", keyword: 'enum' }]);
  });
});

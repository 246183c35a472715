/**
 * Compiling is the expensive part: a fetched schema is compiled once per distinct content, and
 * the cache stays bounded.
 */
import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../src/schema/ajv-instances.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/schema/ajv-instances.js')>();
  return {
    ...original,
    createLenientAjv: (...args: Parameters<typeof original.createLenientAjv>) => {
      created.count += 1;
      return original.createLenientAjv(...args);
    },
  };
});

const { FETCHED_SCHEMA_CACHE_SIZE } = await import('../../src/schema/fetched-schemas.js');
const { validateAgainstSchema } = await import('../../src/schema/index.js');

const schemaNumber = (n: number): object => ({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', maxProperties: n });

describe('fetched schema cache', () => {
  it('compiles equal schemas once, even as different objects', () => {
    const before = created.count;
    expect(validateAgainstSchema({ a: 1 }, schemaNumber(5))).toEqual([]);
    expect(validateAgainstSchema({ a: 1 }, schemaNumber(5))).toEqual([]);
    expect(validateAgainstSchema({ a: 1, b: 2 }, schemaNumber(1)).map((p) => p.keyword)).toEqual(['maxProperties']);
    expect(created.count - before).toBe(2);
  });

  it('keeps at most FETCHED_SCHEMA_CACHE_SIZE schemas, dropping the least recently used', () => {
    const first = schemaNumber(1000);
    validateAgainstSchema({}, first);
    for (let n = 2000; n < 2000 + FETCHED_SCHEMA_CACHE_SIZE; n += 1) validateAgainstSchema({}, schemaNumber(n));
    const before = created.count;
    validateAgainstSchema({}, first);
    expect(created.count - before).toBe(1);
    // The most recent ones are still cached.
    validateAgainstSchema({}, schemaNumber(2000 + FETCHED_SCHEMA_CACHE_SIZE - 1));
    expect(created.count - before).toBe(1);
  });
});

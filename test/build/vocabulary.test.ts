/** The run-time vocabulary lists must equal the enums of the official schema, in full. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ACHIEVEMENT_TYPES,
  ALIGNMENT_TARGET_TYPES,
  IDENTIFIER_TYPES,
  RESULT_STATUS_TYPES,
  RESULT_TYPES,
  isExtensionTerm,
} from '../../src/build/index.js';

const SCHEMA_PATH = fileURLToPath(new URL('../../../shared/spec/ob-v3p0/schema/achievementcredential.json', import.meta.url));
const haveSchema = existsSync(SCHEMA_PATH);
if (!haveSchema) console.warn(`vocabulary.test.ts: skipped, ${SCHEMA_PATH} is absent (the 1EdTech schema is read from ../shared/spec).`);

type Defs = Record<string, { properties: Record<string, { enum?: string[]; oneOf?: { enum?: string[] }[] }> }>;

describe.skipIf(!haveSchema)('vocabularies match the official schema', () => {
  const defs = haveSchema ? (JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { $defs: Defs }).$defs : ({} as Defs);
  const enumOf = (cls: string, prop: string): string[] => {
    const property = defs[cls]!.properties[prop]!;
    return property.enum ?? property.oneOf!.find((o) => o.enum !== undefined)!.enum!;
  };

  it.each([
    ['Achievement', 'achievementType', ACHIEVEMENT_TYPES],
    ['ResultDescription', 'resultType', RESULT_TYPES],
    ['Result', 'status', RESULT_STATUS_TYPES],
    ['Alignment', 'targetType', ALIGNMENT_TARGET_TYPES],
    ['IdentityObject', 'identityType', IDENTIFIER_TYPES],
    ['IdentifierEntry', 'identifierType', IDENTIFIER_TYPES],
  ] as const)('%s.%s', (cls, prop, list) => {
    expect([...list].sort()).toStrictEqual([...enumOf(cls, prop)].sort());
  });
});

describe('isExtensionTerm', () => {
  it('accepts ext: names and nothing around them', () => {
    expect(isExtensionTerm('ext:StateLicense-2.0_x')).toBe(true);
    expect(isExtensionTerm('ext:')).toBe(false);
    expect(isExtensionTerm('xext:a')).toBe(false);
    expect(isExtensionTerm('ext:a b')).toBe(false);
  });
});

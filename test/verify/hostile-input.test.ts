/**
 * Whatever arrives, verifyCredential answers with a report: it never throws on input, never
 * recurses itself to death, never pollutes prototypes, and bounds canonicalization work. Only
 * misuse of the options throws (an Obv3Error with code INVALID_ARGUMENT).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHECK_IDS,
  DEFAULT_MAX_INPUT_BYTES,
  Obv3Error,
  generateKey,
  issueCredential,
  verifyCredential,
  type Check,
  type CheckCode,
  type VerificationReport,
  type VerifyOptions,
} from '../../src/index.js';
import { waitTimeDraft } from '../support/drafts.js';

type Json = Record<string, any>;

const NOW = new Date('2026-06-01T00:00:00Z');

function check(report: VerificationReport, id: Check['id']): Check {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`report has no ${id} check`);
  return found;
}

/** Every report lists the twelve checks in order, and no check crashed internally. */
function expectWellFormed(report: VerificationReport): void {
  expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
  for (const c of report.checks) expect(c.message).not.toMatch(/check could not run/);
}

async function expectParseFailure(input: unknown, code: CheckCode, options: VerifyOptions = {}): Promise<VerificationReport> {
  const report = await verifyCredential(input as object, { now: NOW, ...options });
  expectWellFormed(report);
  expect(report.verified).toBe(false);
  expect(report.credential).toBeUndefined();
  expect(check(report, 'parse')).toMatchObject({ status: 'failed', code });
  for (const c of report.checks.slice(1)) expect(c.status).toBe('skipped');
  expect(report.provenance.inputSha256).toMatch(/^[0-9a-f]{64}$/);
  return report;
}

let signed: Json;

beforeAll(async () => {
  const key = await generateKey();
  signed = (await issueCredential(waitTimeDraft(key.controller), { key })) as Json;
});

describe('input that is not a JSON object', () => {
  it.each([
    ['plain words', 'this is not a credential'],
    ['truncated JSON', '{"@context": ["https://www.w3.org/ns/credentials/v2"'],
    ['single quotes', "{'name': 'Wait Time'}"],
    ['a trailing comma', '{"name": "Wait Time",}'],
    ['NaN', '{"creditsEarned": NaN}'],
  ])('non-JSON text (%s) → INPUT_NOT_JSON', async (_name, text) => {
    await expectParseFailure(text, 'INPUT_NOT_JSON');
  });

  it.each([
    ['a JSON array', '[{"name": "Wait Time"}]'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
    ['a JSON string', '"a credential"'],
    ['JSON true', 'true'],
  ])('%s as text → INPUT_NOT_OBJECT', async (_name, text) => {
    await expectParseFailure(text, 'INPUT_NOT_OBJECT');
  });

  it.each([
    ['a number', 42],
    ['undefined', undefined],
    ['null', null],
    ['a boolean', false],
    ['an array object', [signed]],
  ])('%s passed as input → INPUT_NOT_OBJECT', async (_name, input) => {
    await expectParseFailure(input, 'INPUT_NOT_OBJECT');
  });

  it('a cyclic object → INPUT_NOT_JSON', async () => {
    const cyclic: Json = structuredClone(signed);
    cyclic.credentialSubject.self = cyclic;
    await expectParseFailure(cyclic, 'INPUT_NOT_JSON');
  });

  it('an object holding a BigInt → INPUT_NOT_JSON', async () => {
    await expectParseFailure({ ...signed, creditsEarned: 15n }, 'INPUT_NOT_JSON');
  });

  it('an object whose toJSON writes nothing → a failed parse check, not a TypeError', async () => {
    const report = await verifyCredential({ toJSON: () => undefined }, { now: NOW });
    expectWellFormed(report);
    expect(report.verified).toBe(false);
    expect(check(report, 'parse').status).toBe('failed');
    expect(check(report, 'parse').code).toBe('INPUT_NOT_JSON');
  });

  it('empty and whitespace-only text → INPUT_NOT_JSON', async () => {
    await expectParseFailure('', 'INPUT_NOT_JSON');
    await expectParseFailure(' \n\t ', 'INPUT_NOT_JSON');
  });

  it('bytes that are not UTF-8 → INPUT_NOT_JSON', async () => {
    await expectParseFailure(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'INPUT_NOT_JSON');
  });
});

describe('size limit', () => {
  it('text over a small options.maxInputBytes → INPUT_TOO_LARGE', async () => {
    const text = JSON.stringify(signed);
    await expectParseFailure(text, 'INPUT_TOO_LARGE', { maxInputBytes: 100 });
    await expectParseFailure(new TextEncoder().encode(text), 'INPUT_TOO_LARGE', { maxInputBytes: 100 });
    await expectParseFailure(signed, 'INPUT_TOO_LARGE', { maxInputBytes: 100 });
    // The same credential under a limit it fits in parses.
    const report = await verifyCredential(text, { now: NOW, maxInputBytes: text.length });
    expect(check(report, 'parse').status).toBe('passed');
  });

  it('counts bytes, not characters (multi-byte UTF-8)', async () => {
    const text = JSON.stringify({ ...signed, name: 'é'.repeat(60) });
    const chars = text.length;
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(chars);
    await expectParseFailure(text, 'INPUT_TOO_LARGE', { maxInputBytes: chars });
  });

  it('a ~5 MiB string under the default cap → INPUT_TOO_LARGE, quickly', async () => {
    expect(DEFAULT_MAX_INPUT_BYTES).toBeLessThan(5 * 1024 * 1024);
    const huge = `{"name": "${'x'.repeat(5 * 1024 * 1024)}"}`;
    const started = performance.now();
    await expectParseFailure(huge, 'INPUT_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('nesting depth', () => {
  it.each([
    ['100 000 open brackets', '['.repeat(100_000)],
    ['100 000 nested objects', '{"a":'.repeat(100_000)],
    ['a closed 100 000-deep object', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['a closed 100 000-deep array inside a credential', `{"evidence":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ])('%s → INPUT_TOO_DEEP, fast, no stack overflow', async (_name, text) => {
    const started = performance.now();
    await expectParseFailure(text, 'INPUT_TOO_DEEP');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('brackets inside strings do not count', async () => {
    const report = await verifyCredential(JSON.stringify({ ...signed, name: `${'['.repeat(200)}\\"{{{` }), { now: NOW });
    expect(check(report, 'parse').status).toBe('passed');
  });

  it('the limit is options.maxDepth', async () => {
    const text = JSON.stringify(signed);
    await expectParseFailure(text, 'INPUT_TOO_DEEP', { maxDepth: 3 });
  });

  it('a 100-deep object passed as an object → INPUT_TOO_DEEP', async () => {
    let node: Json = { name: 'bottom' };
    for (let i = 0; i < 100; i++) node = { a: node };
    await expectParseFailure({ ...signed, credentialSubject: node }, 'INPUT_TOO_DEEP');
  });

  it('a 100 000-deep object passed as an object → INPUT_TOO_DEEP (not a JSON error, not a throw)', async () => {
    let node: Json = { name: 'bottom' };
    for (let i = 0; i < 100_000; i++) node = { a: node };
    await expectParseFailure({ ...signed, credentialSubject: node }, 'INPUT_TOO_DEEP');
  });

  it('a raised options.maxDepth never turns deep input into a thrown RangeError', async () => {
    const text = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const outcome: unknown = await verifyCredential(text, { now: NOW, maxDepth: 1_000_000 }).then(
      (report) => report,
      (error: unknown) => error,
    );
    expect(outcome).not.toBeInstanceOf(RangeError);
    if (outcome instanceof Obv3Error) {
      // Refusing an unsafe limit up front is misuse, and fine.
      expect(outcome.code).toBe('INVALID_ARGUMENT');
    } else {
      expectWellFormed(outcome as VerificationReport);
      expect((outcome as VerificationReport).verified).toBe(false);
    }
  });
});

describe('prototype-polluting keys', () => {
  it('a __proto__ key from JSON text → INPUT_FORBIDDEN_KEY, with its path', async () => {
    const text = JSON.stringify(signed).replace('"credentialSubject":{', '"credentialSubject":{"__proto__":{"id":"did:example:mallory"},');
    const report = await expectParseFailure(text, 'INPUT_FORBIDDEN_KEY');
    expect(check(report, 'parse').details).toEqual({ paths: ['/credentialSubject/__proto__'] });
  });

  it('a deeply nested {"__proto__": {"polluted": true}} pollutes nothing', async () => {
    let text = '{"__proto__": {"polluted": true}}';
    for (let i = 0; i < 20; i++) text = `{"level${i}": [${text}]}`; // 42 levels: under the depth cap
    const report = await expectParseFailure(text, 'INPUT_FORBIDDEN_KEY');
    expect((check(report, 'parse').details as { paths: string[] }).paths).toHaveLength(1);
    expect(({} as Json).polluted).toBeUndefined();
    expect((Object.prototype as Json).polluted).toBeUndefined();
    expect(([] as unknown as Json).polluted).toBeUndefined();
  });

  it('a __proto__ own property on an object input (as JSON.parse makes it) → INPUT_FORBIDDEN_KEY', async () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}') as object;
    await expectParseFailure(input, 'INPUT_FORBIDDEN_KEY');
    expect(({} as Json).polluted).toBeUndefined();
  });

  it.each(['constructor', 'prototype'])('a "%s" key → INPUT_FORBIDDEN_KEY', async (key) => {
    const copy = structuredClone(signed);
    copy.credentialSubject.achievement[key] = { polluted: true };
    const report = await expectParseFailure(copy, 'INPUT_FORBIDDEN_KEY');
    expect(check(report, 'parse').details).toEqual({ paths: [`/credentialSubject/achievement/${key}`] });
  });

  it('{"constructor": {"prototype": {"polluted": true}}} lists both paths and pollutes nothing', async () => {
    const report = await expectParseFailure('{"constructor": {"prototype": {"polluted": true}}}', 'INPUT_FORBIDDEN_KEY');
    expect(check(report, 'parse').details).toEqual({ paths: ['/constructor', '/constructor/prototype'] });
    expect(({} as Json).polluted).toBeUndefined();
  });
});

describe('wrong types inside a signed credential: failed checks, never a throw', () => {
  const cases: [string, (c: Json) => void, Partial<Record<Check['id'], CheckCode>>][] = [
    ['issuer is a number', (c) => { c.issuer = 42; }, { schema: 'SCHEMA_INVALID', proof: 'PROOF_INVALID' }],
    ['issuer.id is a number', (c) => { c.issuer.id = 42; }, { schema: 'SCHEMA_INVALID', proof: 'PROOF_INVALID' }],
    ['credentialSubject is a string', (c) => { c.credentialSubject = 'Maria Lopez'; }, { schema: 'SCHEMA_INVALID', subject: 'SUBJECT_MISSING', proof: 'PROOF_INVALID' }],
    ['proof is a string', (c) => { c.proof = 'trust me'; }, { schema: 'SCHEMA_INVALID', proof: 'PROOF_INVALID' }],
    ['proof is an array of scalars', (c) => { c.proof = [1, null, true]; }, { schema: 'SCHEMA_INVALID', proof: 'PROOF_INVALID' }],
    ['@context is an object', (c) => { c['@context'] = { name: 'https://schema.org/name' }; }, { context: 'CONTEXT_ORDER', schema: 'SCHEMA_INVALID', proof: 'PROOF_INVALID' }],
    ['@context is a number', (c) => { c['@context'] = 7; }, { context: 'CONTEXT_ORDER', proof: 'PROOF_INVALID' }],
    ['@context is null', (c) => { c['@context'] = null; }, { context: 'CONTEXT_MISSING', proof: 'PROOF_INVALID' }],
    ['type is a number', (c) => { c.type = 5; }, { type: 'TYPE_INVALID', schema: 'SCHEMA_INVALID', proof: 'PROOF_INVALID' }],
    ['validFrom is a number', (c) => { c.validFrom = 5; }, { 'valid-from': 'DATE_INVALID', proof: 'PROOF_INVALID' }],
    ['proof.verificationMethod is a number', (c) => { c.proof[0].verificationMethod = 5; }, { proof: 'VERIFICATION_METHOD_UNRESOLVABLE' }],
    ['proof.proofValue is a number', (c) => { c.proof[0].proofValue = 5; }, { proof: 'PROOF_INVALID' }],
    ['proof.proofValue is not multibase', (c) => { c.proof[0].proofValue = 'hello'; }, { proof: 'PROOF_INVALID' }],
    ['achievement is an array', (c) => { c.credentialSubject.achievement = []; }, { subject: 'ACHIEVEMENT_MISSING', proof: 'PROOF_INVALID' }],
    ['credentialSchema holds junk', (c) => { c.credentialSchema = [null, 5, { id: 5 }]; }, { schema: 'SCHEMA_INVALID', proof: 'PROOF_INVALID' }],
    ['nine proofs', (c) => { c.proof = Array.from({ length: 9 }, () => c.proof[0]); }, { proof: 'PROOF_INVALID' }],
  ];

  it.each(cases)('%s', async (_name, mutate, expected) => {
    const copy = structuredClone(signed);
    mutate(copy);
    const report = await verifyCredential(copy, { now: NOW });
    expectWellFormed(report);
    expect(report.verified).toBe(false);
    expect(check(report, 'parse').status).toBe('passed');
    for (const [id, code] of Object.entries(expected)) {
      expect(check(report, id as Check['id']), id).toMatchObject({ status: 'failed', code });
    }
  });
});

describe('canonicalization work is bounded', () => {
  it('30 look-alike evidence entries: a normal credential, signed and verified quickly', async () => {
    const key = await generateKey();
    const evidence = Array.from({ length: 30 }, () => ({ type: ['Evidence'], name: 'x' }));
    const credential = await issueCredential(waitTimeDraft(key.controller, { evidence }), { key });
    const started = performance.now();
    const report = await verifyCredential(credential, { now: NOW });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(check(report, 'proof').status).toBe('passed');
    expect(report.verified).toBe(true);
  });

  it('30 look-alike evidence entries swapped into a signed credential: not verified, within seconds', async () => {
    const copy = structuredClone(signed);
    copy.evidence = Array.from({ length: 30 }, () => ({ type: ['Evidence'], name: 'x' }));
    const started = performance.now();
    const report = await verifyCredential(copy, { now: NOW });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(report.verified).toBe(false);
    const proof = check(report, 'proof');
    expect(proof.status).toBe('failed');
    expect(['PROOF_INVALID', 'INPUT_TOO_COMPLEX']).toContain(proof.code);
  });

  it.each([2, 6, 16])('a poison graph (%i blank nodes, each pointing at all the others) → INPUT_TOO_COMPLEX', async (n) => {
    // Look-alike blank nodes linked to each other force RDFC-1.0 into its N-degree hashing, whose
    // work grows factorially; rdf-canonize gives up past (look-alike nodes)^maxWorkFactor.
    const ids = Array.from({ length: n }, (_, i) => `_:n${i}`);
    const copy = structuredClone(signed);
    copy.credentialSubject.achievement.creator = ids.map((id) => ({
      id,
      type: ['Profile'],
      parentOrg: ids.filter((other) => other !== id).map((other) => ({ id: other })),
    }));
    const started = performance.now();
    const report = await verifyCredential(copy, { now: NOW });
    expect(performance.now() - started).toBeLessThan(3_000);
    expectWellFormed(report);
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'INPUT_TOO_COMPLEX' });
  });

  it('signing a poison graph is refused with INPUT_TOO_COMPLEX', async () => {
    const { signDocument } = await import('../../src/proof/index.js');
    const key = await generateKey();
    const { proof: _proof, ...unsigned } = structuredClone(signed);
    unsigned.credentialSubject.achievement.creator = [
      { id: '_:a', type: ['Profile'], parentOrg: { id: '_:b' } },
      { id: '_:b', type: ['Profile'], parentOrg: { id: '_:a' } },
    ];
    const error = await signDocument(unsigned, { signer: key.signer() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Obv3Error);
    expect((error as Obv3Error).code).toBe('INPUT_TOO_COMPLEX');
  });
});

describe('misuse of the options throws Obv3Error INVALID_ARGUMENT', () => {
  it.each([
    ['now is a string', { now: 'yesterday' }],
    ['now is an invalid Date', { now: new Date('not a date') }],
    ['fetch is a number', { fetch: 42 }],
    ['clockSkewSeconds is negative', { clockSkewSeconds: -1 }],
    ['clockSkewSeconds is NaN', { clockSkewSeconds: Number.NaN }],
    ['maxInputBytes is Infinity', { maxInputBytes: Number.POSITIVE_INFINITY }],
    ['acceptUnavailableStatus is a string', { acceptUnavailableStatus: 'yes' }],
    ['contexts is a number', { contexts: 5 }],
    ['a context document is not an object', { contexts: { 'https://x.example/c': 'text' } }],
    ['a context document cannot be written as JSON', { contexts: { 'https://x.example/c': { n: 1n } } }],
  ])('%s', async (_name, options) => {
    const error = await verifyCredential(signed, options as unknown as VerifyOptions).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Obv3Error);
    expect((error as Obv3Error).code).toBe('INVALID_ARGUMENT');
  });

  it('options null', async () => {
    const error = await verifyCredential(signed, null as unknown as VerifyOptions).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Obv3Error);
    expect((error as Obv3Error).code).toBe('INVALID_ARGUMENT');
  });
});

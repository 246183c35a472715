/**
 * The verifier's reading of a fetched status list credential: the 1EdTech validator's signed
 * list, both formats, purpose arrays, dates, and a stable reason for everything it refuses.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBits, writeBit } from '../../../src/status/bitstring.js';
import { readStatusListCredential, type ParsedStatusList, type StatusListProblem } from '../../../src/status/read-status-list.js';
import { MIN_STATUS_LIST_LENGTH } from '../../../src/status/types.js';
import { hasSharedSpec, readSharedJson } from '../../support/shared-spec.js';

const MAX = { maxBytes: 16 * 1024 * 1024 };
const FIXTURES = ['ob-v3p0', 'validator-fixtures'];

/** An encoder independent of the one under test: GZIP, base64url, multibase "u". */
function encodeBitstring(bits: Uint8Array): string {
  return `u${gzipSync(bits).toString('base64url')}`;
}

function minimumBits(...set: number[]): Uint8Array {
  const bits = new Uint8Array(MIN_STATUS_LIST_LENGTH / 8);
  for (const i of set) writeBit(bits, i, true);
  return bits;
}

function bslCredential(subject: Record<string, unknown> = {}, top: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: 'https://issuer.example/status/1',
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: 'did:example:issuer',
    validFrom: '2026-05-01T12:00:00Z',
    validUntil: '2026-05-08T12:00:00Z',
    credentialSubject: {
      id: 'https://issuer.example/status/1#list',
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeBitstring(minimumBits(5)),
      ...subject,
    },
    ...top,
  };
}

function expectParsed(result: ParsedStatusList | StatusListProblem): ParsedStatusList {
  if (!result.ok) throw new Error(`expected a parsed list, got ${result.reason}: ${result.message}`);
  return result;
}

function expectProblem(result: ParsedStatusList | StatusListProblem): StatusListProblem {
  if (result.ok) throw new Error('expected a problem, got a parsed list');
  expect(result.message.length).toBeGreaterThan(0);
  return result;
}

describe.skipIf(!hasSharedSpec)('the 1EdTech validator\'s signed BitstringStatusListCredential', () => {
  it('decodes with index 23 set and its neighbours clear', () => {
    const list = expectParsed(readStatusListCredential(readSharedJson(...FIXTURES, 'bit-string-list__testlist.json'), MAX));
    expect(list).toMatchObject({ format: 'BitstringStatusList', id: 'https://example.com/credentials/status/3', issuer: 'https://1edtech.edu/issuers/565049', purposes: ['revocation'], length: 131_072 });
    expect(readBits(list.bits, 23)).toBe(1);
    expect(readBits(list.bits, 22)).toBe(0);
    expect(readBits(list.bits, 24)).toBe(0);
    expect(list.bits.reduce((n, byte) => n + (byte === 0 ? 0 : 1), 0)).toBe(1);
    expect(list.validFrom?.toISOString()).toBe('2021-04-05T14:27:40.000Z');
    expect(list.validUntil).toBeUndefined();
    expect(list.ttlMs).toBeUndefined();
  });

  it('agrees with the revoked credential that points at it', () => {
    const credential = readSharedJson<{ credentialStatus: { statusListIndex: number; statusPurpose: string } }>(...FIXTURES, 'bit-string-list__credential-status-revoked.json');
    const list = expectParsed(readStatusListCredential(readSharedJson(...FIXTURES, 'bit-string-list__testlist.json'), MAX));
    expect(list.purposes).toContain(credential.credentialStatus.statusPurpose);
    expect(readBits(list.bits, credential.credentialStatus.statusListIndex)).toBe(1);
  });
});

describe('readStatusListCredential', () => {
  it('reads a BitstringStatusList with ttl, dates and an issuer object', () => {
    const list = expectParsed(readStatusListCredential(bslCredential({ ttl: 60_000 }, { issuer: { id: 'did:example:issuer', name: 'X' } }), MAX));
    expect(list).toMatchObject({ format: 'BitstringStatusList', issuer: 'did:example:issuer', ttlMs: 60_000, length: MIN_STATUS_LIST_LENGTH });
    expect(list.validFrom?.toISOString()).toBe('2026-05-01T12:00:00.000Z');
    expect(list.validUntil?.toISOString()).toBe('2026-05-08T12:00:00.000Z');
    expect(readBits(list.bits, 5)).toBe(1);
    expect(readBits(list.bits, 4)).toBe(0);
  });

  it('accepts statusPurpose as an array (the Recommendation allows several)', () => {
    const list = expectParsed(readStatusListCredential(bslCredential({ statusPurpose: ['revocation', 'suspension'] }), MAX));
    expect(list.purposes).toEqual(['revocation', 'suspension']);
  });

  it('reads a VC 1.1 StatusList2021Credential: unprefixed encodedList, issuanceDate/expirationDate', () => {
    const doc = {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1'],
      id: 'https://issuer.example/status/2021',
      type: ['VerifiableCredential', 'StatusList2021Credential'],
      issuer: 'did:example:issuer',
      issuanceDate: '2022-01-01T00:00:00Z',
      expirationDate: '2030-01-01T00:00:00+01:00',
      credentialSubject: { id: 'https://issuer.example/status/2021#list', type: 'StatusList2021', statusPurpose: 'suspension', encodedList: gzipSync(minimumBits(9)).toString('base64url') },
    };
    const list = expectParsed(readStatusListCredential(doc, MAX));
    expect(list).toMatchObject({ format: 'StatusList2021', purposes: ['suspension'] });
    expect(list.validFrom?.toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(list.validUntil?.toISOString()).toBe('2029-12-31T23:00:00.000Z');
    expect(readBits(list.bits, 9)).toBe(1);
    // A 2021 list written with the Recommendation's prefix is not a 2021 list.
    expect(expectProblem(readStatusListCredential({ ...doc, credentialSubject: { ...doc.credentialSubject, encodedList: encodeBitstring(minimumBits()) } }, MAX)).reason).toBe('MALFORMED');
  });

  it('refuses a short list with STATUS_LIST_LENGTH_ERROR and a bomb with TOO_LARGE', () => {
    expect(expectProblem(readStatusListCredential(bslCredential({ encodedList: encodeBitstring(new Uint8Array(125)) }), MAX)).reason).toBe('STATUS_LIST_LENGTH_ERROR');
    const bomb = `u${gzipSync(Buffer.alloc(64 * 1024 * 1024)).toString('base64url')}`;
    expect(expectProblem(readStatusListCredential(bslCredential({ encodedList: bomb }), MAX)).reason).toBe('TOO_LARGE');
  });

  it.each([
    ['not an object', []],
    ['no VerifiableCredential type', bslCredential({}, { type: ['BitstringStatusListCredential'] })],
    ['not a status list type', bslCredential({}, { type: ['VerifiableCredential', 'OpenBadgeCredential'] })],
    ['both list types', bslCredential({}, { type: ['VerifiableCredential', 'BitstringStatusListCredential', 'StatusList2021Credential'] })],
    ['no id', bslCredential({}, { id: undefined })],
    ['no issuer', bslCredential({}, { issuer: { name: 'nobody' } })],
    ['two subjects', bslCredential({}, { credentialSubject: [{}, {}] })],
    ['wrong subject type', bslCredential({ type: 'StatusList2021' })],
    ['no statusPurpose', bslCredential({ statusPurpose: undefined })],
    ['empty purpose array', bslCredential({ statusPurpose: [] })],
    ['non-string purpose', bslCredential({ statusPurpose: ['revocation', 7] })],
    ['ttl as a string', bslCredential({ ttl: '300000' })],
    ['negative ttl', bslCredential({ ttl: -5 })],
    ['encodedList not a string', bslCredential({ encodedList: 42 })],
    ['unprefixed BitstringStatusList', bslCredential({ encodedList: encodeBitstring(minimumBits()).slice(1) })],
    ['date without a time zone', bslCredential({}, { validFrom: '2026-05-01T12:00:00' })],
    ['date that is not a date', bslCredential({}, { validUntil: 'tomorrow' })],
    ['validUntil before validFrom', bslCredential({}, { validUntil: '2026-04-01T00:00:00Z' })],
  ])('refuses %s as MALFORMED', (_name, doc) => {
    expect(expectProblem(readStatusListCredential(doc, MAX)).reason).toBe('MALFORMED');
  });

  it('accepts a one-element credentialSubject array (the same JSON-LD graph)', () => {
    const doc = bslCredential();
    const list = expectParsed(readStatusListCredential({ ...doc, credentialSubject: [doc.credentialSubject] }, MAX));
    expect(readBits(list.bits, 5)).toBe(1);
  });
});

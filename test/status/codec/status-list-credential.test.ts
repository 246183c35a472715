/**
 * The unsigned BitstringStatusListCredential: its exact shape, its argument checks, and that the
 * library's own signer accepts it in JSON-LD safe mode and the signed list decodes to the bits.
 */
import { describe, expect, it } from 'vitest';
import { isObv3Error } from '../../../src/errors.js';
import { generateKey } from '../../../src/keys/index.js';
import { signDocument } from '../../../src/proof/index.js';
import { decodeBitstring, readBits, writeBit } from '../../../src/status/bitstring.js';
import { readStatusListCredential } from '../../../src/status/read-status-list.js';
import { buildStatusListCredential, type BuildStatusListCredentialOptions } from '../../../src/status/status-list-credential.js';
import { MIN_STATUS_LIST_LENGTH } from '../../../src/status/types.js';

const LIST_URL = 'https://district.example/status/3';

function options(overrides: Partial<BuildStatusListCredentialOptions> = {}): BuildStatusListCredentialOptions {
  const bits = new Uint8Array(MIN_STATUS_LIST_LENGTH / 8);
  writeBit(bits, 23, true);
  return {
    id: LIST_URL,
    issuer: 'did:example:issuer',
    purpose: 'revocation',
    bits,
    validFrom: new Date('2026-05-01T12:00:00.750Z'),
    validUntil: new Date('2026-05-08T12:00:00Z'),
    ttlMs: 300_000,
    ...overrides,
  };
}

async function invalidArgument(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (isObv3Error(error, 'INVALID_ARGUMENT')) return error.message;
    throw error;
  }
  throw new Error('expected an INVALID_ARGUMENT error');
}

describe('buildStatusListCredential', () => {
  it('builds a VC 2.0 BitstringStatusListCredential with whole-second UTC times', async () => {
    const credential = await buildStatusListCredential(options());
    const { encodedList, ...subject } = credential.credentialSubject;
    expect({ ...credential, credentialSubject: subject }).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: LIST_URL,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:example:issuer',
      validFrom: '2026-05-01T12:00:00Z',
      validUntil: '2026-05-08T12:00:00Z',
      credentialSubject: { id: `${LIST_URL}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', ttl: 300_000 },
    });
    expect(encodedList.startsWith('u')).toBe(true);
    const bits = decodeBitstring(encodedList, { maxBytes: 1 << 20, multibase: true });
    expect(readBits(bits, 23)).toBe(1);
    expect(readBits(bits, 22)).toBe(0);
  });

  it('writes a purpose array as given and leaves ttl out when not asked for', async () => {
    const credential = await buildStatusListCredential(options({ purpose: ['revocation', 'suspension'], ttlMs: undefined }));
    expect(credential.credentialSubject.statusPurpose).toEqual(['revocation', 'suspension']);
    expect('ttl' in credential.credentialSubject).toBe(false);
  });

  it('does not modify the caller\'s bits', async () => {
    const opts = options();
    const before = Uint8Array.from(opts.bits);
    await buildStatusListCredential(opts);
    expect(opts.bits).toEqual(before);
  });

  it('refuses bad arguments with INVALID_ARGUMENT', async () => {
    expect(await invalidArgument(() => buildStatusListCredential(options({ bits: new Uint8Array(125) })))).toMatch(/at least 131072 bits/);
    expect(await invalidArgument(() => buildStatusListCredential(options({ validUntil: new Date('2026-05-01T12:00:00.900Z') })))).toMatch(/after validFrom/);
    expect(await invalidArgument(() => buildStatusListCredential(options({ validFrom: new Date('nope') })))).toMatch(/validFrom/);
    expect(await invalidArgument(() => buildStatusListCredential(options({ id: `${LIST_URL}#frag` })))).toMatch(/without a fragment/);
    expect(await invalidArgument(() => buildStatusListCredential(options({ id: '/status/3' })))).toMatch(/absolute URL/);
    expect(await invalidArgument(() => buildStatusListCredential(options({ issuer: '' })))).toMatch(/issuer/);
    expect(await invalidArgument(() => buildStatusListCredential(options({ purpose: [] })))).toMatch(/purpose/);
    expect(await invalidArgument(() => buildStatusListCredential(options({ purpose: ['revocation', 'revocation'] })))).toMatch(/purpose/);
    expect(await invalidArgument(() => buildStatusListCredential(options({ purpose: 'message' as never })))).toMatch(/purpose/);
    expect(await invalidArgument(() => buildStatusListCredential(options({ ttlMs: -1 })))).toMatch(/ttlMs/);
  });

  it('signs with the library\'s signer (safe mode accepts every term) and the signed list reads back', async () => {
    const key = await generateKey();
    const unsigned = await buildStatusListCredential(options({ issuer: key.controller, purpose: ['revocation', 'suspension'] }));
    const signed = await signDocument(unsigned, { signer: key.signer(), created: new Date('2026-05-01T12:00:00Z') });
    expect(signed.proof).toHaveLength(1);
    expect(signed.proof[0]).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: key.id });

    const parsed = readStatusListCredential(JSON.parse(JSON.stringify(signed)), { maxBytes: 1 << 20 });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed).toMatchObject({ format: 'BitstringStatusList', id: LIST_URL, issuer: key.controller, purposes: ['revocation', 'suspension'], length: MIN_STATUS_LIST_LENGTH, ttlMs: 300_000 });
    expect(parsed.bits).toEqual(options().bits);
    expect(parsed.validFrom?.toISOString()).toBe('2026-05-01T12:00:00.000Z');
  });

  it('is refused by the signer when a term is undefined, so the test above proves something', async () => {
    const key = await generateKey();
    const unsigned = { ...(await buildStatusListCredential(options({ issuer: key.controller }))), notATerm: 1 };
    await expect(signDocument(unsigned, { signer: key.signer() })).rejects.toMatchObject({ code: 'JSONLD_INVALID' });
  });
});

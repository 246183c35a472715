/**
 * Batch issuance and verification on worker threads: each result is what the single call gives,
 * streams are read no further ahead than the bound, early stops end the workers, and misuse
 * throws before any thread starts.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLED_CONTEXTS,
  Obv3Error,
  buildCredential,
  createMemoryStatusStore,
  createStatusRegistry,
  exportKey,
  generateKey,
  issueCredential,
  issueCredentials,
  loadTrustRegistry,
  resolveDidKey,
  signCredential,
  signCredentials,
  verifyCredential,
  verifyCredentials,
  type Ed25519KeyPair,
  type IssueBatchResult,
  type Signer,
  type TrustRegistry,
  type StatusPurpose,
  type VerificationReport,
} from '../../src/index.js';
import { fetchStub } from '../support/fetch-stub.js';
import { waitTimeDraft } from '../support/drafts.js';

const CREATED = new Date('2026-05-01T12:00:00Z');
const NOW = new Date('2026-06-01T00:00:00Z');

let key: Ed25519KeyPair;
beforeAll(async () => {
  key = await generateKey();
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

function comparable(report: VerificationReport): unknown {
  return { ...report, provenance: { ...report.provenance, verifiedAt: '(now)' } };
}

function drafts(n: number) {
  return Array.from({ length: n }, (_, i) => waitTimeDraft(key.controller, { id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
}

async function plainVcVerifies(credential: object): Promise<boolean> {
  const loader = async (url: string) => {
    const context = BUNDLED_CONTEXTS.find((c) => c.url === url);
    if (context) return { contextUrl: null, documentUrl: url, document: context.document };
    const { document, verificationMethod } = resolveDidKey(url);
    return { contextUrl: null, documentUrl: url, document: url.includes('#') ? verificationMethod : document };
  };
  const result = await vc.verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader: loader, now: NOW });
  return result.verified;
}

describe('signCredentials / issueCredentials', () => {
  it('sign every credential exactly as signCredential does, in input order', async () => {
    const credentials = drafts(40).map((d) => buildCredential(d));
    const results = await collect(signCredentials(credentials, { key, created: CREATED, workers: 2 }));
    expect(results.map((r) => r.index)).toEqual(credentials.map((_, i) => i));
    for (const [i, result] of results.entries()) {
      expect(result.error).toBeUndefined();
      expect(JSON.stringify(result.credential)).toBe(JSON.stringify(await signCredential(credentials[i]!, { key, created: CREATED })));
    }
    expect(await plainVcVerifies(results[7]!.credential!)).toBe(true);
  });

  it('report a bad draft as that item\'s Obv3Error (the one issueCredential throws) and go on', async () => {
    const inputs = drafts(5);
    inputs[2] = { ...inputs[2]!, achievement: { ...inputs[2]!.achievement, criteria: undefined } } as never;
    const results = await collect(issueCredentials(inputs, { key, workers: 2 }));
    const single = await issueCredential(inputs[2]!, { key }).catch((e: unknown) => e as Obv3Error);
    expect(results[2]!.error).toBeInstanceOf(Obv3Error);
    expect(results[2]!.error).toMatchObject({ code: 'SCHEMA_INVALID', message: (single as Obv3Error).message, problems: (single as Obv3Error).problems });
    expect(results.filter((r) => r.credential).map((r) => r.index)).toEqual([0, 1, 3, 4]);
  });

  it('with ordered: false, return every input exactly once, tagged with its index', async () => {
    const results = await collect(issueCredentials(drafts(60), { key, workers: 2, ordered: false }));
    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(results.map((r) => r.credential?.id)).toEqual(results.map((r) => `urn:uuid:00000000-0000-4000-8000-${String(r.index).padStart(12, '0')}`));
  });

  it('ask a KMS signer (which cannot cross threads) for each signature in this thread', async () => {
    const calls: Uint8Array[] = [];
    const own = key.signer();
    const kms: Signer = { id: own.id, algorithm: 'Ed25519', sign: async (data) => (calls.push(data), own.sign(data)) };
    const credentials = drafts(6).map((d) => buildCredential(d));
    const results = await collect(signCredentials(credentials, { key: kms, created: CREATED, workers: 2 }));
    expect(calls).toHaveLength(6);
    expect(calls.every((data) => data.length === 64)).toBe(true);
    for (const [i, result] of results.entries()) {
      expect(JSON.stringify(result.credential)).toBe(JSON.stringify(await signCredential(credentials[i]!, { key, created: CREATED })));
    }
  });

  it('give each credential a status entry from options.status, allocated in this thread, none for a refused draft', async () => {
    const registry = createStatusRegistry({ store: createMemoryStatusStore(), listBaseUrl: 'https://district.example/status/', key });
    const asked: string[] = [];
    const status = { ...registry, allocate: (id: string, purposes?: readonly StatusPurpose[]) => (asked.push(id), registry.allocate(id, purposes)) };
    const inputs = drafts(6);
    inputs[2] = { ...inputs[2]!, achievement: { ...inputs[2]!.achievement, criteria: undefined } } as never;
    const purposes: StatusPurpose[] = ['revocation', 'suspension'];
    const results = await collect(issueCredentials(inputs, { key, status, statusPurposes: purposes, workers: 2 }));
    expect(results[2]!.error).toMatchObject({ code: 'SCHEMA_INVALID' });
    const good = results.filter((r) => r.credential);
    expect(asked.sort()).toEqual(good.map((r) => r.credential!.id).sort());
    for (const { index, credential } of good) {
      expect(credential!.credentialStatus).toHaveLength(2);
      // The single call gets the same entries (allocate is idempotent per credential id).
      const single = await issueCredential(inputs[index]!, { key, status: registry, statusPurposes: purposes });
      expect(single.credentialStatus).toEqual(credential!.credentialStatus);
    }
    const indices = good.flatMap((r) => (r.credential!.credentialStatus as { statusListCredential: string; statusListIndex: string }[]).map((e) => `${e.statusListCredential}#${e.statusListIndex}`));
    expect(new Set(indices).size).toBe(indices.length);
  });

  it('an allocation that fails is that item\'s error, with its code', async () => {
    const status = { allocate: async () => { throw new Obv3Error('STORE_BUSY', 'The status store is locked.'); } } as never;
    const [result] = await collect(issueCredentials(drafts(1), { key, status, workers: 1 }));
    expect(result!.error).toMatchObject({ code: 'STORE_BUSY', message: 'The status store is locked.' });
  });

  it('a draft that cannot be copied to a thread is issued here, with the same outcome', async () => {
    const odd = { ...drafts(1)[0]!, name: 'Wait Time', toString: () => 'not data' };
    const [result] = await collect(issueCredentials([odd], { key, workers: 1 }));
    const single = await issueCredential(odd, { key }).then((c) => ({ credential: c }), (e: unknown) => ({ error: e as Obv3Error }));
    expect(Boolean(result!.credential)).toBe('credential' in single);
    if (result!.error) expect(result!.error.message).toBe((single as { error: Obv3Error }).error.message);
  });
});

describe('verifyCredentials', () => {
  let signed: object[];
  beforeAll(async () => {
    signed = await Promise.all(drafts(12).map((d) => issueCredential(d, { key, created: CREATED })));
  });

  it('gives each input the report verifyCredential gives it: objects, JSON text, bytes, broken ones', async () => {
    const tampered = { ...signed[1], name: 'Changed after signing' };
    const inputs = [signed[0]!, JSON.stringify(tampered), new TextEncoder().encode(JSON.stringify(signed[2])), 'not json', 42 as never, ...signed.slice(3)];
    const results = await collect(verifyCredentials(inputs, { now: NOW, workers: 2 }));
    expect(results.map((r) => r.index)).toEqual(inputs.map((_, i) => i));
    for (const [i, { report }] of results.entries()) {
      expect(comparable(report)).toEqual(comparable(await verifyCredential(inputs[i]!, { now: NOW })));
    }
    expect(results.map((r) => r.report.verified)).toEqual([true, false, true, false, false, ...signed.slice(3).map(() => true)]);
    expect(results[1]!.report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });

  it('decides trust in the workers as verifyCredential does, from a plain or a loaded registry', async () => {
    const registry: TrustRegistry = {
      type: 'TrustedIssuerRegistry',
      id: 'https://doe.state.example/registry',
      name: 'Approved issuers',
      publisher: { id: key.controller, name: 'State DOE' },
      issuers: [{ id: key.controller, name: 'Lakeside' }],
    };
    for (const given of [registry, loadTrustRegistry(registry)]) {
      const options = { now: NOW, trust: { registry: given } };
      const results = await collect(verifyCredentials(signed.slice(0, 3), { ...options, workers: 1 }));
      for (const [i, { report }] of results.entries()) {
        expect(report.checks.find((c) => c.id === 'trust')).toMatchObject({ status: 'passed' });
        expect(comparable(report)).toEqual(comparable(await verifyCredential(signed[i]!, options)));
      }
    }
  });

  it('fetches through options.fetch in this thread, and records what was fetched', async () => {
    const issuer = 'https://district.example/issuer';
    const httpsKey = await generateKey({ controller: issuer });
    const credential = await issueCredential(waitTimeDraft(issuer), { key: httpsKey, created: CREATED });
    const stub = fetchStub({ [issuer]: { id: issuer, verificationMethod: [exportKey(httpsKey)], assertionMethod: [httpsKey.id] } });
    const [result] = await collect(verifyCredentials([credential], { now: NOW, fetch: stub.fetch, workers: 1 }));
    expect(result!.report.verified).toBe(true);
    expect(stub.requested).toEqual([issuer]);
    expect(result!.report.provenance.fetched).toEqual([expect.objectContaining({ url: issuer, status: 200 })]);
    const single = await verifyCredential(credential, { now: NOW, fetch: fetchStub({ [issuer]: { id: issuer, verificationMethod: [exportKey(httpsKey)], assertionMethod: [httpsKey.id] } }).fetch });
    const withoutTimes = (r: VerificationReport) => ({ ...(comparable(r) as VerificationReport), provenance: { ...r.provenance, verifiedAt: '', fetched: r.provenance.fetched.map((f) => ({ ...f, fetchedAt: '' })) } });
    expect(withoutTimes(result!.report)).toEqual(withoutTimes(single));
  });

  it('refuses a fetched document over maxFetchBytes, as verifyCredential does', async () => {
    const issuer = 'https://district.example/big';
    const httpsKey = await generateKey({ controller: issuer });
    const credential = await issueCredential(waitTimeDraft(issuer), { key: httpsKey, created: CREATED });
    const big = { id: issuer, verificationMethod: [exportKey(httpsKey)], assertionMethod: [httpsKey.id], padding: 'x'.repeat(5000) };
    const [result] = await collect(verifyCredentials([credential], { now: NOW, fetch: fetchStub({ [issuer]: big }).fetch, maxFetchBytes: 1000, workers: 1 }));
    const single = await verifyCredential(credential, { now: NOW, fetch: fetchStub({ [issuer]: big }).fetch, maxFetchBytes: 1000 });
    expect(result!.report.checks.find((c) => c.id === 'proof')).toEqual(single.checks.find((c) => c.id === 'proof'));
    expect(result!.report.verified).toBe(false);
  });
});

describe('streaming', () => {
  it('reads an async stream no further ahead than the bound, however slow the consumer', async () => {
    let read = 0;
    let consumed = 0;
    let maxAhead = 0;
    async function* source() {
      for (let i = 0; i < 300; i++) {
        read++;
        maxAhead = Math.max(maxAhead, read - consumed);
        yield buildCredential(waitTimeDraft(key.controller));
      }
    }
    for await (const result of signCredentials(source(), { key, workers: 2 })) {
      expect(result.error).toBeUndefined();
      consumed++;
      if (consumed % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(consumed).toBe(300);
    // workers × chunk (16) × 3, plus the one being read.
    expect(maxAhead).toBeLessThanOrEqual(2 * 16 * 3 + 1);
  });

  it('stops the input and the workers when the consumer stops early', async () => {
    let finished = false;
    function* source() {
      try {
        for (let i = 0; ; i++) yield waitTimeDraft(key.controller);
      } finally {
        finished = true;
      }
    }
    const got: IssueBatchResult[] = [];
    for await (const result of issueCredentials(source(), { key, workers: 2 })) {
      got.push(result);
      if (got.length === 5) break;
    }
    expect(got.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(finished).toBe(true);
  });

  it('passes an error of the input stream on to the consumer', async () => {
    async function* source() {
      yield waitTimeDraft(key.controller);
      throw new Error('the database went away');
    }
    await expect(collect(issueCredentials(source(), { key, workers: 1 }))).rejects.toThrow('the database went away');
  });
});

describe('misuse throws at once, before any worker starts', () => {
  it.each([
    ['workers: 0', { workers: 0 }],
    ['workers: 1.5', { workers: 1.5 }],
    ['ordered: "yes"', { ordered: 'yes' as never }],
  ])('%s', (_label, extra) => {
    expect(() => issueCredentials([], { key, ...extra })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => verifyCredentials([], extra)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('an RSA or P-256 key pair (or a signer declaring ES256): INVALID_ARGUMENT before any thread starts', async () => {
    const es256 = await generateKey({ algorithm: 'ES256' });
    const signer = { id: es256.id, algorithm: 'ES256', sign: (data: Uint8Array) => es256.signer().sign(data) };
    for (const bad of [es256, signer]) {
      expect(() => issueCredentials([], { key: bad as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('issueCredentialJwt') }));
      expect(() => signCredentials([], { key: bad as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });

  it('a public-only key, a missing key, an input that is not a stream, options that cannot be copied', async () => {
    const publicOnly = await (await import('../../src/index.js')).importKey(exportKey(key));
    expect(() => issueCredentials([], { key: publicOnly })).toThrow(expect.objectContaining({ code: 'KEY_INVALID' }));
    expect(() => issueCredentials([], {} as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => verifyCredentials({} as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => verifyCredentials([], { contexts: { 'https://x.example/c': { f: () => 1 } as never } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => verifyCredentials([], { now: 'yesterday' as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('worker threads start with the parent\'s Node options', () => {
  it('except those about the main script, which would stop a worker from starting', async () => {
    const { workerExecArgv } = await import('../../src/batch/worker-script.js');
    expect(workerExecArgv(['--input-type=module', '-e', 'import x from "y"', '--no-warnings', '--eval=1', '--input-type', 'commonjs', '-p', '1', '--enable-source-maps'])).toEqual([
      '--no-warnings',
      '--enable-source-maps',
    ]);
  });
});

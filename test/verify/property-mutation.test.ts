/**
 * Random mutations of a signed credential: any change to what was signed is never verified.
 *
 * eddsa-rdfc-2022 signs the canonical RDF of the credential and of the proof options (every proof
 * property but proofValue), not the JSON text. A JSON change that leaves that RDF unchanged (an
 * extra empty inline @context, an empty array, a reordered set) is not a change of signed content.
 * So the random property is: a mutated credential that verifies must have exactly the signed
 * content of the original, checked by canonicalizing both independently of the verifier. The
 * narrower properties (scalar replacements, deletions) cannot be RDF-neutral and are strict.
 */
import fc from 'fast-check';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentLoader, generateKey, issueCredential, verifyCredential } from '../../src/index.js';
import { decodeBase58btc } from '../../src/keys/base58btc.js';
import { waitTimeDraft } from '../support/drafts.js';

type Json = Record<string, any>;
type Path = (string | number)[];

const NOW = new Date('2026-06-01T00:00:00Z');
const CREATED = new Date('2026-05-01T12:00:00Z');
const loader = createDocumentLoader();

let signed: Json;
let original: string;
let allPaths: Path[];
let signedContent: { document: string; proofOptions: string };

/** Keys sorted, and read back through JSON as the verifier reads an object (-0 → 0, no undefined). */
function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Json)[k])]))
        : v;
  return JSON.stringify(sort(JSON.parse(JSON.stringify(value))));
}

/** Every path in the document, root included: leaves and containers, inside `proof` too. */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      pathsOf((value as Json)[key], [...path, Array.isArray(value) ? Number(key) : key], out);
    }
  }
  return out;
}

function at(root: unknown, path: Path): any {
  return path.reduce<any>((node, key) => node[key], root);
}

/** Own data property, even for "__proto__" (a plain assignment would set the prototype). */
function setOwn(target: Json, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The RDF that eddsa-rdfc-2022 signs: the document without proofs, and the first proof's options. */
async function signedContentOf(doc: Json): Promise<{ document: string; proofOptions: string }> {
  const { proof, ...unsigned } = doc;
  const first = Array.isArray(proof) ? proof[0] : proof;
  const { proofValue: _value, ...options } = first as Json;
  return {
    document: await cryptosuite.canonize(unsigned, { documentLoader: loader }),
    proofOptions: await cryptosuite.canonize({ ...options, '@context': doc['@context'] }, { documentLoader: loader }),
  };
}

async function sameSignedContent(doc: Json): Promise<boolean> {
  try {
    const content = await signedContentOf(doc);
    return content.document === signedContent.document && content.proofOptions === signedContent.proofOptions;
  } catch {
    return false; // not even canonicalizable: certainly not what was signed
  }
}

interface Mutation {
  pick: number;
  kind: 'replace' | 'delete' | 'add';
  value: unknown;
  key: string;
}

/** Applies a mutation to a copy; undefined when it does not apply (e.g. delete the root). */
function mutate(m: Mutation, paths: readonly Path[] = allPaths): Json | undefined {
  const copy = structuredClone(signed);
  const path = paths[m.pick % paths.length]!;
  const target = at(copy, path);
  if (m.kind === 'add') {
    if (target === null || typeof target !== 'object') return undefined;
    if (Array.isArray(target)) target.push(m.value);
    else setOwn(target, m.key, m.value);
    return copy;
  }
  if (path.length === 0) return undefined;
  const parent = at(copy, path.slice(0, -1));
  const last = path.at(-1)!;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    setOwn(parent, last, m.value);
  }
  return copy;
}

const interestingKeys = fc.constantFrom(
  'id', 'type', 'name', 'description', 'narrative', 'validUntil', 'credentialStatus', 'evidence',
  'nonce', 'domain', 'challenge', 'expires', 'previousProof', 'proofValue', '@context', '@id', '@type', '@foo', '__proto__',
);

const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom<Mutation['kind']>('replace', 'delete', 'add'),
  value: fc.jsonValue({ maxDepth: 2 }),
  key: fc.oneof(interestingKeys, fc.string({ maxLength: 12 })),
});

beforeAll(async () => {
  const key = await generateKey();
  signed = (await issueCredential(waitTimeDraft(key.controller), { key, created: CREATED })) as Json;
  original = canonicalJson(signed);
  allPaths = pathsOf(signed);
  signedContent = await signedContentOf(signed);
  const baseline = await verifyCredential(structuredClone(signed), { now: NOW });
  expect(baseline.verified).toBe(true);
});

describe('random mutations of a signed credential', () => {
  it('the oracle sees the signed content of the original as unchanged, and of a tampered copy as changed', async () => {
    expect(await sameSignedContent(structuredClone(signed))).toBe(true);
    const tampered = structuredClone(signed);
    tampered.credentialSubject.creditsEarned = 16;
    expect(await sameSignedContent(tampered)).toBe(false);
    const tamperedProof = structuredClone(signed);
    tamperedProof.proof[0].created = '2026-05-01T12:00:01Z';
    expect(await sameSignedContent(tamperedProof)).toBe(false);
  });

  it('a mutated credential that verifies carries exactly the signed content (150 runs)', async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const doc = mutate(m);
        fc.pre(doc !== undefined && canonicalJson(doc) !== original);
        tried++;
        const report = await verifyCredential(doc!, { now: NOW });
        if (report.verified) {
          expect(await sameSignedContent(doc!), `verified with changed signed content: ${JSON.stringify(m)}`).toBe(true);
        }
      }),
      { numRuns: 150, seed: 20260601, endOnFailure: true },
    );
    expect(tried).toBeGreaterThanOrEqual(100);
  });

  it('replacing any scalar value (inside proof too) with a different scalar is never verified (100 runs)', async () => {
    const scalarPaths = allPaths.filter((p) => p.length > 0 && (at(signed, p) === null || typeof at(signed, p) !== 'object'));
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(fc.nat(), scalar, async (pick, value) => {
        const doc = mutate({ pick, kind: 'replace', value, key: '' }, scalarPaths)!;
        fc.pre(canonicalJson(doc) !== original);
        const report = await verifyCredential(doc, { now: NOW });
        expect(report.verified, `replaced ${JSON.stringify(scalarPaths[pick % scalarPaths.length])} by ${JSON.stringify(value)}`).toBe(false);
      }),
      { numRuns: 100, seed: 7, endOnFailure: true },
    );
  });

  it('deleting any key or array element, anywhere, is never verified (every path)', async () => {
    const deletable = allPaths.filter((p) => p.length > 0);
    const verified: string[] = [];
    for (const [pick, path] of deletable.entries()) {
      const doc = mutate({ pick, kind: 'delete', value: null, key: '' }, deletable)!;
      const report = await verifyCredential(doc, { now: NOW });
      if (report.verified) verified.push(JSON.stringify(path));
    }
    expect(deletable.length).toBeGreaterThan(50);
    expect(verified).toEqual([]);
  });

  it('adding a defined or undefined property to any object, inside proof too, is never verified', async () => {
    const objects = allPaths.filter((p) => { const v = at(signed, p); return v !== null && typeof v === 'object' && !Array.isArray(v); });
    const verified: string[] = [];
    for (const path of objects) {
      for (const key of ['description', 'fooBar', 'nonce']) {
        if (key in at(signed, path)) continue;
        const doc = structuredClone(signed);
        setOwn(at(doc, path), key, 'x');
        const report = await verifyCredential(doc, { now: NOW });
        if (report.verified) verified.push(`${JSON.stringify(path)} + ${key}`);
      }
    }
    expect(verified).toEqual([]);
  });
});

describe('the proof value', () => {
  it('re-encoded as base64url multibase ("u…") is not verified: eddsa-rdfc-2022 proofValue MUST be base58-btc', async () => {
    const doc = structuredClone(signed);
    const signature = decodeBase58btc(doc.proof[0].proofValue.slice(1));
    expect(signature?.length).toBe(64);
    doc.proof[0].proofValue = `u${Buffer.from(signature!).toString('base64url')}`;
    const report = await verifyCredential(doc, { now: NOW });
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.id === 'proof')?.status).toBe('failed');
  });
});

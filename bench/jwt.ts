/**
 * VC-JWTs and presentations per second, next to baselines doing the same cryptography in the same
 * run: jose signing / verifying the same payload with the same key (signature only, no report),
 * and the presentation's credentials verified one by one (the presentation's own cost on top).
 *
 *   npm run bench:jwt        (BENCH_SECONDS=5 npm run bench:jwt for longer runs)
 *
 * Prints the numbers and the ratios. No thresholds: read, compare, record.
 */
import { createPrivateKey, createPublicKey, type JsonWebKey } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import {
  createPresentation,
  exportKey,
  generateKey,
  issueCredential,
  issueCredentialJwt,
  verifyCredential,
  verifyPresentation,
  type JwsKeyPair,
} from '../src/index.js';
import { waitTimeDraft } from '../test/support/drafts.js';
import { printedRate } from './support/measure.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rate = (label: string, work: () => Promise<unknown>) => printedRate(label, seconds, work);
const now = new Date('2026-06-01T00:00:00Z');

async function jwtRow(algorithm: 'RS256' | 'ES256', teacher: string): Promise<void> {
  const key: JwsKeyPair = await generateKey({ algorithm });
  const draft = waitTimeDraft(key.controller, { id: 'urn:uuid:3b7c5a38-0d7e-4a5f-9d0b-1f3b8d1e9a10', recipient: { id: teacher } });
  const jwt = await issueCredentialJwt(draft, { key });
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const privateKey = createPrivateKey({ key: exportKey(key, { format: 'jwk', includePrivate: true }) as JsonWebKey, format: 'jwk' });
  const publicKey = createPublicKey({ key: key.publicKeyJwk as JsonWebKey, format: 'jwk' });
  console.log(algorithm);
  const signOurs = await rate(`obv3 issueCredentialJwt (build, schema, sign)`, () => issueCredentialJwt(draft, { key }));
  const signBase = await rate('jose SignJWT (same payload, sign only)', () => new SignJWT(payload).setProtectedHeader({ alg: algorithm, typ: 'JWT', kid: key.id }).sign(privateKey));
  const verifyOurs = await rate('obv3 verifyCredential (did:jwk, full report)', async () => {
    if (!(await verifyCredential(jwt, { now })).verified) throw new Error('bench JWT did not verify');
  });
  const verifyBase = await rate('jose jwtVerify (signature and times only)', () => jwtVerify(jwt, publicKey, { currentDate: now }));
  console.log(`  ratio to baseline: sign ${(signOurs / signBase).toFixed(2)}x, verify ${(verifyOurs / verifyBase).toFixed(2)}x`);
}

async function main(): Promise<void> {
  console.log(`obv3 ${process.version}, ${seconds}s per measurement, one core.`);
  const teacher = await generateKey();
  await jwtRow('RS256', teacher.controller);
  await jwtRow('ES256', teacher.controller);

  const [district, platform] = await Promise.all([generateKey(), generateKey({ algorithm: 'ES256' })]);
  const credential = await issueCredential(waitTimeDraft(district.controller, { recipient: { id: teacher.controller } }), { key: district });
  const jwt = await issueCredentialJwt(waitTimeDraft(platform.controller, { recipient: { id: teacher.controller } }), { key: platform });
  const request = { challenge: 'bench-challenge', domain: 'licensing.oregon.example' };
  const vp = await createPresentation({ holder: teacher, credentials: [credential, jwt], ...request });
  console.log('presentation of 2 credentials (an eddsa-rdfc-2022 one and an ES256 VC-JWT)');
  await rate('obv3 createPresentation', () => createPresentation({ holder: teacher, credentials: [credential, jwt], ...request }));
  const ours = await rate('obv3 verifyPresentation (holder proof + both)', async () => {
    if (!(await verifyPresentation(vp, { now, ...request })).verified) throw new Error('bench presentation did not verify');
  });
  const base = await rate('the 2 credentials one by one (verifyCredential)', async () => {
    const reports = await Promise.all([verifyCredential(credential, { now }), verifyCredential(jwt, { now })]);
    if (!reports.every((r) => r.verified)) throw new Error('bench credentials did not verify');
  });
  console.log(`  ratio to baseline: verifyPresentation ${(ours / base).toFixed(2)}x`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * verifyCredential takes a baked PNG or SVG directly: the report says `format: 'png' | 'svg'`,
 * hashes the image as given, and runs every check on the credential inside it, so a credential
 * tampered with inside an image fails its proof like any other. A damaged image, one without a
 * credential or an OB 2.0 image gets a parse failure with a stable code, never an exception; a
 * baked VC-JWT is verified like one handed in as text. Every report validates against the report schema.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/verification-report-v1.schema.json';
import { validateAgainstSchema } from '../../src/schema/index.js';
import {
  BAKED_PNG_KEYWORD,
  CHECK_IDS,
  bake,
  generateKey,
  issueCredentialJwt,
  unbake,
  verifyCredential,
  type Check,
  type CheckCode,
  type VerificationReport,
} from '../../src/index.js';
import { assetPng, assetSvg, itxtChunk, jwtLike, signedCredential, tinyPng, withChunksBeforeIend } from '../bake/images.js';
import { waitTimeDraft } from '../support/drafts.js';

type Json = Record<string, any>;
const NOW = new Date('2026-06-01T00:00:00Z');

let credential: Json;
beforeAll(async () => {
  credential = (await signedCredential()) as Json;
});

function check(report: VerificationReport, id: Check['id']): Check {
  return report.checks.find((c) => c.id === id)!;
}

function expectFiled(report: VerificationReport): void {
  expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
  expect(validateAgainstSchema(JSON.parse(JSON.stringify(report)), reportSchema)).toEqual([]);
}

async function expectParseFailure(input: Uint8Array | string, format: 'png' | 'svg' | 'json', code: CheckCode): Promise<Check> {
  const report = await verifyCredential(input, { now: NOW });
  expectFiled(report);
  expect(report).toMatchObject({ verified: false, format });
  expect(report.credential).toBeUndefined();
  for (const c of report.checks.slice(1)) expect(c.status).toBe('skipped');
  const parse = check(report, 'parse');
  expect(parse).toMatchObject({ status: 'failed', code });
  return parse;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('a baked image with a signed credential verifies', () => {
  it('PNG bytes: format png, the credential from the image, the image hashed as given', async () => {
    const image = bake(assetPng(), credential);
    const report = await verifyCredential(image, { now: NOW });
    expectFiled(report);
    expect(report).toMatchObject({ verified: true, format: 'png', credential });
    expect(report.provenance.inputSha256).toBe(sha256(image));
    expect(check(report, 'parse').message).toMatch(/^Read from the iTXt chunk "openbadgecredential" of this PNG image/);
    expect(check(report, 'proof').status).toBe('passed');
  });

  it('SVG bytes, SVG text and a Buffer: format svg', async () => {
    const svg = bake(assetSvg(), credential);
    for (const input of [svg, new TextEncoder().encode(svg), Buffer.from(svg)]) {
      const report = await verifyCredential(input, { now: NOW });
      expectFiled(report);
      expect(report).toMatchObject({ verified: true, format: 'svg', credential });
    }
  });

  it('the same checks run as on the JSON: an expired credential in a PNG is EXPIRED', async () => {
    const expiring = await signedCredential({ validUntil: '2026-05-15T00:00:00Z' });
    const report = await verifyCredential(bake(assetPng(), expiring), { now: NOW });
    expect(report.format).toBe('png');
    expect(check(report, 'valid-until')).toMatchObject({ status: 'failed', code: 'EXPIRED' });
  });
});

describe('a credential changed inside the image fails its proof', () => {
  it('PNG: the name edited in the iTXt chunk (with a correct CRC, as a forger would write it)', async () => {
    const forged = { ...credential, credentialSubject: { ...credential.credentialSubject, achievement: { ...credential.credentialSubject.achievement, name: 'Wait Time (Advanced)' } } };
    const image = withChunksBeforeIend(tinyPng(), [itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: JSON.stringify(forged) })]);
    const report = await verifyCredential(image, { now: NOW });
    expect(report).toMatchObject({ verified: false, format: 'png' });
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });

  it('SVG: the recipient swapped in the CDATA', async () => {
    const svg = bake(assetSvg(), credential);
    const hash = credential.credentialSubject.identifier[0].identityHash as string;
    const forged = svg.replace(hash, `sha256$${'0'.repeat(64)}`);
    expect(forged).not.toBe(svg);
    const report = await verifyCredential(forged, { now: NOW });
    expect(report).toMatchObject({ verified: false, format: 'svg' });
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });
});

describe('images that do not yield a credential: a parse failure with the same code unbake() throws', () => {
  it('a damaged PNG: BAKED_IMAGE_INVALID', async () => {
    const image = bake(assetPng(), credential);
    const parse = await expectParseFailure(image.subarray(0, image.length - 20), 'png', 'BAKED_IMAGE_INVALID');
    expect(parse.message).toMatch(/truncated/);
  });

  it('an image with no credential: BAKED_CREDENTIAL_MISSING', async () => {
    await expectParseFailure(assetPng(), 'png', 'BAKED_CREDENTIAL_MISSING');
    await expectParseFailure(assetSvg(), 'svg', 'BAKED_CREDENTIAL_MISSING');
  });

  it('an OB 2.0 image: OB2_ASSERTION', async () => {
    await expectParseFailure(tinyPng({ openbadges: 'https://example.org/assertions/1' }), 'png', 'OB2_ASSERTION');
  });

  it('an SVG with an entity bomb, and one nested too deep', async () => {
    const bomb = `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">&b;</svg>`;
    await expectParseFailure(bomb, 'svg', 'BAKED_IMAGE_INVALID');
    await expectParseFailure(`<svg>${'<g>'.repeat(300)}${'</g>'.repeat(300)}</svg>`, 'svg', 'INPUT_TOO_DEEP');
  });

  it('baked text that is not a credential, or JSON that does not parse: BAKED_CREDENTIAL_INVALID, as from unbake()', async () => {
    for (const text of ['https://example.org/assertions/1', '{"name": "Wait Time",}', '[1]']) {
      const image = withChunksBeforeIend(tinyPng(), [itxtChunk({ keyword: BAKED_PNG_KEYWORD, text })]);
      expect(() => unbake(image)).toThrow(expect.objectContaining({ code: 'BAKED_CREDENTIAL_INVALID' }));
      await expectParseFailure(image, 'png', 'BAKED_CREDENTIAL_INVALID');
    }
  });

  it('baked JSON nested too deep is INPUT_TOO_DEEP, as for JSON handed in directly', async () => {
    const deep = `{"a":${'['.repeat(100)}${']'.repeat(100)}}`;
    await expectParseFailure(withChunksBeforeIend(tinyPng(), [itxtChunk({ keyword: BAKED_PNG_KEYWORD, text: deep })]), 'png', 'INPUT_TOO_DEEP');
  });

  it('an image over maxInputBytes: INPUT_TOO_LARGE, format png, before anything is parsed', async () => {
    const image = bake(assetPng(), credential);
    const report = await verifyCredential(image, { now: NOW, maxInputBytes: image.length - 1 });
    expect(report.format).toBe('png');
    expect(check(report, 'parse')).toMatchObject({ status: 'failed', code: 'INPUT_TOO_LARGE' });
  });

  it('a JPEG: INPUT_FORMAT_UNSUPPORTED, saying badges are baked only into PNG and SVG', async () => {
    const parse = await expectParseFailure(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46), 'json', 'INPUT_FORMAT_UNSUPPORTED');
    expect(parse.message).toMatch(/JPEG file; Open Badges are baked only into PNG and SVG/);
  });
});

describe('a VC-JWT baked into an image', () => {
  it('verifies from the image: the PNG and SVG report format png / svg and the JWS proof', async () => {
    const key = await generateKey({ algorithm: 'ES256' });
    const jwt = await issueCredentialJwt(waitTimeDraft(key.controller, { recipient: { id: 'did:example:maria' } }), { key });
    for (const [image, format, where] of [
      [bake(assetPng(), jwt), 'png', 'iTXt chunk "openbadgecredential" of this PNG image'],
      [bake(assetSvg(), jwt), 'svg', '<openbadges:credential verify="…"> attribute of this SVG image'],
    ] as const) {
      const report = await verifyCredential(image, { now: NOW });
      expectFiled(report);
      expect(report).toMatchObject({ verified: true, format, provenIssuer: key.controller });
      expect(check(report, 'parse').message).toContain(`Read from the ${where}: a compact VC-JWT (ES256)`);
      expect(check(report, 'proof').message).toMatch(/^JWT signature \(ES256\) valid/);
      expect(report.provenance.inputSha256).toBe(createHash('sha256').update(image).digest('hex'));
    }
  });

  it('a JWT edited inside the image fails its signature', async () => {
    const key = await generateKey({ algorithm: 'RS256' });
    const jwt = await issueCredentialJwt(waitTimeDraft(key.controller, { recipient: { id: 'did:example:maria' } }), { key });
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Json;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, name: 'Wait Time (Advanced)' })).toString('base64url')}.${signature}`;
    const report = await verifyCredential(bake(assetPng(), forged), { now: NOW });
    expect(report).toMatchObject({ verified: false, format: 'png' });
    expect(check(report, 'proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
  });

  it('a token whose payload is no credential runs the checks and fails them, still as png', async () => {
    const report = await verifyCredential(bake(assetPng(), jwtLike()), { now: NOW });
    expectFiled(report);
    expect(report).toMatchObject({ verified: false, format: 'png' });
    expect(check(report, 'type')).toMatchObject({ status: 'failed', code: 'TYPE_INVALID' });
  });
});

/**
 * A teacher shares her badges as images and then presents them to the state.
 *
 *   npm run example:bake
 *
 * 1. Lakeside Unified School District (a did:key) signs "Wait Time" with an embedded proof and
 *    bakes it into the badge's PNG and SVG; a state office verifies the images, offline.
 * 2. The district's badge platform (https://badges.lakeside.example.org) issues "Questioning
 *    Techniques" as a VC-JWT (RS256), with its key in a KMS listed in the JWK Set it publishes at
 *    /.well-known/jwks.json. That JWK Set is served by a real HTTP server on 127.0.0.1, reached
 *    through an injected fetch. The JWT is baked into a PNG and an SVG too and verified from them.
 * 3. The teacher presents both credentials, read back from her image files, in one Verifiable
 *    Presentation signed with her own did:key for the state's challenge and domain; the state
 *    verifies it, and a replay of it for another request is refused.
 *
 * Reads examples/assets/badge.png and badge.svg, writes examples/out/wait-time.{png,svg},
 * questioning.{png,svg} and presentation.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bake,
  createPresentation,
  formatPresentationReport,
  formatReport,
  generateKey,
  issueCredential,
  issueCredentialJwt,
  unbake,
  verifyCredential,
  verifyPresentation,
  type CredentialDraft,
  type JwsSigner,
  type PublishedDocument,
} from '../src/index.js';
import { close, routeTo, serve } from './local-issuer-server.js';

const here = dirname(fileURLToPath(import.meta.url));
const assets = join(here, 'assets');
const outDir = join(here, 'out');
const PLATFORM = 'https://badges.lakeside.example.org';
const PLATFORM_KID = 'lakeside-badges-2026';

function microCredential(issuer: string, name: string, slug: string, teacher: string): CredentialDraft {
  return {
    issuer: { id: issuer, name: 'Lakeside Unified School District', url: 'https://lakeside.example.org' },
    achievement: {
      id: `https://lakeside.example.org/achievements/${slug}`,
      name,
      description: `${name}: a classroom practice micro-credential scored against the district rubric.`,
      achievementType: 'MicroCredential',
      criteria: { narrative: 'Classroom video, student work and a reflection scored Proficient or above.' },
      image: { id: `https://lakeside.example.org/achievements/${slug}/badge.png`, type: 'Image' },
      creditsAvailable: 15,
    },
    recipient: { id: teacher },
    creditsEarned: 15,
  };
}

/** Bakes the credential (JSON or JWT) into both artworks, writes the files, returns their paths. */
async function bakeBoth(credential: object | string, basename: string, label: string): Promise<string[]> {
  const files: string[] = [];
  for (const name of ['badge.png', 'badge.svg']) {
    const artwork = await readFile(join(assets, name));
    const baked = bake(artwork, credential);
    const file = join(outDir, name.replace('badge', basename));
    await writeFile(file, baked);
    files.push(file);
    console.log(`Baked ${label} into ${file} (${artwork.length} → ${baked.length} bytes)`);
  }
  return files;
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const teacher = await generateKey(); // Maria Lopez's wallet key: her did:key
  const district = await generateKey();

  // --- 1. An embedded-proof credential, baked and verified from the images -------------------
  const waitTime = await issueCredential(microCredential(district.controller, 'Wait Time', 'wait-time', teacher.controller), { key: district });
  const waitTimeFiles = await bakeBoth(waitTime, 'wait-time', waitTime.id);
  for (const file of waitTimeFiles) {
    const bytes = await readFile(file);
    const found = unbake(bytes);
    console.log(`\n${file}: ${found.format === 'png' ? 'a PNG' : 'an SVG'} image carrying ${found.kind === 'json' ? 'a JSON credential with an embedded proof' : 'a VC-JWT'}`);
    const report = await verifyCredential(bytes, { now: new Date() });
    console.log(`report format: ${report.format}`);
    console.log(formatReport(report));
    if (!report.verified) process.exitCode = 1;
  }
  // Someone edits the credential inside the PNG (and fixes up the chunk's CRC): the proof fails.
  const forged = bake(await readFile(waitTimeFiles[0]!), { ...waitTime, name: 'Wait Time (Advanced)' });
  const forgedReport = await verifyCredential(forged, { now: new Date() });
  console.log(`\nA forged copy of the PNG: ${forgedReport.verified ? 'VERIFIED (this is a bug)' : 'not verified'}; proof ${forgedReport.checks.find((c) => c.id === 'proof')?.code}`);
  if (forgedReport.verified) process.exitCode = 1;

  // --- 2. A VC-JWT from the badge platform, its key published as a JWK Set -------------------
  const platformKey = await generateKey({ algorithm: 'RS256', controller: PLATFORM });
  // The platform's KMS signs with the key it lists in its JWK Set under a plain kid.
  const kms: JwsSigner = { id: PLATFORM_KID, algorithm: 'RS256', sign: (bytes) => platformKey.signer().sign(bytes) };
  const jwks = { keys: [{ ...platformKey.publicKeyJwk, kid: PLATFORM_KID, alg: 'RS256', use: 'sig', iss: PLATFORM }] };
  const jwksDocument: PublishedDocument = {
    url: `${PLATFORM}/.well-known/jwks.json`,
    path: '/.well-known/jwks.json',
    contentType: 'application/jwk-set+json',
    document: jwks,
    body: `${JSON.stringify(jwks, null, 2)}\n`,
  };
  const server = await serve([jwksDocument]);
  const fetch = routeTo(server, new URL(PLATFORM).host);
  try {
    const questioning = await issueCredentialJwt(microCredential(PLATFORM, 'Questioning Techniques', 'questioning', teacher.controller), { key: kms });
    console.log(`\nThe platform issued a VC-JWT (${questioning.length} characters, header ${Buffer.from(questioning.split('.')[0]!, 'base64url').toString()})`);
    const questioningFiles = await bakeBoth(questioning, 'questioning', 'the VC-JWT');
    for (const file of questioningFiles) {
      const bytes = await readFile(file);
      const found = unbake(bytes);
      console.log(`\n${file}: ${found.format === 'png' ? 'a PNG' : 'an SVG'} image carrying ${found.kind === 'jwt' ? 'a VC-JWT' : 'a JSON credential'}`);
      const report = await verifyCredential(bytes, { now: new Date(), fetch });
      console.log(`report format: ${report.format}`);
      console.log(formatReport(report));
      if (!report.verified) process.exitCode = 1;
    }

    // --- 3. The teacher presents both, from her image files, to the state ---------------------
    const fromImages = [unbake(await readFile(waitTimeFiles[1]!)), unbake(await readFile(questioningFiles[0]!))];
    const credentials = fromImages.map((found) => (found.kind === 'jwt' ? found.jwt : found.credential));
    const request = { challenge: randomUUID(), domain: 'licensing.oregon.example' }; // the state office asks
    const presentation = await createPresentation({ holder: teacher, credentials, ...request });
    await writeFile(join(outDir, 'presentation.json'), `${JSON.stringify(presentation, null, 2)}\n`);
    console.log(`\nMaria presents ${credentials.length} credentials to ${request.domain} (challenge ${request.challenge}):`);
    const report = await verifyPresentation(presentation, { now: new Date(), fetch, ...request });
    console.log(formatPresentationReport(report));
    if (!report.verified) process.exitCode = 1;

    // Someone who captured the presentation replays it for another request.
    const replay = await verifyPresentation(presentation, { now: new Date(), fetch, challenge: randomUUID(), domain: request.domain });
    const challenge = replay.checks.find((c) => c.id === 'challenge');
    console.log(`\nThe same presentation replayed for another request: ${replay.verified ? 'VERIFIED (this is a bug)' : 'not verified'}; challenge ${challenge?.code}`);
    if (replay.verified) process.exitCode = 1;
  } finally {
    await close(server);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

/**
 * A teacher shares her badge as an image: the district bakes the signed credential into the
 * badge's PNG and SVG, she posts or e-mails the files, and a state office verifies the images
 * themselves, offline.
 *
 *   npm run example:bake
 *
 * Reads examples/assets/badge.png and badge.svg, writes examples/out/wait-time.png and
 * wait-time.svg, reads them back from disk and prints what is in them and the verification reports.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bake, formatReport, generateKey, issueCredential, unbake, verifyCredential } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const assets = join(here, 'assets');
const outDir = join(here, 'out');

async function main(): Promise<void> {
  const key = await generateKey();
  const credential = await issueCredential(
    {
      issuer: { id: key.controller, name: 'Lakeside Unified School District', url: 'https://lakeside.example.org' },
      achievement: {
        id: 'https://lakeside.example.org/achievements/wait-time',
        name: 'Wait Time',
        description: 'Uses purposeful wait time after questions to deepen student thinking and participation.',
        achievementType: 'MicroCredential',
        criteria: { narrative: 'Classroom video, student work and a reflection scored Proficient or above.' },
        image: { id: 'https://lakeside.example.org/achievements/wait-time/badge.png', type: 'Image' },
        creditsAvailable: 15,
      },
      recipient: { email: 'maria.lopez@lakeside.example.org' },
      creditsEarned: 15,
    },
    { key },
  );

  // The district: bake the signed credential into the badge artwork, once per format.
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const name of ['badge.png', 'badge.svg']) {
    const artwork = await readFile(join(assets, name));
    const baked = bake(artwork, credential);
    const file = join(outDir, name.replace('badge', 'wait-time'));
    await writeFile(file, baked);
    files.push(file);
    console.log(`Baked ${credential.id} into ${file} (${artwork.length} → ${baked.length} bytes)`);
  }

  // The state office: it has only the files the teacher sent. No network, no JSON file.
  for (const file of files) {
    const bytes = await readFile(file);
    const found = unbake(bytes);
    console.log(`\n${file}: ${found.format === 'png' ? 'a PNG' : 'an SVG'} image carrying ${found.kind === 'json' ? 'a JSON credential with an embedded proof' : 'a VC-JWT'}`);
    const report = await verifyCredential(bytes, { now: new Date() });
    console.log(`report format: ${report.format}`);
    console.log(formatReport(report));
    if (!report.verified) process.exitCode = 1;
  }

  // Someone edits the credential inside the PNG (and fixes up the chunk's CRC): the proof fails.
  const forged = bake(await readFile(files[0]!), { ...credential, name: 'Wait Time (Advanced)' });
  const report = await verifyCredential(forged, { now: new Date() });
  console.log(`\nA forged copy of the PNG: ${report.verified ? 'VERIFIED (this is a bug)' : 'not verified'}; proof ${report.checks.find((c) => c.id === 'proof')?.code}`);
  if (report.verified) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

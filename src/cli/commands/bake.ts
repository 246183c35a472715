/** `obv3 bake` and `obv3 unbake`: a signed credential into a PNG/SVG badge, and back out. */
import { Command } from 'commander';
import { bake, unbake } from '../../index.js';
import { readBytes, readText, writeFileAtomic } from '../files.js';
import { resolvePath, type CliIo } from '../io.js';
import type { Runner } from '../command-kit.js';

export function bakeCommand(io: CliIo, run: Runner): Command {
  return new Command('bake')
    .description('put a signed credential (JSON or VC-JWT) into a PNG or SVG badge image')
    .argument('<image>', 'the badge artwork (.png or .svg)')
    .argument('<credential>', 'the signed credential file (JSON, or a .jwt)')
    .requiredOption('--out <file>', 'the baked image to write')
    .addHelpText('after', '\nExample:\n  $ obv3 bake wait-time.png issued/wait-time-1b2c….json --out maria-wait-time.png')
    .action((image: string, credential: string, flags: { out: string }) =>
      run(async () => {
        const artwork = await readBytes(resolvePath(io, image), 'image');
        const text = (await readText(resolvePath(io, credential), 'credential')).trim();
        await writeFileAtomic(resolvePath(io, flags.out), bake(artwork, text));
        io.stderr.write(`Baked ${credential} into ${flags.out}.\n`);
        return 0;
      }),
    );
}

export function unbakeCommand(io: CliIo, run: Runner): Command {
  return new Command('unbake')
    .description('print (or save) the credential baked into a PNG or SVG badge, without verifying it')
    .argument('<image>', 'the baked badge')
    .option('--out <file>', 'write the credential to this file instead of printing it')
    .addHelpText('after', '\nTo check it, use obv3 verify on the image itself.\n\nExample:\n  $ obv3 unbake maria-wait-time.png --out wait-time.json')
    .action((image: string, flags: { out?: string }) =>
      run(async () => {
        const found = unbake(await readBytes(resolvePath(io, image), 'image'));
        const output = found.kind === 'json' ? `${JSON.stringify(found.credential, null, 2)}\n` : `${found.jwt}\n`;
        if (flags.out === undefined) io.stdout.write(output);
        else {
          await writeFileAtomic(resolvePath(io, flags.out), output);
          io.stderr.write(`Wrote the ${found.kind === 'json' ? 'JSON credential' : 'VC-JWT'} from ${image} to ${flags.out}.\n`);
        }
        return 0;
      }),
    );
}

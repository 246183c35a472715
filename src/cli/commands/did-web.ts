/** `obv3 did-web`: the did.json a did:web issuer serves, from its key file(s). */
import { join } from 'node:path';
import { Command } from 'commander';
import { publishIssuer } from '../../index.js';
import { writeFileAtomic } from '../files.js';
import { loadKey } from '../key-file.js';
import { UsageError, resolvePath, type CliIo } from '../io.js';
import type { Runner } from '../command-kit.js';

interface Flags {
  key: string[];
  name?: string;
  out?: string;
}

export function didWebCommand(io: CliIo, run: Runner): Command {
  return new Command('did-web')
    .description('print the DID document (did.json) of a did:web issuer, listing its public keys')
    .requiredOption('--key <file>', 'a key file of the issuer (repeatable: list every current key)', (v: string, p: string[] = []) => [...p, v])
    .option('--name <name>', 'the issuer\'s name (for the profile; default: the DID)')
    .option('--out <dir>', 'write it under this web root at its did:web path (e.g. <dir>/.well-known/did.json) instead of printing it')
    .addHelpText('after', `
Only public keys are written. Serve the file over HTTPS as application/did+json.

Examples:
  $ obv3 did-web --key district-key.json > did.json
  $ obv3 did-web --key district-key.json --out public_html/`)
    .action((flags: Flags) =>
      run(async () => {
        const keys = [];
        for (const file of flags.key) keys.push(await loadKey(resolvePath(io, file), io));
        const controller = keys[0]!.controller;
        if (!controller.startsWith('did:web:')) throw new UsageError(`${flags.key[0]} is a ${controller.split(':').slice(0, 2).join(':')} key: only a did:web issuer publishes a did.json (make one with obv3 keygen --did-web <domain>).`);
        const other = keys.find((k) => k.controller !== controller);
        if (other) throw new UsageError(`The keys belong to different issuers (${controller} and ${other.controller}): give the keys of one issuer.`);
        const [document] = publishIssuer({ profile: { id: controller, name: flags.name ?? controller }, keys });
        if (flags.out === undefined) {
          io.stdout.write(document!.body);
        } else {
          const path = join(resolvePath(io, flags.out), ...document!.path.split('/').filter(Boolean));
          await writeFileAtomic(path, document!.body);
          io.stderr.write(`Wrote ${path}: serve it at ${document!.url} as ${document!.contentType}.\n`);
        }
        return 0;
      }),
    );
}

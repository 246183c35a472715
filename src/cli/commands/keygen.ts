/** `obv3 keygen`: a new Ed25519 issuer key (did:key, or did:web for a domain), saved owner-only. */
import { Command } from 'commander';
import { didWebDocumentUrl, didWebFromUrl, exportKey, generateKey, isObv3Error } from '../../index.js';
import { exists, writeFileAtomic } from '../files.js';
import { UsageError, resolvePath, type CliIo } from '../io.js';
import type { Runner } from '../command-kit.js';

interface Flags {
  out?: string;
  didWeb?: string;
  force?: boolean;
  printPrivateKey?: boolean;
}

export function keygenCommand(io: CliIo, run: Runner): Command {
  return new Command('keygen')
    .description('make a new Ed25519 issuer key and save it (private part included) to a file only you can read')
    .option('--out <file>', 'where to save the key (Multikey JSON, mode 0600)')
    .option('--did-web <domain>', 'make it a did:web key for this domain (and optional :port and /path), e.g. lakeside.example.org or example.org/district/7')
    .option('--force', 'replace an existing key file (the old key is lost)')
    .option('--print-private-key', 'also print the key WITH ITS PRIVATE PART to stdout (e.g. to pipe into a secrets manager)')
    .addHelpText('after', `
The private part is never printed unless you pass --print-private-key.

Examples:
  $ obv3 keygen --out district-key.json
  $ obv3 keygen --did-web lakeside.example.org --out district-key.json
  $ obv3 did-web --key district-key.json --name "Lakeside USD" > did.json`)
    .action((flags: Flags) =>
      run(async () => {
        if (flags.out === undefined && !flags.printPrivateKey) throw new UsageError('Say where to save the key: --out key.json.');
        const controller = flags.didWeb === undefined ? undefined : didWebOf(flags.didWeb);
        const key = await generateKey(controller ? { controller } : {});
        const exported = `${JSON.stringify(exportKey(key, { includePrivate: true }), null, 2)}\n`;
        if (flags.out !== undefined) {
          const path = resolvePath(io, flags.out);
          if (!flags.force && (await exists(path))) throw new UsageError(`${flags.out} already exists: choose another --out, or --force to replace it (the old key is then lost).`);
          await writeFileAtomic(path, exported, { mode: 0o600 });
          io.stderr.write(`Saved the key to ${flags.out} (readable by you only). Keep it secret; back it up.\n`);
        }
        if (flags.printPrivateKey) io.stdout.write(exported);
        else {
          io.stdout.write(`id:         ${key.id}\ncontroller: ${key.controller}\npublicKeyMultibase: ${key.publicKeyMultibase}\n`);
          if (controller) io.stdout.write(`Publish its DID document at ${didWebDocumentUrl(controller)}:\n  obv3 did-web --key ${flags.out ?? 'KEY'} --name "Your organisation" > did.json\n`);
        }
        return 0;
      }),
    );
}

function didWebOf(domain: string): string {
  const location = domain.replace(/^https:\/\//, '');
  try {
    return didWebFromUrl(`https://${location}`);
  } catch (error) {
    if (isObv3Error(error)) throw new UsageError(`--did-web ${domain}: ${error.message}`);
    throw error;
  }
}

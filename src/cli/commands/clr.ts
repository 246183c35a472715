/** `obv3 clr`: a learner's credentials (and stacks) bundled into a signed CLR 2.0 ClrCredential. */
import { Command } from 'commander';
import { issueClr, type StackDefinition } from '../../index.js';
import { readCredentialFiles } from '../credential-files.js';
import { writeFileAtomic } from '../files.js';
import { addIssuerOptions, issuerProfile, type IssuerFlags } from '../issuer-profile.js';
import { loadKey } from '../key-file.js';
import { resolvePath, type CliIo } from '../io.js';
import { loadStack, recipientOf } from './stack.js';
import type { Runner } from '../command-kit.js';

interface Flags extends IssuerFlags {
  learner: string;
  name: string;
  key: string;
  out: string;
  stack?: string[];
  partial?: boolean;
}

export function clrCommand(io: CliIo, run: Runner): Command {
  const command = new Command('clr')
    .description('bundle a learner\'s signed credentials into a signed CLR 2.0 record (each still verifies on its own)')
    .argument('<credentials...>', 'the credential files (JSON or baked images), or folders of them')
    .requiredOption('--learner <email or DID>', 'the learner (an e-mail address is stored hashed)')
    .requiredOption('--name <name>', 'the record\'s name, e.g. "Maria Lopez: teacher-leader record"')
    .requiredOption('--key <file>', 'the issuer\'s key file')
    .requiredOption('--out <file>', 'where to write the CLR')
    .option('--stack <file>', 'a stack definition to describe in the record (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .option('--partial', 'the record holds only part of the learner\'s achievements');
  addIssuerOptions(command);
  command.addHelpText('after', '\nExample:\n  $ obv3 clr --learner maria.lopez@lakeside.example.org --name "Maria Lopez: record" --key district-key.json \\\n      --issuer-name "Lakeside USD" --stack teacher-leader.json --out maria-clr.json maria/*.json');
  return command.action((files: string[], flags: Flags) =>
    run(async () => {
      const key = await loadKey(resolvePath(io, flags.key), io);
      const issuer = (await issuerProfile(flags, key, io))!;
      const credentials = await readCredentialFiles(files, io);
      const stacks: StackDefinition[] = [];
      for (const file of flags.stack ?? []) stacks.push(await loadStack(file, io));
      const clr = await issueClr({ name: flags.name, issuer, learner: recipientOf(flags.learner), credentials, stacks, ...(flags.partial ? { partial: true } : {}) }, { key });
      await writeFileAtomic(resolvePath(io, flags.out), `${JSON.stringify(clr, null, 2)}\n`);
      io.stdout.write(`Issued the CLR ${clr.id} with ${credentials.length} credential${credentials.length === 1 ? '' : 's'} to ${flags.out}.\n`);
      return 0;
    }),
  );
}

/** `obv3 stack progress|award`: a teacher's way through a stack, and the stack credential once complete. */
import { Command } from 'commander';
import { awardStack, defineStack, formatProgress, isObv3Error, stackProgress, type RecipientInput, type StackDefinition, type StackInput } from '../../index.js';
import { readCredentialFiles } from '../credential-files.js';
import { readJson, writeFileAtomic } from '../files.js';
import { addIssuerOptions, issuerProfile, type IssuerFlags } from '../issuer-profile.js';
import { loadKey } from '../key-file.js';
import { CliError, EXIT, resolvePath, type CliIo } from '../io.js';
import { addVerifyOptions, documentSource, verifyOptions, type VerifyFlags } from '../verify-options.js';
import type { Runner } from '../command-kit.js';

interface ProgressFlags extends VerifyFlags {
  stack: string;
  recipient: string;
  json?: boolean;
}

interface AwardFlags extends ProgressFlags, IssuerFlags {
  key: string;
  out: string;
}

export function stackCommand(io: CliIo, run: Runner): Command {
  const stack = new Command('stack').description('stacks of micro-credentials: progress towards one, and its award');
  stack.addHelpText('after', `
The stack file is JSON: { "achievement": {…}, "components": [{…}, …], "rule": { "required": [ids], "electives": [{ "from": [ids], "atLeast": n }], "minimumCredits": n } }.

Examples:
  $ obv3 stack progress --stack teacher-leader.json --recipient maria.lopez@lakeside.example.org maria/
  $ obv3 stack award --stack teacher-leader.json --recipient maria.lopez@lakeside.example.org --key district-key.json --issuer-name "Lakeside USD" --out award.json maria/*.json`);

  const progress = new Command('progress')
    .description('verify a teacher\'s credentials and show how far they take her towards the stack')
    .argument('<credentials...>', 'her credential files (JSON or baked images), or folders of them')
    .requiredOption('--stack <file>', 'the stack definition (JSON)')
    .requiredOption('--recipient <email or DID>', 'who she is: the e-mail address her credentials hash, or her DID')
    .option('--json', 'print the progress as JSON');
  addVerifyOptions(progress);
  progress.addHelpText('after', '\nExit status: 0 the stack is complete; 1 not yet.\n\nExample:\n  $ obv3 stack progress --stack teacher-leader.json --recipient maria.lopez@lakeside.example.org maria/*.json');
  progress.action((files: string[], flags: ProgressFlags) =>
    run(async () => {
      const definition = await loadStack(flags.stack, io);
      const credentials = await readCredentialFiles(files, io);
      const { fetch } = await documentSource(flags, io);
      const result = await stackProgress(definition, credentials, { ...(await verifyOptions(flags, fetch, io)), recipient: flags.recipient });
      io.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatProgress(result)}\n`);
      return result.complete ? EXIT.OK : EXIT.FAILED;
    }),
  );

  const award = new Command('award')
    .description('issue the stack credential when her verified credentials complete the stack')
    .argument('<credentials...>', 'her credential files (JSON or baked images), or folders of them')
    .requiredOption('--stack <file>', 'the stack definition (JSON)')
    .requiredOption('--recipient <email or DID>', 'who she is (the stack credential names her the same way)')
    .requiredOption('--key <file>', 'the issuer\'s key file')
    .requiredOption('--out <file>', 'where to write the stack credential');
  addIssuerOptions(award);
  addVerifyOptions(award);
  award.addHelpText('after', '\nExample:\n  $ obv3 stack award --stack teacher-leader.json --recipient maria.lopez@lakeside.example.org --key district-key.json --issuer-name "Lakeside USD" --out award.json maria/*.json');
  award.action((files: string[], flags: AwardFlags) =>
    run(async () => {
      const definition = await loadStack(flags.stack, io);
      const key = await loadKey(resolvePath(io, flags.key), io);
      const issuer = (await issuerProfile(flags, key, io))!;
      const credentials = await readCredentialFiles(files, io);
      const { fetch } = await documentSource(flags, io);
      try {
        const { credential, progress: done } = await awardStack(definition, credentials, { issuer, key, recipient: recipientOf(flags.recipient), verify: await verifyOptions(flags, fetch, io) });
        await writeFileAtomic(resolvePath(io, flags.out), `${JSON.stringify(credential, null, 2)}\n`);
        io.stdout.write(`Awarded ${definition.achievement.name} (${credential.id}) from ${done.counted.length} component credentials to ${flags.out}.\n`);
        return EXIT.OK;
      } catch (error) {
        if (isObv3Error(error, 'STACK_INCOMPLETE')) throw new CliError(error.message);
        throw error;
      }
    }),
  );
  return stack.addCommand(progress).addCommand(award);
}

export async function loadStack(file: string, io: CliIo): Promise<StackDefinition> {
  const input = await readJson<StackInput>(resolvePath(io, file), 'stack definition');
  try {
    return defineStack(input);
  } catch (error) {
    if (isObv3Error(error)) throw new CliError(`The stack ${file} is not valid: ${error.message}`);
    throw error;
  }
}

/** An e-mail address (hashed in the credential) or a DID/URL. */
export function recipientOf(value: string): RecipientInput {
  return /^[^@\s:]+@[^@\s]+$/.test(value) ? { email: value } : { id: value };
}

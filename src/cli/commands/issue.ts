/** `obv3 issue`: one credential from a JSON draft, or a batch from a CSV roster (issue-batch.ts). */
import { Command, Option } from 'commander';
import { bake, issueCredential, type CredentialDraft } from '../../index.js';
import { readBytes, readJson, writeFileAtomic } from '../files.js';
import { addIssuerOptions, issuerProfile, type IssuerFlags } from '../issuer-profile.js';
import { loadKey } from '../key-file.js';
import { UsageError, resolvePath, type CliIo } from '../io.js';
import { addStatusOptions, openRegistry, type StatusFlags } from '../status-options.js';
import { issueBatch } from '../issue-batch.js';
import { positiveInteger, type Runner } from '../command-kit.js';

export interface IssueFlags extends IssuerFlags, StatusFlags {
  key: string;
  draft?: string;
  roster?: string;
  achievements?: string;
  out?: string;
  bake?: string;
  batchId?: string;
  workers?: number;
}

export function issueCommand(io: CliIo, run: Runner): Command {
  const command = new Command('issue')
    .description('issue credentials: one from a JSON draft (--draft), or one per row of a CSV roster (--roster)')
    .requiredOption('--key <file>', 'the issuer\'s key file (from obv3 keygen)')
    .option('--draft <file>', 'a credential draft as JSON ({ issuer?, achievement, recipient, … })')
    .option('--roster <file>', 'a CSV roster: one row per credential (columns below)')
    .option('--achievements <file>', 'with --roster: JSON mapping achievement keys to achievements')
    .option('--out <path>', 'with --draft: the file to write (default: print the JSON); with --roster: the folder')
    .option('--bake <image>', 'write baked badges: this PNG or SVG artwork with the credential inside')
    .option('--batch-id <id>', 'with --roster: name the batch (default: a new UUID, kept in <out>/.obv3/batch.json); credential ids derive from it')
    .addOption(new Option('--workers <n>', 'with --roster: worker threads (default: all cores)').argParser(positiveInteger('--workers')));
  addIssuerOptions(command);
  addStatusOptions(command);
  command.addHelpText('after', `
Roster columns (header row required; case, spaces, "_" and "-" do not matter; other columns are ignored):
  achievement (required)  its key in --achievements, or its id
  email and/or did        the recipient (an e-mail address is stored salted and hashed)
  name                    for the summary only (OB 3.0 credentials do not carry the name)
  evidence                evidence URL(s), separated by spaces or |
  result                  rubric level name or id (several separated by ;)
  credits, awardedDate, validFrom, validUntil, activityStartDate, activityEndDate, licenseNumber, term, narrative

A batch is resumable: run the same command again after an interruption and only what is missing
is issued (credential ids are derived from the batch id and each row's recipient and achievement).
Bad rows are listed with their row number and reason; the good rows are still issued.
Exit status: 0 all rows issued (now or before); 1 some rows refused; 64 usage error.

Examples:
  $ obv3 issue --draft wait-time-draft.json --key district-key.json --out wait-time.json
  $ obv3 issue --roster spring.csv --achievements achievements.json --key district-key.json \\
      --issuer-name "Lakeside USD" --status-store status/ --status-base https://lakeside.example.org/status/ --out issued/`);
  return command.action((flags: IssueFlags) =>
    run(async () => {
      if ((flags.draft === undefined) === (flags.roster === undefined)) throw new UsageError('Give either --draft <file> (one credential) or --roster <file> (a batch).');
      if (flags.roster !== undefined) return issueBatch(flags, io);
      if (flags.achievements !== undefined || flags.batchId !== undefined || flags.workers !== undefined) {
        throw new UsageError('--achievements, --batch-id and --workers apply to --roster batches only.');
      }
      return issueOne(flags, io);
    }),
  );
}

async function issueOne(flags: IssueFlags, io: CliIo): Promise<number> {
  if (flags.bake !== undefined && flags.out === undefined) throw new UsageError('--bake writes an image: give --out badge.png (or .svg).');
  const key = await loadKey(resolvePath(io, flags.key), io);
  const draft = await readJson<CredentialDraft>(resolvePath(io, flags.draft!), 'draft');
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) throw new UsageError(`${flags.draft} must hold one JSON object: the credential draft.`);
  const issuer = await issuerProfile(flags, key, io, draft.issuer === undefined);
  const artwork = flags.bake === undefined ? undefined : await readBytes(resolvePath(io, flags.bake), 'badge artwork');
  const status = await openRegistry(flags, key, io);
  try {
    const credential = await issueCredential(issuer ? { ...draft, issuer } : draft, {
      key,
      ...(status ? { status: status.registry, statusPurposes: status.purposes } : {}),
    });
    const output = artwork ? bake(artwork, credential) : `${JSON.stringify(credential, null, 2)}\n`;
    if (flags.out === undefined) io.stdout.write(output as string);
    else {
      await writeFileAtomic(resolvePath(io, flags.out), output);
      io.stderr.write(`Issued ${credential.id} to ${flags.out}.\n`);
    }
    return 0;
  } finally {
    await status?.store.close();
  }
}

/**
 * `obv3 fetch-evidence`: verifies credentials online (through the guarded fetch) and writes every
 * document the verification fetched to an evidence bundle, for offline re-verification with
 * `obv3 verify --evidence` and for the file.
 */
import { join } from 'node:path';
import { Command } from 'commander';
import { createEvidenceRecorder } from '../../index.js';
import { writeFileAtomic } from '../files.js';
import { collectInputs } from '../inputs.js';
import { UsageError, resolvePath, type CliIo } from '../io.js';
import { addClockOption, addConnectionOptions, addTrustOptions, EVIDENCE_FILE, networkFetch, verifyOptions, type VerifyFlags } from '../verify-options.js';
import { exitCodeOf, printVerdicts, verifyFiles } from '../verify-run.js';
import { workersOption, type Runner } from '../command-kit.js';

interface Flags extends VerifyFlags {
  out: string;
  json?: boolean;
  workers?: number;
}

export function fetchEvidenceCommand(io: CliIo, run: Runner): Command {
  const command = new Command('fetch-evidence')
    .description('verify credentials online and record every document fetched (status lists, DID and key documents) into an evidence bundle')
    .argument('<paths...>', 'credential files or folders')
    .requiredOption('--out <dir>', `folder to write the bundle to (${EVIDENCE_FILE})`)
    .option('--json', 'print the full verification reports as JSON instead of the table');
  addClockOption(command);
  addConnectionOptions(command);
  // Signed registries are verified through the recording fetch, so the documents their check
  // fetched (the publisher's DID document) are in the bundle too, for verify --evidence --registry.
  addTrustOptions(command);
  workersOption(command);
  command.addHelpText('after', `
The network is always used here (through the guarded fetch: HTTPS, public addresses only,
unless --pin-host says otherwise). The bundle holds each document's bytes, SHA-256 and the time
it was fetched; verifying from it later judges status as of that time. With --registry, the
documents fetched to verify a signed registry are recorded too.

Example:
  $ obv3 fetch-evidence inbox/ --out evidence/2026-05-01
  $ obv3 verify inbox/ --evidence evidence/2026-05-01`);
  return command.action((paths: string[], flags: Flags) =>
    run(async () => {
      const files = await collectInputs(paths, io);
      if (files.length === 0) throw new UsageError(`No credential files (.json, .jwt, .png, .svg) found in ${paths.join(', ')}.`);
      const recorder = createEvidenceRecorder(await networkFetch(flags, io));
      const options = await verifyOptions(flags, recorder.fetch, io);
      const { tally } = await printVerdicts(verifyFiles(files, options, flags.workers), io, flags.json === true);
      const bundle = recorder.bundle();
      const out = join(resolvePath(io, flags.out), EVIDENCE_FILE);
      await writeFileAtomic(out, `${JSON.stringify(bundle, null, 2)}\n`);
      const failed = bundle.documents.filter((d) => d.error !== undefined || (d.status ?? 0) >= 400).length;
      io.stderr.write(`Recorded ${bundle.documents.length} document${bundle.documents.length === 1 ? '' : 's'}${failed ? ` (${failed} could not be fetched)` : ''} in ${out}.\n`);
      return exitCodeOf(tally);
    }),
  );
}

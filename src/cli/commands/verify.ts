/** `obv3 verify`: credentials in files and folders, baked PNG/SVG badges, JWT files. */
import { Command } from 'commander';
import { collectInputs } from '../inputs.js';
import { UsageError, type CliIo } from '../io.js';
import { addVerifyOptions, documentSource, verifyOptions, type VerifyFlags } from '../verify-options.js';
import { exitCodeOf, printVerdicts, verifyFiles } from '../verify-run.js';
import { workersOption, type Runner } from '../command-kit.js';

interface Flags extends VerifyFlags {
  json?: boolean;
  workers?: number;
}

export function verifyCommand(io: CliIo, run: Runner): Command {
  const command = new Command('verify')
    .description('verify credentials: JSON files, baked PNG/SVG badges, JWT files, and folders of them (recursively)')
    .argument('<paths...>', 'files or folders')
    .option('--json', 'print one JSON document with every full verification report instead of the table');
  addVerifyOptions(command);
  workersOption(command);
  command.addHelpText('after', `
Exit status: 0 every credential verified; 1 at least one failed; 2 none failed but at least one
could not be decided (e.g. its status list or DID document is not available offline); 64 usage error.

Examples:
  $ obv3 verify inbox/                                   # offline: nothing is fetched
  $ obv3 verify inbox/ --allow-network --registry state-registry.json
  $ obv3 verify badge.png --evidence evidence/ --now 2026-05-01 --json > report.json`);
  return command.action((paths: string[], flags: Flags) =>
    run(async () => {
      const files = await collectInputs(paths, io);
      if (files.length === 0) throw new UsageError(`No credential files (.json, .jwt, .png, .svg) found in ${paths.join(', ')}.`);
      const source = await documentSource(flags, io);
      const options = await verifyOptions(flags, source.fetch, io);
      const { tally } = await printVerdicts(verifyFiles(files, options, flags.workers), io, flags.json === true);
      return exitCodeOf(tally);
    }),
  );
}

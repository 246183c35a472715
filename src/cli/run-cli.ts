/**
 * The obv3 command: builds the command tree and turns every outcome into an exit code and a
 * message that says what to do. A user's mistake is never a stack trace: usage errors exit 64,
 * other failures (a file that cannot be read, a credential refused by the library) exit 1.
 */
import { Command, CommanderError } from 'commander';
import { isObv3Error, LIBRARY_VERSION } from '../index.js';
import { bakeCommand, unbakeCommand } from './commands/bake.js';
import { clrCommand } from './commands/clr.js';
import { didWebCommand } from './commands/did-web.js';
import { fetchEvidenceCommand } from './commands/fetch-evidence.js';
import { issueCommand } from './commands/issue.js';
import { keygenCommand } from './commands/keygen.js';
import { stackCommand } from './commands/stack.js';
import { statusCommand } from './commands/status.js';
import { verifyCommand } from './commands/verify.js';
import type { Runner } from './command-kit.js';
import { CliError, EXIT, UsageError, type CliIo } from './io.js';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.OK;
  const report = (error: unknown): number => {
    if (error instanceof UsageError) {
      io.stderr.write(`obv3: ${error.message}\n(run obv3 <command> --help for usage)\n`);
      return EXIT.USAGE;
    }
    if (error instanceof CliError) {
      io.stderr.write(`obv3: ${error.message}\n`);
      return EXIT.FAILED;
    }
    // The library's message already lists its problems (error.problems holds them for programs).
    if (isObv3Error(error)) {
      io.stderr.write(`obv3: ${error.message}\n`);
      return EXIT.FAILED;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`obv3: unexpected error: ${message}\nThis is a bug in obv3; please report it with the command you ran${process.env.OBV3_DEBUG ? '' : ' (set OBV3_DEBUG=1 to see the stack)'}.\n`);
    if (process.env.OBV3_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return EXIT.FAILED;
  };
  const run: Runner = async (body) => {
    try {
      exitCode = await body();
    } catch (error) {
      exitCode = report(error);
    }
  };

  const program = new Command('obv3')
    .description('Open Badges 3.0 credentials: keys, issuing (one or a CSV roster), verifying, status lists, baked badges, stacks and CLRs')
    .version(LIBRARY_VERSION, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', `
Exit status: 0 success; 1 failure (verify: a credential failed); 2 verify: some undecided; 64 usage error.

Example, a district's term:
  $ obv3 keygen --did-web lakeside.example.org --out district-key.json
  $ obv3 issue --roster spring.csv --achievements achievements.json --key district-key.json \\
      --issuer-name "Lakeside USD" --status-store status/ --status-base https://lakeside.example.org/status/ --out issued/
  $ obv3 verify issued/ --allow-network`);
  const commands = [
    keygenCommand(io, run),
    didWebCommand(io, run),
    issueCommand(io, run),
    verifyCommand(io, run),
    fetchEvidenceCommand(io, run),
    statusCommand(io, run),
    bakeCommand(io, run),
    unbakeCommand(io, run),
    stackCommand(io, run),
    clrCommand(io, run),
  ];
  for (const command of commands) program.addCommand(command);
  const configure = (command: Command) => {
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
    command.showHelpAfterError('(add --help for usage)');
    for (const sub of command.commands) configure(sub);
  };
  configure(program);

  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT.USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return quiet ? EXIT.OK : EXIT.USAGE;
    }
    return report(error);
  }
  return exitCode;
}

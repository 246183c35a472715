/** Small pieces every command uses: the runner that turns errors into exit codes, shared options. */
import { Command, InvalidArgumentError, Option } from 'commander';

/** Runs a command's body; its result is the exit code. Set up by run-cli. */
export type Runner = (body: () => Promise<number>) => Promise<void>;

export function positiveInteger(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1.`);
    return n;
  };
}

export function workersOption(command: Command): Command {
  return command.addOption(new Option('--workers <n>', 'worker threads (default: all cores when there are many files)').argParser(positiveInteger('--workers')));
}

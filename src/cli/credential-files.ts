/** Reading signed credentials from files and folders given on the command line: JSON, or baked PNG/SVG images. */
import { isObv3Error, unbake } from '../index.js';
import { readBytes } from './files.js';
import { collectInputs } from './inputs.js';
import { CliError, UsageError, resolvePath, type CliIo } from './io.js';

/** The credentials in the files and folders given (folders as `obv3 verify` walks them), in order. */
export async function readCredentialFiles(paths: readonly string[], io: CliIo): Promise<Record<string, unknown>[]> {
  const files = await collectInputs(paths, io);
  if (files.length === 0) throw new UsageError(`No credential files (.json, .jsonld, .png, .svg) found in ${paths.join(', ')}.`);
  return Promise.all(files.map((file) => readCredentialFile(file.display, io)));
}

export async function readCredentialFile(file: string, io: CliIo): Promise<Record<string, unknown>> {
  const bytes = await readBytes(resolvePath(io, file), 'credential');
  const text = Buffer.from(bytes).toString('utf8').trimStart();
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new CliError(`${file} is not valid JSON: give a credential file.`);
    }
  }
  try {
    const found = unbake(bytes);
    if (found.kind === 'jwt') throw new CliError(`${file} carries a VC-JWT; this command needs a JSON credential.`);
    return found.credential as Record<string, unknown>;
  } catch (error) {
    if (isObv3Error(error)) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

/**
 * Which files `verify` reads: every file named, and in every folder named (recursively) the files
 * a credential comes in: .json/.jsonld, .jwt, .png, .svg. Hidden entries (a leading dot, such as
 * the `.obv3/` folder `obv3 issue` keeps its summary in) are skipped in folders.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { describeFsError } from './files.js';
import { CliError, resolvePath, type CliIo } from './io.js';

const CREDENTIAL_EXTENSIONS = new Set(['.json', '.jsonld', '.jwt', '.png', '.svg']);

export interface InputFile {
  /** As shown to the user: relative to the working directory when inside it. */
  display: string;
  path: string;
}

export async function collectInputs(paths: readonly string[], io: CliIo): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const given of paths) {
    const path = resolvePath(io, given);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new CliError(`Cannot read ${given}: ${describeFsError(error)}.`);
    }
    if (info.isDirectory()) await walk(path, io, out);
    else out.push({ display: given, path });
  }
  return out;
}

async function walk(directory: string, io: CliIo, out: InputFile[]): Promise<void> {
  const entries = (await readdir(directory, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) await walk(path, io, out);
    else if (entry.isFile() && CREDENTIAL_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push({ display: shown(path, io), path });
  }
}

function shown(path: string, io: CliIo): string {
  const rel = relative(io.cwd, path);
  return rel.startsWith('..') ? path : rel;
}

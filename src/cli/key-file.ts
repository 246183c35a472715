/** Reading an issuer key file written by `obv3 keygen` (or any Multikey / JWK file with a private part). */
import { stat } from 'node:fs/promises';
import { importKey, isObv3Error, type Ed25519KeyPair } from '../index.js';
import { readJson } from './files.js';
import { CliError, type CliIo } from './io.js';

export async function loadKey(path: string, io: CliIo): Promise<Ed25519KeyPair> {
  const document = await readJson<object>(path, 'key file');
  let key: Ed25519KeyPair;
  try {
    key = await importKey(document as Parameters<typeof importKey>[0]);
  } catch (error) {
    // importKey's messages never contain key material.
    if (isObv3Error(error)) throw new CliError(`The key file ${path} cannot be used: ${error.message}`);
    throw error;
  }
  const mode = (await stat(path)).mode;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    io.stderr.write(`warning: ${path} can be read by other users; it holds a private key: run chmod 600 ${path}\n`);
  }
  return key;
}

/** Reading an issuer key file written by `obv3 keygen` (or any Multikey / JWK file with a private part). */
import { stat } from 'node:fs/promises';
import { importKey, isObv3Error, type Ed25519KeyPair, type JwsKeyPair } from '../index.js';
import { readJson } from './files.js';
import { CliError, type CliIo } from './io.js';

export async function loadKey(path: string, io: CliIo): Promise<Ed25519KeyPair> {
  const document = await readJson<object>(path, 'key file');
  let key: Ed25519KeyPair | JwsKeyPair;
  try {
    // Typed as both: a JWK file may hold either kind.
    key = (await importKey(document as Parameters<typeof importKey>[0])) as Ed25519KeyPair | JwsKeyPair;
  } catch (error) {
    // importKey's messages never contain key material.
    if (isObv3Error(error)) throw new CliError(`The key file ${path} cannot be used: ${error.message}`);
    throw error;
  }
  // importKey also reads RSA / P-256 JWKs (for VC-JWTs); every obv3 command signs or publishes
  // Ed25519 keys for embedded proofs, so say so here rather than fail later without a code.
  if (key.algorithm !== 'Ed25519') {
    throw new CliError(`The key file ${path} holds an ${key.algorithm === 'RS256' ? 'RSA' : 'EC P-256'} key (${key.algorithm}), which signs VC-JWTs only; obv3's commands sign embedded proofs (eddsa-rdfc-2022), which need an Ed25519 key: make one with obv3 keygen.`);
  }
  const mode = (await stat(path)).mode;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    io.stderr.write(`warning: ${path} can be read by other users; it holds a private key: run chmod 600 ${path}\n`);
  }
  return key;
}

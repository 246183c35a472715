import { newSeed } from './ed25519-node-crypto.js';
import { LocalEd25519KeyPair } from './local-key-pair.js';
import type { Ed25519KeyPair } from './types.js';

export interface GenerateKeyOptions {
  /** The issuer that controls the key (a DID or https:// URL). Default: the key's own did:key. */
  controller?: string;
  /** Verification method id. Default: `${controller}#${publicKeyMultibase}`. */
  id?: string;
}

/** A new random Ed25519 key pair; by default a did:key (`did:key:z6Mk…#z6Mk…`). */
export async function generateKey(options: GenerateKeyOptions = {}): Promise<Ed25519KeyPair> {
  const seed = newSeed();
  try {
    return new LocalEd25519KeyPair({ seed }, { id: options.id, controller: options.controller });
  } finally {
    seed.fill(0);
  }
}

/**
 * signTrustRegistry: a registry as a `TrustedIssuerRegistryCredential` signed by its publisher,
 * so an agency can hand it to every verifier in the state and each can check it came from them
 * (verifyTrustRegistry). The registry is validated first; the key must be the publisher's.
 */
import { newUrnUuid } from '../build/ids.js';
import { validity } from '../build/validity.js';
import type { DateInput } from '../build/dates.js';
import { TRUST_REGISTRY_CONTEXT, VC_V2_CONTEXT } from '../contexts/bundled.js';
import { Obv3Error } from '../errors.js';
import type { Ed25519KeyPair, Signer } from '../keys/types.js';
import type { TrustRegistry, TrustRegistryCredential } from '../model/index.js';
import { signDocument } from '../proof/sign.js';
import type { ProofFormat } from '../proof/suites.js';
import { loadTrustRegistry } from '../schema/index.js';
import { controllerOfVerificationMethod, signerOf } from '../keys/signer-of.js';

export interface SignTrustRegistryOptions {
  /** The publisher's key (its controller must be `registry.publisher.id`). */
  key: Ed25519KeyPair | Signer;
  /** The credential's id. Default: a fresh urn:uuid. */
  id?: string;
  /** From when verifiers should use it. Default: now. */
  validFrom?: DateInput;
  /** After this, verifiers refuse it: publish a new one before then. Recommended. */
  validUntil?: DateInput;
  /** Default eddsa-rdfc-2022. */
  proofFormat?: ProofFormat;
  /** The proof's created time. Default now. */
  created?: Date;
}

export async function signTrustRegistry(registry: TrustRegistry, options: SignTrustRegistryOptions): Promise<TrustRegistryCredential & { proof: object[] }> {
  const checked = loadTrustRegistry(registry);
  const signer = signerOf(options?.key);
  const controller = controllerOfVerificationMethod(signer.id);
  if (controller !== checked.publisher.id) {
    throw new Obv3Error('INVALID_ARGUMENT', `The key ${signer.id} belongs to ${controller}, but the registry's publisher is ${checked.publisher.id}: sign it with the publisher's key, or correct publisher.id.`);
  }
  const { validFrom, validUntil } = validity({ validFrom: options.validFrom, validUntil: options.validUntil }, options.created);
  const credential: TrustRegistryCredential = {
    '@context': [VC_V2_CONTEXT, TRUST_REGISTRY_CONTEXT],
    id: options.id ?? newUrnUuid(),
    type: ['VerifiableCredential', 'TrustedIssuerRegistryCredential'],
    name: checked.name,
    issuer: checked.publisher.id,
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    credentialSubject: checked,
  };
  return signDocument(credential, {
    signer,
    ...(options.proofFormat ? { proofFormat: options.proofFormat } : {}),
    ...(options.created ? { created: options.created } : {}),
  });
}

/**
 * The proof suites obv3 signs and verifies with, each bounded in canonicalization work. The
 * Digital Bazaar suites do the cryptography; we only wrap canonicalize to add limits and adapt
 * our `Signer` (sign(bytes)) to theirs (sign({ data })).
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { Cryptosuite, DigitalBazaarSigner } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import type { LinkedDataSuite } from 'jsonld-signatures';
import type { Signer } from '../keys/types.js';
import { canonicalizationOptions } from './canonicalization-limits.js';

/** The proof formats obv3 can create. */
export type ProofFormat = 'eddsa-rdfc-2022' | 'Ed25519Signature2020';

/** Cryptosuite names of DataIntegrityProof we verify. `eddsa-2022` is the pre-standard name. */
export const EDDSA_RDFC_2022 = 'eddsa-rdfc-2022';
export const LEGACY_EDDSA_2022 = 'eddsa-2022';

function boundedCryptosuite(name: string): Cryptosuite {
  return {
    ...eddsaRdfc2022,
    name,
    canonize: (input, options) => eddsaRdfc2022.canonize(input, { ...options, ...canonicalizationOptions() }),
  };
}

const boundedEddsaRdfc2022 = boundedCryptosuite(EDDSA_RDFC_2022);
const boundedLegacyEddsa2022 = boundedCryptosuite(LEGACY_EDDSA_2022);

function toDigitalBazaarSigner(signer: Signer): DigitalBazaarSigner {
  return { id: signer.id, algorithm: signer.algorithm, sign: ({ data }) => signer.sign(data) };
}

export function createSigningSuite(format: ProofFormat, signer: Signer, created: Date | undefined): LinkedDataSuite {
  const dbSigner = toDigitalBazaarSigner(signer);
  if (format === 'Ed25519Signature2020') {
    return new Ed25519Signature2020({ signer: dbSigner, date: created, canonizeOptions: canonicalizationOptions() });
  }
  return new DataIntegrityProof({ signer: dbSigner, date: created, cryptosuite: boundedEddsaRdfc2022 });
}

/**
 * A fresh verifying suite for one proof (suites cache the document hash per instance).
 * `legacyContext`: the credential uses the Data Integrity v1 context, so the suite must not add v2,
 * whose protected terms would clash with v1's.
 */
export function createVerifyingSuite(proof: { type?: unknown; cryptosuite?: unknown }, legacyContext: boolean): LinkedDataSuite | undefined {
  if (proof.type === 'Ed25519Signature2020') {
    return new Ed25519Signature2020({ canonizeOptions: canonicalizationOptions() });
  }
  if (proof.type === 'DataIntegrityProof') {
    if (proof.cryptosuite === EDDSA_RDFC_2022) return new DataIntegrityProof({ cryptosuite: boundedEddsaRdfc2022, legacyContext });
    if (proof.cryptosuite === LEGACY_EDDSA_2022) return new DataIntegrityProof({ cryptosuite: boundedLegacyEddsa2022, legacyContext });
  }
  return undefined;
}

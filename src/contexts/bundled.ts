/**
 * Every JSON-LD context the library knows, by the URL credentials name it with. They are bundled
 * (never fetched) so verification is offline and a context cannot change under a signature.
 * Each `sha256` pins the exact bytes of the file in `files/`; a test re-hashes them, so an edit to
 * a context must also change its pin here, deliberately.
 */
import credentialsV1 from './files/credentials-v1.json';
import credentialsV2 from './files/credentials-v2.json';
import dataIntegrityV1 from './files/data-integrity-v1.json';
import dataIntegrityV2 from './files/data-integrity-v2.json';
import ed25519V2020 from './files/ed25519-2020-v1.json';
import multikeyV1 from './files/multikey-v1.json';
import bitstringStatusListV1 from './files/bitstring-status-list-v1.json';
import statusList2021V1 from './files/status-list-2021-v1.json';
import ob300 from './files/ob-3.0.0.json';
import ob301 from './files/ob-3.0.1.json';
import ob302 from './files/ob-3.0.2.json';
import ob303 from './files/ob-3.0.3.json';
import obExtensions from './files/ob-extensions.json';
import clr200 from './files/clr-2.0.0.json';
import clr201 from './files/clr-2.0.1.json';
import obv3Stack from './files/obv3-stack-v1.json';
import trustRegistryV1 from './files/trust-registry-v1.json';

export interface BundledContext {
  url: string;
  /** The file in src/contexts/files/ it was loaded from. */
  file: string;
  /** SHA-256 (hex) of that file's bytes. */
  sha256: string;
  document: object;
}

export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT_PREFIX = 'https://purl.imsglobal.org/spec/ob/v3p0/';
/** The OB context new credentials use. */
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
export const DATA_INTEGRITY_V1_CONTEXT = 'https://w3id.org/security/data-integrity/v1';
export const DATA_INTEGRITY_V2_CONTEXT = 'https://w3id.org/security/data-integrity/v2';
export const ED25519_2020_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
/** The CLR 2.0 context new ClrCredentials use. */
export const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
/**
 * obv3's own context for the terms of a stack's rule (`stackRule`, `StackRule`, `ElectiveGroup`),
 * published at this URL and bundled here like every other context.
 */
export const STACK_CONTEXT = 'https://obv3.dev/contexts/stack-v1.json';
/** Every CLR 2.0 context URL we verify, oldest first. */
export const CLR_CONTEXTS = ['https://purl.imsglobal.org/spec/clr/v2p0/context.json', CLR_CONTEXT] as const;
/**
 * obv3's own context for signed trusted-issuer registries. Its lists are `@json` literals, signed
 * as canonical JSON, so JSON-LD never merges two entries that name the same issuer (which would
 * let a holder move one entry's restrictions onto another without breaking the signature).
 */
export const TRUST_REGISTRY_CONTEXT = 'https://obv3.dev/contexts/trust-registry/v1';

/** Every OB 3.0 context URL we verify, oldest first. */
export const OB_CONTEXTS = [
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
  OB_CONTEXT,
] as const;

export const BUNDLED_CONTEXTS: readonly BundledContext[] = [
  { url: VC_V1_CONTEXT, file: 'credentials-v1.json', sha256: 'ab4ddd9a531758807a79a5b450510d61ae8d147eab966cc9a200c07095b0cdcc', document: credentialsV1 },
  { url: VC_V2_CONTEXT, file: 'credentials-v2.json', sha256: '59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734', document: credentialsV2 },
  { url: DATA_INTEGRITY_V1_CONTEXT, file: 'data-integrity-v1.json', sha256: 'b5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554', document: dataIntegrityV1 },
  { url: DATA_INTEGRITY_V2_CONTEXT, file: 'data-integrity-v2.json', sha256: '0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363', document: dataIntegrityV2 },
  { url: ED25519_2020_CONTEXT, file: 'ed25519-2020-v1.json', sha256: 'b9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588', document: ed25519V2020 },
  { url: MULTIKEY_CONTEXT, file: 'multikey-v1.json', sha256: 'c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6', document: multikeyV1 },
  { url: 'https://www.w3.org/ns/credentials/status/v1', file: 'bitstring-status-list-v1.json', sha256: 'fd08cbf28ddd829ab2f1978c48f43ab07a112c1c90245a0cfac7ba721c65170c', document: bitstringStatusListV1 },
  { url: 'https://w3id.org/vc/status-list/2021/v1', file: 'status-list-2021-v1.json', sha256: '634d71c159289f068c96012e4511c657fdf82ac4231900081bda3ba24e2e1160', document: statusList2021V1 },
  { url: OB_CONTEXTS[0], file: 'ob-3.0.0.json', sha256: 'b077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10', document: ob300 },
  { url: OB_CONTEXTS[1], file: 'ob-3.0.1.json', sha256: 'd582f3564282fb3b709136d28412e78e70b678b4dbc2f0221f67d84932748355', document: ob301 },
  { url: OB_CONTEXTS[2], file: 'ob-3.0.2.json', sha256: '00666ad080ba407687ed1846b7f5e7495f5019042b202a727de47c48a1755c53', document: ob302 },
  // What the live 3.0.3 URL serves: the spec repo's file plus `endorsementJwt` and `jti`.
  { url: OB_CONTEXT, file: 'ob-3.0.3.json', sha256: '3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84', document: ob303 },
  { url: OB_EXTENSIONS_CONTEXT, file: 'ob-extensions.json', sha256: '146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3', document: obExtensions },
  { url: CLR_CONTEXTS[0], file: 'clr-2.0.0.json', sha256: 'e198d7b517d74c5036434ce495086f67b10244709e9a3df9dcb7f8b1579b6167', document: clr200 },
  { url: CLR_CONTEXT, file: 'clr-2.0.1.json', sha256: '880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6', document: clr201 },
  // obv3's own (stacks): published at STACK_CONTEXT.
  { url: STACK_CONTEXT, file: 'obv3-stack-v1.json', sha256: '4198e81016d2896a47b93ee0dfa45836764f8182bb050457829de1431c86b201', document: obv3Stack },
  // obv3's own (trust registries): published at TRUST_REGISTRY_CONTEXT.
  { url: TRUST_REGISTRY_CONTEXT, file: 'trust-registry-v1.json', sha256: '2089c988e596d16603d73306285ee428ec5fa412d7aac55eac4425b9ceb949d2', document: trustRegistryV1 },
];

const byUrl = new Map<string, BundledContext>(BUNDLED_CONTEXTS.map((c) => [c.url, c]));

/** The bundled context for `url`, or undefined when we do not carry it. */
export function getBundledContext(url: string): BundledContext | undefined {
  return byUrl.get(url);
}

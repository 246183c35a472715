export {
  verifyTrustRegistry,
  type TrustRegistryCheck,
  type TrustRegistryCheckId,
  type TrustRegistryVerification,
  type VerifyTrustRegistryOptions,
} from './verify-trust-registry.js';
export type { RegistryRef, TrustedBy } from './decide-trust.js';

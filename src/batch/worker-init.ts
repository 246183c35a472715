/** What a batch worker is told at start: which job, and the options it may receive by copy. */
import type { IssueOptions } from '../issue/issue-credential.js';
import type { MultikeyDocument, Signer } from '../keys/types.js';
import type { VerifyOptions } from '../verify/options.js';

export type WorkerKey =
  /** One of our key pairs, re-imported in the worker (the secret stays inside this process). */
  | { kind: 'local'; multikey: MultikeyDocument; id: string; controller: string }
  /** A caller's signer (KMS/HSM): signatures are requested from the main thread. */
  | { kind: 'remote'; id: string; algorithm: Signer['algorithm'] };

export type WorkerInit =
  /** `status`: the caller gave a status registry, which allocates in the main thread. */
  | { job: 'issue' | 'sign'; key: WorkerKey; options: Omit<IssueOptions, 'key' | 'status' | 'statusPurposes'>; status: boolean }
  | { job: 'verify'; options: Omit<VerifyOptions, 'fetch'>; fetch: boolean };

/** Status-list vocabulary shared by the issuer side (registry, stores) and the verifier side. */

/** What a status bit means. `revocation` is permanent; `suspension` can be lifted. */
export type StatusPurpose = 'revocation' | 'suspension';

/** The W3C minimum list length (16 KiB of bits), which also gives holders herd privacy. */
export const MIN_STATUS_LIST_LENGTH = 131_072;

/** Where one credential's status bit lives. */
export interface StatusAllocation {
  credentialId: string;
  purpose: StatusPurpose;
  listId: string;
  index: number;
}

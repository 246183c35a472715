/**
 * The evidence bundle: every document a verification fetched (status lists, DID documents, key
 * documents), byte for byte, with when it was fetched. An agency files it with its reports and can
 * verify the same credentials again later, offline, against exactly what it relied on.
 */

export const EVIDENCE_BUNDLE_TYPE = 'Obv3EvidenceBundle';
export const EVIDENCE_BUNDLE_VERSION = 1;

/** One fetched URL: its response (status, content type, body) or the error that stopped it. */
export interface EvidenceDocument {
  /** The URL the verifier asked for. */
  url: string;
  /** When the response had been read (ISO), by the recording machine's own clock. */
  fetchedAt: string;
  /** HTTP status; absent when the request failed before a response. */
  status?: number;
  contentType?: string;
  /** SHA-256 (hex) of the body bytes; checked when the bundle is opened. */
  sha256?: string;
  /** The body, base64. */
  body?: string;
  /** Why the fetch failed (no response, or a body over the size cap). */
  error?: string;
}

export interface EvidenceBundle {
  type: typeof EVIDENCE_BUNDLE_TYPE;
  version: typeof EVIDENCE_BUNDLE_VERSION;
  /** When the bundle was written (ISO). */
  createdAt: string;
  createdBy: { name: 'obv3'; version: string };
  /** One entry per URL, in the order first fetched. */
  documents: EvidenceDocument[];
}

/** A recorded document as the Response a fetch returns (or the error it throws). */
import type { EvidenceDocument } from './bundle.js';

// Statuses whose Response may not carry a body.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function responseFromDocument(document: EvidenceDocument): Response {
  if (document.status === undefined || document.error !== undefined) {
    throw new Error(document.error ?? `${document.url} has no recorded response`);
  }
  const headers = document.contentType !== undefined ? { 'content-type': document.contentType } : undefined;
  const body = NULL_BODY.has(document.status) ? null : Buffer.from(document.body ?? '', 'base64');
  return new Response(body, { status: document.status, ...(headers ? { headers } : {}) });
}

/** A recorded document as the Response a fetch returns (or the error it throws). */
import { hasNullBody } from '../net/build-response.js';
import type { EvidenceDocument } from './bundle.js';

export function responseFromDocument(document: EvidenceDocument): Response {
  if (document.status === undefined || document.error !== undefined) {
    throw new Error(document.error ?? `${document.url} has no recorded response`);
  }
  const headers = document.contentType !== undefined ? { 'content-type': document.contentType } : undefined;
  const body = hasNullBody(document.status) ? null : Buffer.from(document.body ?? '', 'base64');
  return new Response(body, { status: document.status, ...(headers ? { headers } : {}) });
}

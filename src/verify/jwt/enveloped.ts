/**
 * VC 2.0 `EnvelopedVerifiableCredential`: a credential secured by an enveloping proof, carried as
 * a `data:` URL in `id` — for a VC-JWT, `data:application/vc+jwt,<compact JWS>`. Presentations
 * (and CLRs) carry JWT credentials this way.
 */
const ENVELOPED_TYPE = 'EnvelopedVerifiableCredential';
const VC_JWT_DATA_URL_PREFIX = 'data:application/vc+jwt,';

export function envelopeJwt(jwt: string): { '@context': string; id: string; type: string } {
  return { '@context': 'https://www.w3.org/ns/credentials/v2', id: `${VC_JWT_DATA_URL_PREFIX}${jwt}`, type: ENVELOPED_TYPE };
}

export function isEnveloped(value: object): boolean {
  const type = (value as { type?: unknown }).type;
  return type === ENVELOPED_TYPE || (Array.isArray(type) && type.includes(ENVELOPED_TYPE));
}

/** The JWT inside an envelope, or a reason it holds none obv3 can read. */
export function unwrapEnvelope(value: object): { jwt: string } | { problem: string } {
  const id = (value as { id?: unknown }).id;
  if (typeof id !== 'string') return { problem: 'An EnvelopedVerifiableCredential must carry its credential as a data: URL in id.' };
  for (const prefix of [VC_JWT_DATA_URL_PREFIX, 'data:application/jwt,']) {
    if (id.startsWith(prefix)) return { jwt: id.slice(prefix.length) };
  }
  const mediaType = /^data:([^,;]*)/.exec(id)?.[1];
  return { problem: `The EnvelopedVerifiableCredential holds ${mediaType ? `a ${mediaType}` : 'no data: URL'}; obv3 reads enveloped VC-JWTs (data:application/vc+jwt,…).` };
}

/**
 * Endorsements embedded in a profile, achievement or credential. They arrive already signed by
 * their endorser, so we check only that they are what they claim to be and copy them untouched:
 * changing a byte would break their proof.
 */
import type { EndorsementCredential } from '../model/index.js';
import { isCompactJws } from '../proof/compact-jws.js';
import { describeValue, isPlainObject, optionalList, problem, type Fields } from './fields.js';

export function optionalEndorsements(fields: Fields, path: string): EndorsementCredential[] | undefined {
  return optionalList(fields, 'endorsement', path, (item, itemPath) => {
    const type = isPlainObject(item) ? item.type : undefined;
    if (!Array.isArray(type) || !type.includes('EndorsementCredential')) {
      throw problem('SCHEMA_INVALID', itemPath, `must be an EndorsementCredential (type includes 'EndorsementCredential'), got ${describeValue(item)}: put VC-JWT endorsements in endorsementJwt`);
    }
    return structuredClone(item) as unknown as EndorsementCredential;
  });
}

export function optionalEndorsementJwts(fields: Fields, path: string): string[] | undefined {
  return optionalList(fields, 'endorsementJwt', path, (item, itemPath) => {
    // isCompactJws lets an empty signature through (so verifiers can report `alg: none`); an
    // endorsement we embed must be signed.
    if (typeof item !== 'string' || !isCompactJws(item) || item.endsWith('.')) {
      throw problem('SCHEMA_INVALID', itemPath, `must be a compact JWS (header.payload.signature), got ${describeValue(item)}`);
    }
    return item;
  });
}

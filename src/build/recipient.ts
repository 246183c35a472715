/** The recipient of a credential draft → `credentialSubject.id` and/or `credentialSubject.identifier`. */
import type { IdentifierTypeEnum, IdentityObject } from '../model/index.js';
import { at, extensionKeys, optionalBoolean, optionalIri, problem, readObject, requireString } from './fields.js';
import { makeIdentityObject, readSalt } from './identity.js';
import { IDENTIFIER_TYPES, checkTerm } from './vocabulary.js';

/** Named by a DID or URL the recipient controls. */
export interface RecipientById {
  id: string;
}

/** Named by e-mail address, hashed with `salt` (random by default) unless `hashed` is false. */
export interface RecipientByEmail {
  email: string;
  salt?: string;
  hashed?: boolean;
  /** Also name the recipient by DID or URL. */
  id?: string;
}

/** Named by another kind of identifier, e.g. a state educator licence number (`ext:…`). */
export interface RecipientByIdentifier {
  identifier: string;
  identityType: IdentifierTypeEnum;
  salt?: string;
  hashed?: boolean;
  id?: string;
}

export type RecipientInput = RecipientById | RecipientByEmail | RecipientByIdentifier;

export interface SubjectIdentity {
  id?: string;
  identifier?: IdentityObject[];
}

const KNOWN = ['id', 'email', 'identifier', 'identityType', 'salt', 'hashed'];

export function buildRecipient(input: unknown, path: string): SubjectIdentity {
  if (input === undefined) {
    throw problem('SCHEMA_INVALID', path, 'is missing: add { id } (the recipient DID or URL) or { email }');
  }
  const fields = readObject(input, path);
  extensionKeys(fields, path, KNOWN, true);
  const id = optionalIri(fields, 'id', path);
  const byEmail = fields.email !== undefined;
  const byIdentifier = fields.identifier !== undefined;
  if (byEmail && byIdentifier) {
    throw problem('SCHEMA_INVALID', path, 'has both email and identifier: give one (use identifier with identityType for anything that is not an e-mail address)');
  }
  if (!byEmail && !byIdentifier) {
    if (id === undefined) throw problem('SCHEMA_INVALID', path, 'names nobody: add id (the recipient DID or URL) or email');
    for (const key of ['identityType', 'salt', 'hashed']) {
      if (fields[key] !== undefined) throw problem('SCHEMA_INVALID', at(path, key), 'applies only to email or identifier recipients: remove it, or add email');
    }
    return { id };
  }
  const identifierKey = byEmail ? 'email' : 'identifier';
  let identityType: IdentifierTypeEnum = 'emailAddress';
  if (byEmail) {
    if (fields.identityType !== undefined && fields.identityType !== 'emailAddress') {
      throw problem('SCHEMA_INVALID', at(path, 'identityType'), `must be 'emailAddress' (or left out) with email: use { identifier, identityType } for other identifiers`);
    }
  } else {
    requireString(fields, 'identityType', path, `say what kind of identifier it is, e.g. 'sourcedId' or 'ext:StateLicenseNumber' (use { email } for e-mail addresses)`);
    identityType = checkTerm<IdentifierTypeEnum>(fields.identityType, at(path, 'identityType'), IDENTIFIER_TYPES, true);
  }
  const identityObject = makeIdentityObject({
    identifier: requireString(fields, identifierKey, path, 'give the recipient identifier'),
    identityType,
    salt: readSalt(fields, path),
    hashed: optionalBoolean(fields, 'hashed', path) ?? true,
    identifierPath: at(path, identifierKey),
  });
  return id === undefined ? { identifier: [identityObject] } : { id, identifier: [identityObject] };
}

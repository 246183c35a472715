/**
 * The VC properties that point elsewhere: credentialSchema, credentialStatus, refreshService and
 * termsOfUse. Each method defines its own further properties, so beyond `id` and `type` they are
 * copied as given.
 */
import type { CredentialSchema, CredentialStatus, RefreshService, TermsOfUse } from '../model/index.js';
import { at, optionalIri, optionalList, readObject, requireIri, requireString, type Fields } from './fields.js';

interface TypedLink {
  id?: string;
  type: string;
  [property: string]: unknown;
}

function buildLink(input: unknown, path: string, idRequired: boolean, example: string): TypedLink {
  const fields = readObject(input, path);
  const id = idRequired ? requireIri(fields, 'id', path, 'add its URL') : optionalIri(fields, 'id', path);
  const type = requireString(fields, 'type', path, `name the method, e.g. '${example}'`);
  const rest = structuredClone(fields);
  delete rest.id;
  delete rest.type;
  return id === undefined ? { type, ...rest } : { id, type, ...rest };
}

export function optionalCredentialSchemas(fields: Fields, path: string): CredentialSchema[] | undefined {
  return optionalList(fields, 'credentialSchema', path, (item, itemPath) =>
    buildLink(item, itemPath, true, '1EdTechJsonSchemaValidator2019') as CredentialSchema,
  );
}

export function optionalCredentialStatus(fields: Fields, path: string): CredentialStatus | undefined {
  const value = fields.credentialStatus;
  return value === undefined ? undefined : (buildLink(value, at(path, 'credentialStatus'), true, 'BitstringStatusListEntry') as CredentialStatus);
}

export function optionalRefreshService(fields: Fields, path: string): RefreshService | undefined {
  const value = fields.refreshService;
  return value === undefined ? undefined : (buildLink(value, at(path, 'refreshService'), true, '1EdTechCredentialRefresh') as RefreshService);
}

export function optionalTermsOfUse(fields: Fields, path: string): TermsOfUse[] | undefined {
  return optionalList(fields, 'termsOfUse', path, (item, itemPath) => buildLink(item, itemPath, false, 'TrustFrameworkPolicy') as TermsOfUse);
}

/** All four, in the order credentials write them (after the subject). */
export function optionalServices(fields: Fields, path: string): {
  credentialSchema?: CredentialSchema[];
  credentialStatus?: CredentialStatus;
  refreshService?: RefreshService;
  termsOfUse?: TermsOfUse[];
} {
  return {
    credentialSchema: optionalCredentialSchemas(fields, path),
    credentialStatus: optionalCredentialStatus(fields, path),
    refreshService: optionalRefreshService(fields, path),
    termsOfUse: optionalTermsOfUse(fields, path),
  };
}

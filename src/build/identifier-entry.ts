/** `IdentifierEntry`: the id of a profile or achievement in another system. */
import type { IdentifierEntry, IdentifierTypeEnum } from '../model/index.js';
import { at, extensionKeys, optionalList, readObject, requireString, singleType, type Fields } from './fields.js';
import { IDENTIFIER_TYPES, checkTerm } from './vocabulary.js';

export interface IdentifierEntryInput {
  type?: 'IdentifierEntry';
  identifier: string;
  identifierType: IdentifierTypeEnum;
}

export function buildIdentifierEntry(input: unknown, path: string): IdentifierEntry {
  const fields = readObject(input, path);
  extensionKeys(fields, path, ['type', 'identifier', 'identifierType'], true);
  const type = singleType(fields, path, 'IdentifierEntry');
  const identifier = requireString(fields, 'identifier', path, 'add the identifier value');
  if (fields.identifierType === undefined) {
    requireString(fields, 'identifierType', path, `add the kind of identifier, e.g. 'sourcedId' or 'ext:YourType'`);
  }
  const identifierType = checkTerm<IdentifierTypeEnum>(fields.identifierType, at(path, 'identifierType'), IDENTIFIER_TYPES, true);
  return { type, identifier, identifierType };
}

export function optionalIdentifierEntries(fields: Fields, path: string): IdentifierEntry[] | undefined {
  return optionalList(fields, 'otherIdentifier', path, buildIdentifierEntry);
}

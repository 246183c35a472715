/** `Alignment`: a link to a competency, standard or framework item. */
import type { Alignment, AlignmentTargetType } from '../model/index.js';
import {
  at,
  compact,
  copyExtensions,
  extensionKeys,
  optionalList,
  optionalString,
  readObject,
  requireIri,
  requireString,
  typeSet,
  type Fields,
} from './fields.js';
import { ALIGNMENT_TARGET_TYPES, checkTerm } from './vocabulary.js';

export interface AlignmentInput {
  type?: string[];
  targetName: string;
  targetUrl: string;
  targetCode?: string;
  targetDescription?: string;
  targetFramework?: string;
  targetType?: AlignmentTargetType;
}

const KNOWN = ['type', 'targetName', 'targetUrl', 'targetCode', 'targetDescription', 'targetFramework', 'targetType'];

export function buildAlignment(input: unknown, path: string): Alignment {
  const fields = readObject(input, path);
  const extras = extensionKeys(fields, path, KNOWN);
  const alignment = compact<Alignment>({
    type: typeSet(fields, path, 'Alignment'),
    targetCode: optionalString(fields, 'targetCode', path),
    targetDescription: optionalString(fields, 'targetDescription', path),
    targetName: requireString(fields, 'targetName', path, 'add the name of the standard or competency'),
    targetFramework: optionalString(fields, 'targetFramework', path),
    targetType:
      fields.targetType === undefined
        ? undefined
        : checkTerm<AlignmentTargetType>(fields.targetType, at(path, 'targetType'), ALIGNMENT_TARGET_TYPES, true),
    targetUrl: requireIri(fields, 'targetUrl', path, 'add the URL of the standard or competency'),
  });
  copyExtensions(alignment as unknown as Fields, fields, extras);
  return alignment;
}

export function optionalAlignments(fields: Fields, path: string): Alignment[] | undefined {
  return optionalList(fields, 'alignment', path, buildAlignment);
}

/** `Evidence`: the work that supports an award (classroom video, student work, reflections). */
import type { Evidence } from '../model/index.js';
import { compact, copyExtensions, extensionKeys, optionalIri, optionalString, problem, readObject, typeSet, type Fields } from './fields.js';

export interface EvidenceInput {
  /** URL of the evidence (may be access-controlled). */
  id?: string;
  type?: string[];
  name?: string;
  description?: string;
  /** Markdown. */
  narrative?: string;
  /** E.g. "Classroom video". */
  genre?: string;
  /** Who the evidence is for, e.g. "Assessors". */
  audience?: string;
}

const KNOWN = ['id', 'type', 'narrative', 'name', 'description', 'genre', 'audience'];

export function buildEvidence(input: unknown, path: string): Evidence {
  const fields = readObject(input, path);
  const extras = extensionKeys(fields, path, KNOWN);
  const evidence = compact<Evidence>({
    id: optionalIri(fields, 'id', path),
    type: typeSet(fields, path, 'Evidence'),
    name: optionalString(fields, 'name', path),
    description: optionalString(fields, 'description', path),
    narrative: optionalString(fields, 'narrative', path),
    genre: optionalString(fields, 'genre', path),
    audience: optionalString(fields, 'audience', path),
  });
  if (evidence.id === undefined && evidence.narrative === undefined && evidence.name === undefined && evidence.description === undefined) {
    throw problem('SCHEMA_INVALID', path, 'says nothing: add id (URL of the evidence), narrative, name or description');
  }
  copyExtensions(evidence as unknown as Fields, fields, extras);
  return evidence;
}

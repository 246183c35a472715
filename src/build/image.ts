/** `Image` values: the schema wants `{ id, type: 'Image' }`, people have a URL. */
import type { Image } from '../model/index.js';
import { at, checkIri, describeValue, extensionKeys, optionalString, problem, readObject, requireIri, singleType } from './fields.js';

/** A URL or data URI, or the `Image` object with an optional caption. */
export type ImageInput = string | { id: string; caption?: string; type?: 'Image' };

export function buildImage(input: unknown, path: string): Image {
  if (typeof input === 'string') return { id: checkIri(input, path), type: 'Image' };
  if (input === null || typeof input !== 'object') {
    throw problem('INVALID_ARGUMENT', path, `must be an image URL or { id, caption }, got ${describeValue(input)}`);
  }
  const fields = readObject(input, path);
  extensionKeys(fields, path, ['id', 'type', 'caption'], true);
  const id = requireIri(fields, 'id', path, 'add the image URL or data URI as id');
  const type = singleType(fields, path, 'Image');
  const caption = optionalString(fields, 'caption', path);
  return caption === undefined ? { id, type } : { id, type, caption };
}

export function optionalImage(fields: Record<string, unknown>, key: string, path: string): Image | undefined {
  return fields[key] === undefined ? undefined : buildImage(fields[key], at(path, key));
}

/** Which of our schemas applies to a document. */
export type SchemaKind = 'credential' | 'endorsement' | 'profile' | 'clr';

/**
 * Picks the schema from the document's own `type`: EndorsementCredential → endorsement,
 * ClrCredential → clr, a Profile
 * that is not a credential → profile, anything else → credential (so a document with a wrong or
 * missing type still gets the full list of what is wrong with it as a credential).
 */
export function inferSchemaKind(doc: unknown): SchemaKind {
  const types = readTypes(doc);
  if (types.includes('EndorsementCredential')) return 'endorsement';
  if (types.includes('ClrCredential')) return 'clr';
  if (types.includes('Profile') && !types.includes('VerifiableCredential')) return 'profile';
  return 'credential';
}

function readTypes(doc: unknown): string[] {
  if (typeof doc !== 'object' || doc === null) return [];
  let value: unknown;
  try {
    value = (doc as { type?: unknown }).type;
  } catch {
    // A hostile getter or proxy: the schema run reports what it can.
    return [];
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

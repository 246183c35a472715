/** The `@context` of a new credential: VC 2.0, then OB 3.0.3, then the caller's extra contexts. */
import { OB_CONTEXT, OB_CONTEXT_PREFIX, OB_EXTENSIONS_CONTEXT, VC_V1_CONTEXT, VC_V2_CONTEXT } from '../contexts/bundled.js';
import { checkIri, describeValue, optionalList, problem, type Fields } from './fields.js';

export const REQUIRED_CONTEXTS = [VC_V2_CONTEXT, OB_CONTEXT] as const;

/**
 * 1EdTech's own type names (revocation list, schema validator, refresh service) are defined only
 * by the OB extensions context: a credential that uses one gets that context too, or it would not
 * sign in JSON-LD safe mode.
 */
const EXTENSION_TYPES = new Set(['1EdTechRevocationList', '1EdTechJsonSchemaValidator2019', '1EdTechCredentialRefresh']);

function usesExtensionTypes(fields: Fields): boolean {
  const linked = ['credentialStatus', 'credentialSchema', 'refreshService'].flatMap((key) => {
    const value = fields[key];
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
  });
  return linked.some((link) => typeof link === 'object' && link !== null && EXTENSION_TYPES.has(String((link as { type?: unknown }).type)));
}

export function buildContexts(fields: Fields, path: string): string[] {
  const extra = optionalList(fields, 'extraContexts', path, (item, itemPath) => {
    if (typeof item !== 'string') throw problem('INVALID_ARGUMENT', itemPath, `must be a context URL, got ${describeValue(item)}`);
    checkIri(item, itemPath);
    if (item === VC_V1_CONTEXT) {
      throw problem('SCHEMA_INVALID', itemPath, 'is the VC 1.1 context, which cannot be mixed with VC 2.0: remove it');
    }
    if (item !== OB_CONTEXT && item.startsWith(OB_CONTEXT_PREFIX + 'context')) {
      throw problem('SCHEMA_INVALID', itemPath, `is another version of the OB context, which conflicts with ${OB_CONTEXT}: remove it`);
    }
    return item;
  }) ?? [];
  // Repeating a required context is harmless intent, so it is dropped rather than refused.
  const contexts: string[] = [...REQUIRED_CONTEXTS];
  for (const url of extra) if (!contexts.includes(url)) contexts.push(url);
  if (usesExtensionTypes(fields) && !contexts.includes(OB_EXTENSIONS_CONTEXT)) contexts.push(OB_EXTENSIONS_CONTEXT);
  return contexts;
}

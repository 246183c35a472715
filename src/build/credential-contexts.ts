/** The `@context` of a new credential: VC 2.0, then OB 3.0.3, then the caller's extra contexts. */
import { OB_CONTEXT, OB_CONTEXT_PREFIX, VC_V1_CONTEXT, VC_V2_CONTEXT } from '../contexts/bundled.js';
import { checkIri, describeValue, optionalList, problem, type Fields } from './fields.js';

export const REQUIRED_CONTEXTS = [VC_V2_CONTEXT, OB_CONTEXT] as const;

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
  return contexts;
}

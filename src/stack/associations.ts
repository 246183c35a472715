/**
 * CLR 2.0 Associations: how a stack links to its components. A stack `isParentOf` each
 * component and each component `isPartOf` the stack (both directions, so a reader starting from
 * either end finds the link); `precedes` orders components meant to be earned in sequence.
 */
import { checkIri, problem, readObject } from '../build/fields.js';
import type { Association, AssociationType } from '../model/index.js';

export const ASSOCIATION_TYPES = [
  'exactMatchOf', 'exemplar', 'hasSkillLevel', 'isChildOf', 'isParentOf', 'isPartOf', 'isPeerOf',
  'isRelatedTo', 'precedes', 'replacedBy',
] as const satisfies readonly AssociationType[];

export interface AssociationInput {
  associationType: AssociationType;
  sourceId: string;
  targetId: string;
}

export function buildAssociation(input: unknown, path: string): Association {
  const fields = readObject(input, path);
  const type = fields.associationType;
  if (typeof type !== 'string' || !(ASSOCIATION_TYPES as readonly string[]).includes(type)) {
    throw problem('SCHEMA_INVALID', `${path}.associationType`, `${JSON.stringify(type)} is not a CLR 2.0 AssociationType: use one of ${ASSOCIATION_TYPES.join(', ')}`);
  }
  const sourceId = fields.sourceId;
  const targetId = fields.targetId;
  if (typeof sourceId !== 'string') throw problem('INVALID_ARGUMENT', `${path}.sourceId`, 'must be the id of the source achievement');
  if (typeof targetId !== 'string') throw problem('INVALID_ARGUMENT', `${path}.targetId`, 'must be the id of the target achievement');
  return {
    type: 'Association',
    associationType: type as AssociationType,
    sourceId: checkIri(sourceId, `${path}.sourceId`),
    targetId: checkIri(targetId, `${path}.targetId`),
  };
}

/** isParentOf / isPartOf between a stack and each component, then `precedes` along `sequence`. */
export function stackAssociations(stackId: string, componentIds: readonly string[], sequence: readonly string[] = []): Association[] {
  const links: Association[] = [];
  for (const id of componentIds) {
    links.push({ type: 'Association', associationType: 'isParentOf', sourceId: stackId, targetId: id });
    links.push({ type: 'Association', associationType: 'isPartOf', sourceId: id, targetId: stackId });
  }
  for (let i = 1; i < sequence.length; i += 1) {
    links.push({ type: 'Association', associationType: 'precedes', sourceId: sequence[i - 1]!, targetId: sequence[i]! });
  }
  return links;
}

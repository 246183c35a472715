/** `ResultDescription` and its rubric levels: how an achievement's results are scored. */
import type { ResultDescription, ResultType, RubricCriterionLevel } from '../model/index.js';
import { optionalAlignments, type AlignmentInput } from './alignment.js';
import {
  at,
  compact,
  copyExtensions,
  describeValue,
  extensionKeys,
  optionalIri,
  optionalList,
  optionalString,
  optionalText,
  problem,
  readObject,
  requireString,
  typeSet,
  type Fields,
} from './fields.js';
import { newUrnUuid } from './ids.js';
import { RESULT_TYPES, checkTerm } from './vocabulary.js';

export interface RubricCriterionLevelInput {
  /** Defaults to a fresh `urn:uuid:`; set it when results must refer to this level. */
  id?: string;
  type?: string[];
  name: string;
  description?: string;
  level?: string;
  points?: string | number;
  alignment?: AlignmentInput[];
}

export interface ResultDescriptionInput {
  /** Defaults to a fresh `urn:uuid:`; set it when results must refer to this description. */
  id?: string;
  type?: string[];
  name: string;
  resultType: ResultType;
  alignment?: AlignmentInput[];
  /** Ordered low to high. */
  allowedValue?: (string | number)[];
  /** The `id` of one of this description's rubric levels. */
  requiredLevel?: string;
  requiredValue?: string | number;
  rubricCriterionLevel?: RubricCriterionLevelInput[];
  valueMax?: string | number;
  valueMin?: string | number;
}

const RD_KNOWN = [
  'id', 'type', 'alignment', 'allowedValue', 'name', 'requiredLevel', 'requiredValue', 'resultType',
  'rubricCriterionLevel', 'valueMax', 'valueMin',
];
const LEVEL_KNOWN = ['id', 'type', 'alignment', 'description', 'level', 'name', 'points'];

export function buildResultDescription(input: unknown, path: string): ResultDescription {
  const fields = readObject(input, path);
  const extras = extensionKeys(fields, path, RD_KNOWN);
  if (fields.resultType === undefined) {
    requireString(fields, 'resultType', path, `add the kind of result, e.g. 'RubricCriterionLevel', 'Percent' or 'Status'`);
  }
  const levels = optionalList(fields, 'rubricCriterionLevel', path, buildRubricCriterionLevel);
  const allowedValue = optionalList(fields, 'allowedValue', path, (item, itemPath) => textItem(item, itemPath));
  const requiredLevel = optionalIri(fields, 'requiredLevel', path);
  if (requiredLevel !== undefined && !levels?.some((l) => l.id === requiredLevel)) {
    throw problem('SCHEMA_INVALID', at(path, 'requiredLevel'), `refers to ${JSON.stringify(requiredLevel)}, which is not the id of any of this description's rubricCriterionLevel: ${knownIds(levels, 'add the level to rubricCriterionLevel with that id')}`);
  }
  const requiredValue = optionalText(fields, 'requiredValue', path);
  if (requiredValue !== undefined && allowedValue !== undefined && !allowedValue.includes(requiredValue)) {
    throw problem('SCHEMA_INVALID', at(path, 'requiredValue'), `${JSON.stringify(requiredValue)} is not in allowedValue ${JSON.stringify(allowedValue)}`);
  }
  const valueMin = optionalText(fields, 'valueMin', path);
  const valueMax = optionalText(fields, 'valueMax', path);
  if (valueMin !== undefined && valueMax !== undefined && isNumeric(valueMin) && isNumeric(valueMax) && Number(valueMin) > Number(valueMax)) {
    throw problem('SCHEMA_INVALID', at(path, 'valueMin'), `(${valueMin}) is greater than valueMax (${valueMax}): swap them`);
  }
  const description = compact<ResultDescription>({
    id: optionalIri(fields, 'id', path) ?? newUrnUuid(),
    type: typeSet(fields, path, 'ResultDescription'),
    name: requireString(fields, 'name', path, 'add a name, e.g. "Wait Time rubric"'),
    resultType: checkTerm<ResultType>(fields.resultType, at(path, 'resultType'), RESULT_TYPES, true),
    alignment: optionalAlignments(fields, path),
    allowedValue,
    requiredLevel,
    requiredValue,
    rubricCriterionLevel: levels,
    valueMin,
    valueMax,
  });
  copyExtensions(description as unknown as Fields, fields, extras);
  return description;
}

function buildRubricCriterionLevel(input: unknown, path: string): RubricCriterionLevel {
  const fields = readObject(input, path);
  const extras = extensionKeys(fields, path, LEVEL_KNOWN);
  const level = compact<RubricCriterionLevel>({
    id: optionalIri(fields, 'id', path) ?? newUrnUuid(),
    type: typeSet(fields, path, 'RubricCriterionLevel'),
    name: requireString(fields, 'name', path, 'add the level name, e.g. "Proficient"'),
    description: optionalString(fields, 'description', path),
    level: optionalString(fields, 'level', path),
    points: optionalText(fields, 'points', path),
    alignment: optionalAlignments(fields, path),
  });
  copyExtensions(level as unknown as Fields, fields, extras);
  return level;
}

/** "use one of …" for messages about dangling references; `none` says what to do if there are none. */
export function knownIds(items: readonly { id: string }[] | undefined, none = 'there are none to refer to'): string {
  if (items === undefined || items.length === 0) return none;
  return `use one of ${items.map((i) => JSON.stringify(i.id)).join(', ')}`;
}

function textItem(item: unknown, path: string): string {
  if (typeof item === 'number' && Number.isFinite(item)) return String(item);
  if (typeof item === 'string' && item.trim() !== '') return item;
  throw problem('INVALID_ARGUMENT', path, `must be a non-empty string or a number, got ${describeValue(item)}`);
}

function isNumeric(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

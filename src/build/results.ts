/**
 * `Result`s of a credential, checked against the achievement they belong to. A result points at
 * a `ResultDescription` and a rubric level by id; a dangling id would sign a credential whose
 * result nobody can interpret, so it fails here with the ids that would work.
 */
import type { Achievement, Result, ResultDescription, ResultStatusType } from '../model/index.js';
import { optionalAlignments, type AlignmentInput } from './alignment.js';
import { at, compact, copyExtensions, extensionKeys, optionalIri, optionalText, problem, readObject, typeSet, type Fields } from './fields.js';
import { knownIds } from './result-description.js';
import { RESULT_STATUS_TYPES, checkTerm } from './vocabulary.js';

export interface ResultInput {
  type?: string[];
  /** The `id` of one of the achievement's `resultDescription`s. */
  resultDescription?: string;
  /** The `id` of a rubric level (of that result description, when one is given). */
  achievedLevel?: string;
  value?: string | number;
  status?: ResultStatusType;
  alignment?: AlignmentInput[];
}

const KNOWN = ['type', 'achievedLevel', 'alignment', 'resultDescription', 'status', 'value'];

export function buildResult(input: unknown, path: string, achievement: Achievement): Result {
  const fields = readObject(input, path);
  const extras = extensionKeys(fields, path, KNOWN);
  const descriptions = achievement.resultDescription ?? [];
  const descriptionId = optionalIri(fields, 'resultDescription', path);
  const description = descriptionId === undefined ? undefined : descriptions.find((d) => d.id === descriptionId);
  if (descriptionId !== undefined && description === undefined) {
    throw problem('SCHEMA_INVALID', at(path, 'resultDescription'), `refers to ${JSON.stringify(descriptionId)}, which is not the id of any achievement.resultDescription: ${knownIds(descriptions, 'the achievement has no resultDescription; add one with that id')}`);
  }
  const achievedLevel = optionalIri(fields, 'achievedLevel', path);
  if (achievedLevel !== undefined) checkLevel(achievedLevel, at(path, 'achievedLevel'), description, descriptions);
  const value = optionalText(fields, 'value', path);
  if (value !== undefined && description !== undefined) checkValue(value, at(path, 'value'), description);
  const result = compact<Result>({
    type: typeSet(fields, path, 'Result'),
    resultDescription: descriptionId,
    achievedLevel,
    value,
    status: fields.status === undefined ? undefined : checkTerm<ResultStatusType>(fields.status, at(path, 'status'), RESULT_STATUS_TYPES, false),
    alignment: optionalAlignments(fields, path),
  });
  if (Object.keys(result).length === 1) {
    throw problem('SCHEMA_INVALID', path, 'says nothing: add resultDescription with achievedLevel or value, or a status');
  }
  copyExtensions(result as unknown as Fields, fields, extras);
  return result;
}

function checkLevel(level: string, path: string, description: ResultDescription | undefined, all: readonly ResultDescription[]): void {
  const candidates = description === undefined ? all : [description];
  const levels = candidates.flatMap((d) => d.rubricCriterionLevel ?? []);
  if (levels.some((l) => l.id === level)) return;
  const scope = description === undefined
    ? 'any rubricCriterionLevel in achievement.resultDescription'
    : `a rubricCriterionLevel of result description ${JSON.stringify(description.id)}`;
  throw problem('SCHEMA_INVALID', path, `refers to ${JSON.stringify(level)}, which is not the id of ${scope}: ${knownIds(levels, 'the achievement defines no rubric levels; add rubricCriterionLevel entries to its resultDescription')}`);
}

function checkValue(value: string, path: string, description: ResultDescription): void {
  const { allowedValue, valueMin, valueMax } = description;
  if (allowedValue !== undefined && !allowedValue.includes(value)) {
    throw problem('SCHEMA_INVALID', path, `${JSON.stringify(value)} is not an allowedValue of result description ${JSON.stringify(description.id)}: use one of ${JSON.stringify(allowedValue)}`);
  }
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return;
  const below = valueMin !== undefined && Number.isFinite(Number(valueMin)) && n < Number(valueMin);
  const above = valueMax !== undefined && Number.isFinite(Number(valueMax)) && n > Number(valueMax);
  if (below || above) {
    throw problem('SCHEMA_INVALID', path, `${value} is outside ${valueMin ?? '…'}–${valueMax ?? '…'}, the range of result description ${JSON.stringify(description.id)}`);
  }
}

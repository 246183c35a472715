/**
 * ajv errors → one problem per thing to fix.
 *
 * ajv reports every branch of an anyOf/oneOf and every item a `contains` rejected, which reads as
 * noise ("must be string", "must be object", "must match a schema in anyOf" for one value). ajv
 * emits a combinator's error after its branches' errors, so we fold them as we go: the branches
 * whose JSON type does not fit the value are dropped, and alternatives that each would have fixed
 * the value become one sentence. Errors inside a `$ref` carry schema paths relative to the
 * referenced schema, so branches are told apart by the identity of their subschema (ajv's
 * `verbose` mode), not by path.
 */
import type { ErrorObject } from 'ajv';
import type { ValidationProblem } from '../errors.js';
import { alternativesMessage, describeError, describeTypes, eitherMessage, missingMessage, typesOf } from './problem-messages.js';

interface Item {
  /** Where ajv applied the failing rule (its instancePath). */
  at: string;
  /** What the problem points at: `at`, or for a missing/extra property the property itself. */
  path: string;
  keyword: string;
  message: string;
  /** The error this item came from, unless several were merged into it. */
  error?: ErrorObject;
}

export function readableProblems(errors: readonly ErrorObject[]): ValidationProblem[] {
  const items: Item[] = [];
  for (const error of errors) {
    switch (error.keyword) {
      case 'if':
        // "must match then schema": the branch's own errors are already listed.
        break;
      case 'anyOf':
      case 'oneOf':
        foldAlternatives(items, error);
        break;
      case 'contains':
        foldContains(items, error);
        break;
      default:
        items.push(toItem(error));
    }
  }
  return finish(items);
}

function toItem(error: ErrorObject): Item {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const name = String(params.missingProperty);
    return { at, path: childPath(at, name), keyword: 'required', message: missingMessage(name, error.parentSchema), error };
  }
  if (error.keyword === 'additionalProperties') {
    const name = String(params.additionalProperty);
    return { at, path: childPath(at, name), keyword: error.keyword, message: describeError(error, name), error };
  }
  return { at, path: at, keyword: error.keyword, message: describeError(error, lastSegment(at)), error };
}

function foldAlternatives(items: Item[], combinator: ErrorObject): void {
  const at = combinator.instancePath;
  const branches: unknown[] = Array.isArray(combinator.schema) ? combinator.schema : [];
  const window = takeTrailingWithin(items, at);
  const branchOf = (item: Item): number => (item.error ? branches.indexOf(item.error.parentSchema) : -1);

  // A branch that wanted another JSON type says nothing useful about this value.
  const typeMisses = window.filter((i) => i.at === at && i.keyword === 'type');
  const wrongType = new Set<number>();
  let unattributed = 0; // type misses from inside a $ref'd branch
  for (const miss of typeMisses) {
    const branch = branchOf(miss);
    if (branch >= 0) wrongType.add(branch);
    else unattributed += 1;
  }

  if (branches.length - wrongType.size - unattributed <= 0) {
    const types = [...new Set(typeMisses.flatMap((m) => (m.error ? typesOf(m.error) : [])))];
    const rest = window.filter((i) => !(i.at === at && (i.keyword === 'type' || branchOf(i) >= 0)));
    items.push(...rest, { at, path: at, keyword: 'type', message: `must be ${describeTypes(types)}` });
    return;
  }

  const kept: Item[] = [];
  const alternatives: Item[] = [];
  for (const item of window) {
    if (item.at === at && item.keyword === 'type') continue;
    const branch = branchOf(item);
    if (branch >= 0 && wrongType.has(branch)) continue;
    if (branch >= 0 && item.at === at) alternatives.push(item);
    else kept.push(item);
  }

  if (new Set(alternatives.map(branchOf)).size >= 2) {
    // Several alternatives would each have fixed the value: say so once.
    const errors = alternatives.flatMap((i) => (i.error ? [i.error] : []));
    const message = errors.every((e) => e.keyword === 'required')
      ? alternativesMessage(errors.map((e) => String((e.params as Record<string, unknown>).missingProperty)))
      : eitherMessage(errors);
    kept.push({ at, path: at, keyword: combinator.keyword, message });
  } else {
    kept.push(...alternatives);
  }
  if (kept.length === 0) kept.push(toItem(combinator));
  items.push(...kept);
}

function foldContains(items: Item[], contains: ErrorObject): void {
  const at = contains.instancePath;
  const itemSchema: unknown = contains.schema;
  // The per-item rejections ("/type/0 must be equal to constant") are implied by the summary.
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const item = items[i];
    if (item && item.at !== at && isWithin(item.at, at) && item.error?.parentSchema === itemSchema) items.splice(i, 1);
  }
  items.push({ at, path: at, keyword: 'contains', message: containsMessage(itemSchema), error: contains });
}

function containsMessage(itemSchema: unknown): string {
  if (typeof itemSchema === 'object' && itemSchema !== null) {
    const { const: single, enum: choices } = itemSchema as { const?: unknown; enum?: unknown };
    if (typeof single === 'string') return `must include '${single}'`;
    if (Array.isArray(choices)) {
      return choices.length === 1 ? `must include '${String(choices[0])}'` : `must include one of: ${choices.map((c) => `'${String(c)}'`).join(', ')}`;
    }
  }
  return 'must include at least one item of the required kind';
}

/** Removes and returns the items at the end of the list that concern `at` or a place inside it. */
function takeTrailingWithin(items: Item[], at: string): Item[] {
  let start = items.length;
  while (start > 0 && isWithin(items[start - 1]?.at ?? '\0', at)) start -= 1;
  return items.splice(start);
}

function isWithin(path: string, ancestor: string): boolean {
  return ancestor === '' || path === ancestor || path.startsWith(`${ancestor}/`);
}

function childPath(at: string, name: string): string {
  return `${at}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function lastSegment(path: string): string {
  const segment = path.slice(path.lastIndexOf('/') + 1);
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function finish(items: readonly Item[]): ValidationProblem[] {
  const seen = new Set<string>();
  const problems: ValidationProblem[] = [];
  for (const item of items) {
    // The document itself is '/' rather than JSON Pointer's '': it reads better in "<path>: <message>".
    const path = item.path === '' ? '/' : item.path;
    const key = `${path}\n${item.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, message: item.message, keyword: item.keyword });
  }
  return problems;
}

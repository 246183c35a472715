/**
 * Runs a compiled validator on untrusted input and always returns problems, never throws:
 * a verifier must report on hostile documents, not crash on them.
 */
import type { ValidateFunction } from 'ajv';
import type { ValidationProblem } from '../errors.js';
import { readableProblems } from './readable-problems.js';

/** Deeper than any real credential (the complete spec example nests about 12 levels). */
export const MAX_NESTING_DEPTH = 100;
/** A report lists this many problems at most; the rest are counted. */
export const MAX_PROBLEMS = 50;

export function runValidator(validate: ValidateFunction, doc: unknown): ValidationProblem[] {
  const shape = inspectNesting(doc);
  if (shape) return [shape];
  let problems: ValidationProblem[];
  try {
    if (validate(doc)) return [];
    problems = readableProblems(validate.errors ?? []);
  } catch (error) {
    // A getter that throws or a Proxy (plain JSON never does that), or a schema that refers to
    // itself without consuming the document (a fetched schema can).
    return [{ path: '/', keyword: 'exception', message: `could not be validated: ${describeThrown(error)}` }];
  }
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { path: '/', keyword: 'limit', message: `and ${problems.length - MAX_PROBLEMS} more problems (only the first ${MAX_PROBLEMS} are listed)` },
  ];
}

/**
 * Refuses values too deep (ajv recurses, and a deep enough document would overflow the stack)
 * or cyclic (possible only for objects built in code, never for parsed JSON). Iterative, so the
 * check itself cannot overflow.
 */
function inspectNesting(doc: unknown): ValidationProblem | undefined {
  const onPath = new Set<object>();
  const stack: { value: unknown; depth: number; leaving?: boolean }[] = [{ value: doc, depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry || typeof entry.value !== 'object' || entry.value === null) continue;
    const value = entry.value;
    if (entry.leaving) {
      onPath.delete(value);
      continue;
    }
    if (onPath.has(value)) return { path: '/', keyword: 'cycle', message: 'contains a reference cycle; pass plain JSON data' };
    if (entry.depth >= MAX_NESTING_DEPTH) {
      return { path: '/', keyword: 'depth', message: `nests deeper than ${MAX_NESTING_DEPTH} levels, far beyond any credential` };
    }
    onPath.add(value);
    stack.push({ value, depth: entry.depth, leaving: true });
    let children: unknown[];
    try {
      children = Array.isArray(value) ? value : Object.values(value);
    } catch (error) {
      return { path: '/', keyword: 'exception', message: `could not be read: ${describeThrown(error)}` };
    }
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: entry.depth + 1 });
    }
  }
  return undefined;
}

function describeThrown(error: unknown): string {
  if (error instanceof RangeError) return 'validation ran out of stack (a schema that refers to itself without end?)';
  return `${error instanceof Error ? error.message : String(error)}; pass plain JSON data`;
}

import type { ProblemError } from '../problem';
import { escape, nonFiniteProblem } from './errors';

/**
 * The pointers of the numbers in a parsed JSON value that JSON.parse read as ±Infinity, in the
 * body's order, up to `limit` of them. Called only once a walk has found one (`scanOpenBody`), so
 * the paths it builds cost nothing on a request without one; no recursion, since a body may nest
 * as deep as its schema allows.
 */
export function nonFiniteNumbers(value: unknown, at: string, limit: number): ProblemError[] {
  const found: ProblemError[] = [];
  const stack: [unknown, string][] = [[value, at]];
  while (stack.length > 0 && found.length < limit) {
    const [node, pointer] = stack.pop()!;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) found.push(nonFiniteProblem(pointer, node));
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const entries = Array.isArray(node)
      ? node.map((child, i): [unknown, string] => [child, `${pointer}/${i}`])
      : Object.entries(node).map(([key, child]): [unknown, string] => [child, `${pointer}/${escape(key)}`]);
    // Pushed last to first, so that the first is taken first.
    for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i]);
  }
  return found;
}

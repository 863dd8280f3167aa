type Json = Record<string, unknown>;

/**
 * How deep a body for a recursive schema may nest. Validating and building a body recurses once
 * per level, so a body nested thousands of levels deep (a few hundred kilobytes of `[` or
 * `{"children":[`) would exhaust the stack: a 500 for what is the caller's mistake. Schemas that
 * do not refer to themselves bound the depth they are walked to, and are not checked.
 */
export const MAX_BODY_DEPTH = 256;

/** The definition a `$ref` names (`…#/definitions/Name`), or undefined. */
function refName(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const at = ref.indexOf('#/definitions/');
  return at < 0 ? undefined : decodeURIComponent(ref.slice(at + '#/definitions/'.length));
}

/** Whether a schema reaches, through `$ref`s, a definition that reaches itself. */
export function isRecursive(schema: unknown, definitions: Readonly<Json>): boolean {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(visit);
    if (typeof node !== 'object' || node === null) return false;
    const name = refName((node as Json).$ref);
    if (name !== undefined && Object.hasOwn(definitions, name)) {
      if (state.get(name) === 'open') return true;
      if (state.get(name) === 'done') return false;
      state.set(name, 'open');
      const found = visit(definitions[name]);
      state.set(name, 'done');
      if (found) return true;
    }
    return Object.values(node).some(visit);
  };
  return visit(schema);
}

/** Whether a parsed JSON value nests objects and arrays more than `max` levels deep (no recursion). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

import { refEntry } from '@flowport/core';

type Json = Record<string, unknown>;

/**
 * How deep a body may nest where its schema sets no bound: a recursive schema, or one with a place
 * that takes any JSON. Validating and building such a body, and writing it out again, recurse once
 * per level, so a body nested thousands of levels deep (a few hundred kilobytes of `[` or
 * `{"children":[`) would exhaust the stack: a 500 for what is the caller's mistake. A schema of
 * fixed depth refuses anything deeper where it ends, and is not checked.
 */
export const MAX_BODY_DEPTH = 256;

/** The definition a `$ref` names (`…#/definitions/Name`, after the definitions' id), or undefined. */
function refName(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const at = ref.indexOf('#/definitions/');
  return at < 0 ? undefined : refEntry(ref.slice(at));
}

/** The types a JSON Schema node names, or undefined when it names none. */
function typesOf(node: Json): readonly unknown[] | undefined {
  return Array.isArray(node.type) ? node.type : node.type === undefined ? undefined : [node.type];
}

/**
 * Whether a schema lets a value nest without bound: it reaches, through `$ref`s, a definition
 * that reaches itself, or a place that takes any JSON (a schema with no type, an object open to
 * properties of any kind, an array of anything). Such a value was accepted at any depth, and an
 * app that wrote it out again, as JSON.stringify does, overflowed the stack.
 */
export function nestsWithoutBound(schema: unknown, definitions: Readonly<Json>): boolean {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(visit);
    if (typeof node !== 'object' || node === null) return false;
    const n = node as Json;
    const name = refName(n.$ref);
    if (name !== undefined) {
      if (!Object.hasOwn(definitions, name) || state.get(name) === 'done') return false;
      if (state.get(name) === 'open') return true;
      state.set(name, 'open');
      const found = visit(definitions[name]);
      state.set(name, 'done');
      return found;
    }
    if (n.enum !== undefined || n.const !== undefined) return false;
    const types = typesOf(n);
    const combined = [n.allOf, n.anyOf, n.oneOf].filter(Array.isArray) as unknown[][];
    const object = types ? types.includes('object') : combined.length === 0 || n.properties !== undefined;
    const array = types ? types.includes('array') : combined.length === 0 || n.items !== undefined;
    if (object) {
      const extra = n.additionalProperties;
      if (extra !== false && (typeof extra !== 'object' || extra === null)) return true;
      if (visit(extra) || Object.values((n.properties as Json | undefined) ?? {}).some(visit)) return true;
    }
    if (array && (n.items === undefined || n.items === true || visit(n.items))) return true;
    return combined.some((list) => list.some(visit));
  };
  return visit(schema);
}

/** What a walk of a body whose schema nests without bound found that the schema cannot refuse. */
export type OpenBodyFinding = 'tooDeep' | 'nonFinite' | undefined;

/**
 * One walk (no recursion) of a parsed JSON value for what a place that takes any JSON lets by:
 * objects and arrays more than `max` levels deep, and a number that JSON.parse read as ±Infinity
 * (`1e400`), which JSON.stringify writes as null. Depth is told first, since a deeper value is
 * refused whatever it holds.
 */
export function scanOpenBody(value: unknown, max: number): OpenBodyFinding {
  let nonFinite = typeof value === 'number' && !Number.isFinite(value);
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return 'tooDeep';
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
      else if (typeof child === 'number' && !Number.isFinite(child)) nonFinite = true;
    }
  }
  return nonFinite ? 'nonFinite' : undefined;
}

import { follow, isObject, pointerToken, type Json } from './read';
import { appliedParameters, METHODS } from './sites';

/**
 * Compares two connector definitions the way `flowport import`'s round trip is judged: key order
 * ignored and every `$ref` resolved, plus the short list of normalisations the README documents.
 * Each is an equivalent encoding, never a dropped meaning:
 *
 * 1. A key whose value is Swagger 2.0's default is the same as an absent key: `required`,
 *    `deprecated`, `readOnly`, `allowEmptyValue`, `uniqueItems`, `exclusiveMinimum` and
 *    `exclusiveMaximum` when false, and `basePath` when "/".
 * 2. An empty root `securityDefinitions`, `security`, `definitions`, `parameters`, `responses`,
 *    `tags`, `consumes` or `produces` is the same as an absent one; so are an operation's empty
 *    `parameters` list, a response's empty `headers`, a path with no operations, and an empty
 *    `required` list in a schema (the Swagger schema forbids it; it constrains nothing).
 * 3. Root `parameters` and `responses` are compared through their uses: Flowport writes each shared
 *    parameter or response in place, so after `$ref` resolution the sections add nothing, provided
 *    every entry is used. An unused entry is reported as a difference.
 * 4. A path item's `parameters` are the same as those parameters listed first on each of its
 *    operations that declares none of the same name and location, as Swagger 2.0 applies them.
 */
export function compareDefinitions(expected: Json, actual: Json): string[] {
  const out: string[] = [];
  for (const section of ['parameters', 'responses'] as const) {
    const shared = isObject(expected[section]) ? Object.keys(expected[section] as Json) : [];
    const used = references(expected);
    for (const name of shared) {
      const ref = `#/${section}/${pointerToken(name)}`;
      if (!used.has(ref)) out.push(`/${section}/${pointerToken(name)}: unused shared entry, not imported`);
    }
  }
  const strip = (d: Json): Json => {
    const { parameters: _p, responses: _r, ...rest } = d;
    return rest;
  };
  new Comparison(expected, actual, out).node(
    withoutEmptyPaths(withPathParametersInOperations(strip(expected), expected)),
    withoutEmptyPaths(withPathParametersInOperations(strip(actual), actual)),
    '',
    true,
  );
  return out;
}

/** Compares apiProperties.json documents, ignoring key order only. */
export function compareProperties(expected: unknown, actual: unknown): string[] {
  const out: string[] = [];
  new Comparison({}, {}, out, false).node(expected, actual, '', false);
  return out;
}

const FALSE_DEFAULTS = new Set([
  'required',
  'deprecated',
  'readOnly',
  'allowEmptyValue',
  'uniqueItems',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);
const EMPTY_AT_ROOT = new Set([
  'securityDefinitions',
  'security',
  'definitions',
  'parameters',
  'responses',
  'tags',
  'consumes',
  'produces',
]);

/** Normalisation 4: each path item's parameters moved onto its operations; `$ref`s point into `doc`. */
function withPathParametersInOperations(d: Json, doc: Json): Json {
  if (!isObject(d.paths)) return d;
  const resolve = (p: unknown) => (isObject(p) && typeof p.$ref === 'string' ? follow(doc, p.$ref) : p);
  const paths: Json = {};
  for (const [path, item] of Object.entries(d.paths)) {
    if (!isObject(item) || !Array.isArray(item.parameters)) {
      paths[path] = item;
      continue;
    }
    const { parameters: _shared, ...rest } = item;
    for (const [k, op] of Object.entries(rest)) {
      if (!METHODS.includes(k as (typeof METHODS)[number]) || !isObject(op)) continue;
      rest[k] = { ...op, parameters: appliedParameters(item, op, resolve) };
    }
    paths[path] = rest;
  }
  return { ...d, paths };
}

function withoutEmptyPaths(d: Json): Json {
  if (!isObject(d.paths)) return d;
  const paths = Object.fromEntries(Object.entries(d.paths).filter(([, item]) => !isEmpty(item)));
  return { ...d, paths };
}

function references(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((v) => references(v, into));
  else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') into.add(v);
      else references(v, into);
    }
  }
  return into;
}

class Comparison {
  private readonly active = new Set<string>();

  constructor(
    private readonly left: Json,
    private readonly right: Json,
    private readonly out: string[],
    private readonly normalise = true,
  ) {}

  node(a: unknown, b: unknown, at: string, root = false): void {
    if (this.out.length >= 50) return;
    const [ra, refA] = this.resolve(this.left, a);
    const [rb, refB] = this.resolve(this.right, b);
    if (refA || refB) {
      const pair = `${refA ?? at}→${refB ?? at}`;
      if (this.active.has(pair)) return;
      this.active.add(pair);
      try {
        this.value(ra, rb, at, root);
      } finally {
        this.active.delete(pair);
      }
      return;
    }
    this.value(ra, rb, at, root);
  }

  /** A `$ref` becomes its target, with any keys written beside it laid over the target. */
  private resolve(doc: Json, v: unknown): [unknown, string | undefined] {
    if (!isObject(v) || typeof v.$ref !== 'string') return [v, undefined];
    const { $ref, ...siblings } = v;
    const target = follow(doc, $ref);
    return [isObject(target) ? { ...target, ...siblings } : target, $ref];
  }

  private value(a: unknown, b: unknown, at: string, root: boolean): void {
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) this.out.push(`${at || '/'}: ${a.length} items expected, ${b.length} found`);
      for (let i = 0; i < Math.min(a.length, b.length); i++) this.node(a[i], b[i], `${at}/${i}`);
      return;
    }
    if (isObject(a) && isObject(b)) {
      const left = this.normalised(a, root);
      const right = this.normalised(b, root);
      for (const k of new Set([...Object.keys(left), ...Object.keys(right)])) {
        const p = `${at}/${pointerToken(k)}`;
        if (!(k in right)) this.out.push(`${p}: missing (expected ${preview(left[k])})`);
        else if (!(k in left)) this.out.push(`${p}: unexpected ${preview(right[k])}`);
        else this.node(left[k], right[k], p);
      }
      return;
    }
    if (!Object.is(a, b)) this.out.push(`${at || '/'}: expected ${preview(a)}, found ${preview(b)}`);
  }

  private normalised(o: Json, root: boolean): Json {
    if (!this.normalise) return o;
    const out: Json = {};
    for (const [k, v] of Object.entries(o)) {
      if (FALSE_DEFAULTS.has(k) && v === false) continue;
      if ((k === 'required' || k === 'parameters') && Array.isArray(v) && v.length === 0) continue;
      if (k === 'headers' && isEmpty(v)) continue;
      if (root && k === 'basePath' && v === '/') continue;
      if (root && EMPTY_AT_ROOT.has(k) && isEmpty(v)) continue;
      out[k] = v;
    }
    return out;
  }
}

function isEmpty(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
}

function preview(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

import { refEntry } from './refs';

/**
 * The keywords a loop of required properties is found by: those of a schema in the resolved
 * model or of a Swagger 2.0 schema as published (`$ref`, `x-nullable`), so that the build and
 * `flowport validate` on a definition file find the same loops.
 */
export interface LoopSchema {
  readonly ref?: string;
  readonly $ref?: unknown;
  readonly nullable?: boolean;
  readonly 'x-nullable'?: unknown;
  readonly literal?: unknown;
  readonly items?: unknown;
  readonly minItems?: unknown;
  readonly properties?: unknown;
  readonly required?: unknown;
  readonly allOf?: unknown;
}

/** A named schema that a value of another must hold, and where in that value. */
interface Step {
  /** The holding schema's own property the named one is in (none through an `allOf` part). */
  readonly property?: string;
  /** The place as a person reads it: `manager`, `children[]`, `address.owner`. */
  readonly shown: string;
  readonly target: string;
}

/** A loop of required properties, told from the named schema it is reported at. */
export interface RequiredLoop {
  /** The named schema the loop is reported at: the first of the loop in the table's order. */
  readonly owner: string;
  /** The owner's property that starts the loop (none where an `allOf` part does). */
  readonly property?: string;
  /** The loop as a person reads it: `Person.manager → Person`, `Pair.other → Other.pair → Pair`. */
  readonly shown: string;
}

/**
 * The loops among named schemas of properties that must be there and cannot be null: a `Person`
 * that requires a `manager` who is a `Person`. No finite JSON value is one, so every request
 * that must carry one is refused, no answer can hold one, and the platform's validator refuses
 * such a definition. A property that may be null, an optional one, or a list that may be empty
 * ends the chain. Each loop once, at its first schema in the table's order.
 */
export function requiredLoops(table: Iterable<readonly [string, LoopSchema]>): RequiredLoop[] {
  const schemas = new Map(table);
  const steps = new Map([...schemas].map(([name, s]) => [name, namedSteps(s)]));
  const reported = new Set<string>();
  const loops: RequiredLoop[] = [];
  for (const name of schemas.keys()) {
    if (reported.has(name)) continue;
    const path = pathBack(name, steps);
    if (!path) continue;
    for (const { target } of path) reported.add(target);
    const names = [name, ...path.map((s) => s.target)];
    loops.push({
      owner: name,
      property: path[0].property,
      shown: path.map((s, i) => (s.shown === '' ? names[i] : `${names[i]}.${s.shown}`)).join(' → ') + ` → ${name}`,
    });
  }
  return loops;
}

/** The shortest chain of steps from `start` back to itself, or undefined (breadth first). */
function pathBack(start: string, steps: ReadonlyMap<string, readonly Step[]>): Step[] | undefined {
  const cameBy = new Map<string, Step[]>();
  const queue: string[] = [start];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const step of steps.get(next) ?? []) {
      const path = [...(cameBy.get(next) ?? []), step];
      if (step.target === start) return path;
      if (cameBy.has(step.target) || !steps.has(step.target)) continue;
      cameBy.set(step.target, path);
      queue.push(step.target);
    }
  }
  return undefined;
}

/**
 * The steps of a named schema: the one it is, where it is only a reference (`A: { $ref: B }`, a
 * class declared `@Schema({ type: () => B })`), whose other keywords Swagger 2.0 ignores; else
 * those its required properties and `allOf` parts hold. Before, such an alias ended every chain:
 * `A → B → A` and `B.a → A → B` were no loops, and the adapter failed to compile them at the
 * first request (a 500, "maximum call stack size exceeded") that `flowport validate` did not name.
 */
function namedSteps(s: LoopSchema): Step[] {
  return s.ref !== undefined || refEntry(s.$ref) !== undefined ? held(s) : stepsOf(s);
}

/** The named schemas a value of `s` must hold through its required properties. */
function stepsOf(s: LoopSchema): Step[] {
  const required = Array.isArray(s.required) ? (s.required as unknown[]) : [];
  const properties = isRecord(s.properties) ? s.properties : {};
  const fromProperties = required.flatMap((name) => {
    if (typeof name !== 'string' || !Object.hasOwn(properties, name) || !isRecord(properties[name])) return [];
    return held(properties[name] as LoopSchema).map((h) => ({
      property: name,
      shown: name + h.shown,
      target: h.target,
    }));
  });
  const fromParts = (Array.isArray(s.allOf) ? (s.allOf as unknown[]) : []).flatMap((part, i) =>
    isRecord(part) ? held(part as LoopSchema).map((h) => ({ shown: `allOf[${i}]${h.shown}`, target: h.target })) : [],
  );
  return [...fromProperties, ...fromParts];
}

/** The named schemas a value of `s` must be or hold, where it must be there at all. */
function held(s: LoopSchema): Step[] {
  if (s.nullable === true || s['x-nullable'] === true || s.literal !== undefined) return [];
  const ref = s.ref ?? refEntry(s.$ref);
  if (ref !== undefined) return [{ shown: '', target: ref }];
  if (isRecord(s.items) && typeof s.minItems === 'number' && s.minItems >= 1) {
    return held(s.items as LoopSchema).map((h) => ({ ...h, shown: `[]${h.shown}` }));
  }
  return stepsOf(s).map((h) => ({ ...h, shown: `.${h.shown}` }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

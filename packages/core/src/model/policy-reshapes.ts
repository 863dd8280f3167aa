import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SchemaModel } from '../schema/model';
import type { References } from './references';
import type { OperationModel, PolicyModel } from './types';

/** The JSON type each reshaping template writes at its `newPropertyPath`. */
const WRITES: Readonly<Record<string, 'array' | 'object'>> = {
  convertobjecttoarray: 'array',
  convertarraytoobject: 'object',
  stringtoarray: 'array',
};

/** A place a template names: `@body()` or `@item()` (each item of its parent), then property names. */
interface Place {
  readonly root: 'body' | 'item';
  readonly names: readonly string[];
}

/** What a place holds in a schema: the schema there, no such property of a closed object, or what cannot be told. */
type Found = { readonly schema: SchemaModel } | { readonly undeclared: true } | undefined;

/**
 * A `convertobjecttoarray`, `convertarraytoobject` or `stringtoarray` policy rewrites a JSON body
 * between the flow and the API. Flowport validates a request, and describes an answer, as the
 * definition declares it, from one declaration: where the policy writes a shape that declaration
 * does not have, every request that gives the property is refused (before, built without a word),
 * and a flow reads an answer's property as declared and finds the other shape.
 */
export function checkReshape(
  p: PolicyModel,
  index: number,
  scoped: readonly OperationModel[],
  refs: References,
  bag: DiagnosticBag,
): void {
  const id = p.templateId.toLowerCase();
  const writes = Object.hasOwn(WRITES, id) ? WRITES[id] : undefined;
  const parent = placeOf(p.parameters.propertyParentPath);
  const target = placeOf(p.parameters.newPropertyPath);
  if (!writes || !parent || parent.root !== 'body' || !target) return;
  const where = { connector: `policies[${index}]` };
  for (const op of scoped) {
    if (p.section === 'Request') {
      const body = op.parameters.find((x) => x.in === 'body');
      if (!body) continue;
      const found = written(refs, body.schema, parent, target);
      if (!found || ('schema' in found && found.schema.type === writes)) continue;
      bag.report(
        'policyReshapesBody',
        { ...op.at, ...where },
        { ...said(p, parent, target, writes, found), operation: op.id, schema: body.schema.ref ?? 'the body' },
      );
    } else if (p.section === 'Response') {
      for (const r of op.responses.filter((x) => /^2\d\d$/.test(x.status) && x.schema)) {
        const found = written(refs, r.schema as SchemaModel, parent, target);
        if (!found || 'undeclared' in found || found.schema.type === writes) continue;
        bag.report(
          'policyReshapesAnswer',
          { ...op.at, ...where },
          { ...said(p, parent, target, writes, found), operation: op.id, status: r.status },
        );
      }
    }
  }
}

function said(p: PolicyModel, parent: Place, target: Place, writes: string, found: NonNullable<Found>) {
  // `@item()` is each item of the parent collection: `value[].assignees`.
  const names = target.root === 'item' ? [`${parent.names.join('.')}[]`, ...target.names] : target.names;
  return {
    title: p.title,
    place: names.join('.') || 'the whole body',
    shape: article(writes),
    declared: 'schema' in found ? article(found.schema.type as string) : 'no such property',
  };
}

/** `@body().a['b.c']` as its root and property names; undefined for any other expression. */
function placeOf(value: unknown): Place | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^@(body|item)\(\)(.*)$/.exec(value.trim());
  if (!m) return undefined;
  const names: string[] = [];
  const step = /\.([A-Za-z_$][\w$-]*)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]/y;
  for (let rest = m[2]; rest !== '';) {
    step.lastIndex = 0;
    const s = step.exec(rest);
    if (!s) return undefined;
    names.push(s[1] ?? s[2] ?? s[3]);
    rest = rest.slice(s[0].length);
  }
  return { root: m[1] as Place['root'], names };
}

/** What the schema declares where the policy writes; `@item()` is each item of the parent. */
function written(refs: References, root: SchemaModel, parent: Place, target: Place): Found {
  if (target.root === 'body') return follow(refs, root, target.names);
  const at = follow(refs, root, parent.names);
  return at && 'schema' in at ? follow(refs, at.schema, target.names) : undefined;
}

/**
 * The schema at a path of property names. A policy applies to each item of a collection on its
 * path, so an array is stepped into; what is untyped, a literal or dynamic cannot be told.
 */
function follow(refs: References, root: SchemaModel, names: readonly string[]): Found {
  let cur = refs.deref(root);
  for (const name of names) {
    if (cur.type === 'array' && cur.items) cur = refs.deref(cur.items);
    if (!readable(cur) || cur.type !== 'object') return undefined;
    const next = cur.properties && Object.hasOwn(cur.properties, name) ? cur.properties[name] : undefined;
    if (!next) return cur.additionalProperties === false ? { undeclared: true } : undefined;
    cur = refs.deref(next);
  }
  return readable(cur) && cur.type !== undefined ? { schema: cur } : undefined;
}

function readable(s: SchemaModel): boolean {
  return !s.literal && !s.dynamicSchema && !s.dynamicProperties;
}

function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

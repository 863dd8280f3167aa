import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type { DynamicArgumentModel, SchemaModel, SchemaTable } from '../schema/model';
import type { OperationRef } from '../types';
import type { HandlerIndex } from './controllers';
import type { OperationModel } from './types';

/**
 * Resolves operation references (method thunks) to operations of this connector. A thunk that
 * throws or returns something else, or a method of a controller the connector does not list,
 * is a diagnostic rather than a crash.
 */
export class References {
  /** Definitions from which a dynamic extension can be reached. */
  private readonly dynamicReach: ReadonlySet<string>;

  /** @param schemas - the connector's definitions, complete: nothing is defined after this. */
  constructor(
    private readonly handlers: HandlerIndex,
    private readonly schemas: SchemaTable,
    private readonly bag: DiagnosticBag,
  ) {
    this.dynamicReach = definitionsReachingDynamic(schemas);
  }

  operation(ref: OperationRef, what: string, at: SourceLocation): OperationModel | undefined {
    let fn: unknown;
    try {
      fn = ref();
    } catch {
      fn = undefined;
    }
    if (typeof fn !== 'function') {
      this.bag.report('unknownOperationRef', at, { what });
      return undefined;
    }
    const op = this.handlers.get(fn);
    if (!op) this.bag.report('referenceOutsideConnector', at, { what, target: fn.name || 'an anonymous function' });
    return op;
  }

  /** Fills the operationId of every dynamic reference in a schema tree, without argument checks. */
  resolveIds(s: SchemaModel, at: SourceLocation, seen = new Set<SchemaModel>()): void {
    if (seen.has(s)) return;
    seen.add(s);
    if (hasDynamic(s)) {
      const calls = [
        s.dynamicValues,
        s.dynamicSchema,
        s.dynamicList,
        s.dynamicProperties,
        s.dynamicTree?.open,
        s.dynamicTree?.browse,
      ];
      for (const d of calls) if (d?.target && d.operationId === '') this.fillId(d, 'dynamic reference', at);
    }
    for (const name in s.properties) this.resolveIds(s.properties[name], at, seen);
    if (s.items) this.resolveIds(s.items, at, seen);
    if (s.additionalProperties && typeof s.additionalProperties === 'object')
      this.resolveIds(s.additionalProperties, at, seen);
  }

  /** {@link resolveIds} for every definition that holds a dynamic reference. */
  resolveDefinitionIds(): void {
    for (const [name, schema] of this.schemas) {
      if (this.dynamicReach.has(name)) this.resolveIds(schema, { class: name });
    }
  }

  /** Sets the operationId of one dynamic call from its method reference. */
  private fillId(d: { readonly target?: OperationRef; operationId: string }, what: string, at: SourceLocation): void {
    d.operationId = (d.target && this.operation(d.target, what, at)?.id) ?? '';
  }

  /** Resolves and checks every dynamic extension reachable from the operation's parameters. */
  checkDynamic(caller: OperationModel): void {
    const seen = new Set<SchemaModel>();
    for (const p of caller.parameters) this.walk(p.schema, caller, p.at, seen);
  }

  private walk(s: SchemaModel, caller: OperationModel, at: SourceLocation, seen: Set<SchemaModel>): void {
    if (seen.has(s)) return;
    seen.add(s);
    if (s.dynamicValues?.target) {
      const d = s.dynamicValues;
      const target = this.operation(d.target!, 'dynamicValues', at);
      if (target) {
        d.operationId = target.id;
        this.checkArguments(d.parameters, caller, target, 'dynamicValues', at);
        const response = successSchema(target);
        if (response) {
          const list = d.collection ? this.at(response, d.collection) : response;
          if (d.collection && list === undefined) this.missing('dynamicValues', d.collection, target, 'property', at);
          const item = list && this.deref(list).type === 'array' ? this.deref(list).items : undefined;
          if (list && !item && this.deref(list).type !== undefined) {
            this.missing('dynamicValues', d.collection ?? '(response)', target, 'array', at);
          }
          for (const path of [d.value, d.title]) {
            if (item && path && this.at(item, path) === undefined)
              this.missing('dynamicValues', path, target, 'property', at);
          }
        }
      }
    }
    if (s.dynamicSchema) {
      const d = s.dynamicSchema;
      const target = this.operation(d.target, 'dynamicSchema', at);
      if (target) {
        d.operationId = target.id;
        this.checkArguments(d.parameters, caller, target, 'dynamicSchema', at);
        const response = successSchema(target);
        if (response && d.valuePath && this.at(response, d.valuePath) === undefined) {
          this.missing('dynamicSchema', d.valuePath, target, 'property', at);
        }
      }
    }
    if (s.dynamicList) this.fillId(s.dynamicList, 'dynamicList', at);
    if (s.dynamicProperties) this.fillId(s.dynamicProperties, 'dynamicProperties', at);
    if (s.dynamicTree) {
      for (const call of [s.dynamicTree.open, s.dynamicTree.browse]) {
        if (!call) continue;
        const target = this.operation(call.target, 'dynamicTree', at);
        if (target) call.operationId = target.id;
      }
    }
    // A definition with no dynamic extension anywhere below it has nothing to check: skipping
    // it keeps this walk from re-reading every operation's whole DTO graph.
    const definition = s.ref && this.dynamicReach.has(s.ref) ? this.schemas.get(s.ref) : undefined;
    const children = [
      ...Object.entries(s.properties ?? {}).map(([k, v]) => [v, k] as const),
      ...(s.items ? [[s.items, undefined] as const] : []),
      ...(definition ? [[definition, undefined] as const] : []),
    ];
    for (const [child, prop] of children) {
      const childAt =
        prop && at.property === undefined
          ? { ...at, property: prop }
          : prop
            ? { ...at, property: `${at.property}.${prop}` }
            : at;
      this.walk(child, caller, childAt, seen);
    }
  }

  private checkArguments(
    args: Readonly<Record<string, DynamicArgumentModel>>,
    caller: OperationModel,
    target: OperationModel,
    what: string,
    at: SourceLocation,
  ): void {
    const targetNames = parameterNames(target, this);
    // The designer sends what the call binds; a required parameter it leaves out has only its
    // default (what the platform fills in, as it does for an internal one) to go by.
    for (const p of target.parameters) {
      if (p.in !== 'body' && p.required && !(p.name in args) && p.schema.default === undefined)
        this.bag.report('dynamicParameterUnbound', at, { what, name: p.name, target: target.id });
    }
    for (const [name, arg] of Object.entries(args)) {
      if (!targetNames.includes(name)) {
        this.bag.report('referenceParameterUnknown', at, {
          what,
          name,
          target: target.id,
          known: targetNames.join(', ') || 'none',
        });
      }
      if ('parameter' in arg) {
        const sources = parameterNames(caller, this);
        const source = arg.parameter;
        const ok = sources.includes(source) || (source.startsWith('body/') && this.bodyPath(caller, source.slice(5)));
        if (!ok)
          this.bag.report('referenceSourceUnknown', at, { what, name: source, known: sources.join(', ') || 'none' });
      }
    }
  }

  private bodyPath(op: OperationModel, path: string): boolean {
    const body = op.parameters.find((p) => p.in === 'body');
    return body !== undefined && this.at(body.schema, path) !== undefined;
  }

  private missing(what: string, path: string, target: OperationModel, kind: string, at: SourceLocation): void {
    this.bag.report('referencePathMissing', at, { what, path, target: target.id, kind });
  }

  /** Follows a ref to its definition. */
  deref(s: SchemaModel): SchemaModel {
    return derefIn(this.schemas, s);
  }

  /**
   * The schema at a slash-separated property path, or undefined when the path leaves the
   * schema. Untyped or literal schemas cannot be checked and accept any path.
   */
  at(s: SchemaModel, path: string): SchemaModel | undefined {
    let cur: SchemaModel | undefined = s;
    for (const segment of path.split('/').filter(Boolean)) {
      cur = this.deref(cur);
      if (cur.literal || (cur.type === undefined && !cur.properties)) return cur;
      if (cur.type === 'object' && cur.additionalProperties && !cur.properties?.[segment]) return {};
      cur = cur.properties?.[segment];
      if (!cur) return undefined;
    }
    return cur;
  }
}

/** Whether the schema itself carries an extension that {@link References.walk} checks. */
function hasDynamic(s: SchemaModel): boolean {
  return Boolean(s.dynamicValues ?? s.dynamicSchema ?? s.dynamicList ?? s.dynamicProperties ?? s.dynamicTree);
}

/**
 * The names of the definitions whose tree, following properties, items, additional properties
 * and references, holds a dynamic extension. References may form cycles, so this goes backwards:
 * from the definitions that hold one directly, to every definition that refers to those.
 */
function definitionsReachingDynamic(table: SchemaTable): Set<string> {
  const referrers = new Map<string, string[]>();
  const found: string[] = [];
  for (const [name, root] of table) {
    let direct = false;
    const stack = [root];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (hasDynamic(s)) direct = true;
      if (s.ref) {
        const list = referrers.get(s.ref);
        if (list) list.push(name);
        else referrers.set(s.ref, [name]);
      }
      if (s.items) stack.push(s.items);
      if (typeof s.additionalProperties === 'object') stack.push(s.additionalProperties);
      if (s.properties) stack.push(...Object.values(s.properties));
    }
    if (direct) found.push(name);
  }
  const reach = new Set(found);
  while (found.length > 0) {
    for (const referrer of referrers.get(found.pop()!) ?? []) {
      if (!reach.has(referrer)) {
        reach.add(referrer);
        found.push(referrer);
      }
    }
  }
  return reach;
}

/** The schema the designer reads: the first 200/201 response with one, else any 2xx. */
export function successSchema(op: OperationModel): SchemaModel | undefined {
  const ordered = [...op.responses].sort((a, b) => rank(a.status) - rank(b.status));
  return ordered.find((r) => /^2\d\d$/.test(r.status) && r.schema)?.schema;
}

function rank(status: string): number {
  return status === '200' ? 0 : status === '201' ? 1 : 2;
}

/** Names a dynamic call may bind: the parameters, and the top-level fields of the body. */
function parameterNames(op: OperationModel, refs: References): string[] {
  const names: string[] = [];
  for (const p of op.parameters) {
    names.push(p.name);
    if (p.in === 'body') names.push(...Object.keys(refs.deref(p.schema).properties ?? {}));
  }
  return names;
}

/** Follows a schema's ref (and a definition that is itself a ref) to its definition in `schemas`. */
export function derefIn(schemas: ReadonlyMap<string, SchemaModel>, s: SchemaModel): SchemaModel {
  let cur = s;
  for (let i = 0; cur.ref && i < 32; i++) cur = schemas.get(cur.ref) ?? {};
  return cur;
}

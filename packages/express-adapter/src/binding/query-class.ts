import type { Class, OperationModel, SchemaModel } from '@flowport/core';
import type { ValidInput } from '../validation/request-validator';
import type { Instantiator } from './instantiate';

/** A handler argument that is a class of query parameters (`@Query() query: ListQuery`). */
export interface QueryClassArgument {
  readonly index: number;
  /** The class as an object of its fields, for building an instance and for custom constraints. */
  readonly schema: SchemaModel;
  /** Puts the instance made from the request's query parameters at `index` of the arguments. */
  readonly fill: (input: ValidInput, out: unknown[]) => void;
}

/**
 * The arguments an operation takes as classes of query parameters. Each is made with `new
 * Class()`, so field initialisers run, and given the fields the request carries, coerced and
 * validated as the definition's query parameters they are.
 */
export function queryClassArguments(op: OperationModel, instantiator: Instantiator): QueryClassArgument[] {
  const byIndex = new Map<number, { cls: Class; names: string[]; properties: Record<string, SchemaModel> }>();
  for (const p of op.parameters) {
    if (p.memberOf === undefined || p.index === undefined) continue;
    const group = byIndex.get(p.index) ?? { cls: p.memberOf, names: [], properties: {} };
    group.names.push(p.name);
    group.properties[p.name] = p.schema;
    byIndex.set(p.index, group);
  }
  return [...byIndex].map(([index, { cls, names, properties }]) => {
    const schema: SchemaModel = { type: 'object', properties, runtimeClass: cls };
    const build = instantiator.compile(schema);
    return {
      index,
      schema,
      fill: (input, out) => {
        const given: Record<string, unknown> = {};
        // Only what the request gave: a name Object.prototype has (`toString`) is never read there.
        for (const name of names) if (Object.hasOwn(input.query, name)) given[name] = input.query[name];
        out[index] = build(given);
      },
    };
  });
}

import type { Exchange, OperationModel } from '@flowport/core';
import type { CompileContext } from '../operation';
import type { Identity } from '../identity';
import type { ValidInput } from '../validation/request-validator';
import { identity } from './instantiate';
import type { QueryClassArgument } from './query-class';

/** Builds the handler's argument list from validated input, by the declared parameter indexes. */
export function compileArguments(
  op: OperationModel,
  ctx: CompileContext,
  queryClasses: readonly QueryClassArgument[],
): (input: ValidInput, identity: Identity | undefined, exchange?: Exchange) => unknown[] {
  const slots = op.parameters
    .filter((p) => p.index !== undefined && p.memberOf === undefined)
    .map((p) => {
      const index = p.index!;
      if (p.in === 'body') {
        const build = ctx.instantiator.compile(p.schema);
        return (input: ValidInput, out: unknown[]) => {
          out[index] = input.body === undefined ? undefined : build(input.body);
        };
      }
      const key = p.in === 'header' ? p.name.toLowerCase() : p.name;
      const location = p.in;
      // A name that Object.prototype has (`toString`, `constructor`) is read only where the request
      // gave it: before, one left out reached the handler as Object.prototype's function.
      if (key in Object.prototype) {
        const build = ctx.instantiator.compile(p.schema);
        return (input: ValidInput, out: unknown[]) => {
          const given = input[location];
          out[index] = Object.hasOwn(given, key) ? build(given[key]) : undefined;
        };
      }
      // Only a `Date` (or `Date[]`) parameter needs building; the rest are passed as coerced.
      const build = ctx.instantiator.compile(p.schema);
      if (build !== identity) {
        return (input: ValidInput, out: unknown[]) => {
          const value = input[location][key];
          out[index] = value === undefined ? undefined : build(value);
        };
      }
      return (input: ValidInput, out: unknown[]) => {
        out[index] = input[location][key];
      };
    });
  for (const argument of queryClasses) slots.push(argument.fill);
  const { identityIndex, exchangeIndex } = op;
  return (input, identity, exchange) => {
    const out: unknown[] = [];
    for (const slot of slots) slot(input, out);
    if (identityIndex !== undefined) out[identityIndex] = identity;
    if (exchangeIndex !== undefined) out[exchangeIndex] = exchange;
    return out;
  };
}

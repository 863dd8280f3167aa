import type { SourceLocation } from '../diagnostics/location';
import { isBytesSchema } from '../schema/bytes';
import { designType } from '../schema/design-type';
import type { SchemaModel } from '../schema/model';
import { isBytesClass } from '../schema/platform-classes';
import type { SchemaRegistry } from '../schema/registry';
import type { Class } from '../types';
import type { ResponseModel } from './types';

/**
 * A handler's declared return type against the answer its plain return value is published as
 * (FP1429): before, `@Returns(200, Summary) summarise(): Report` built, and the flow read a Report
 * under the Summary's schema (fields the definition does not name, and without those it names);
 * `(): string` under an object schema went out as a JSON string. TypeScript records the type only
 * for a handler that does not await (one that does records Promise), and only as a class, a
 * primitive or Array; unions, interfaces (a `Reply`, a `Download`, a `PageResult`) and `any` say
 * nothing. Bytes and streams are JSON written ahead, or the file of a binary answer, and are taken;
 * so are a Set where a list is published and a Map where an object is, which the adapter writes so.
 *
 * @param success - the answer a plain return value is sent as: the first 2xx (a long-running
 *   action's result is never its 202)
 */
export function checkReturnedType(
  controller: Class,
  method: string,
  success: ResponseModel | undefined,
  registry: SchemaRegistry,
  at: SourceLocation,
): void {
  const declared = designType(Reflect.getMetadata('design:returntype', controller.prototype, method));
  if (typeof declared !== 'function' || isThenable(declared) || isBytesClass(declared)) return;
  const schema = success?.schema;
  if (!success || !schema || isBytesSchema(schema)) return;
  // The adapter writes a Set as the list of its values, and a Map as the object of its entries.
  if (declared === Map || declared.prototype instanceof Map) return;
  const found = registry.contradiction(declared === Set ? Array : declared, schema, 'out');
  if (!found) return;
  registry.bag.report(
    'returnsUnlikeDeclaration',
    { ...at, response: success.status },
    {
      ...found,
      declared: TYPESCRIPT_NAMES.get(declared) ?? found.declared,
      status: success.status,
      method,
      returns: typeText(schema, registry),
    },
  );
}

/** Primitives as a TypeScript declaration spells them (`contradiction` names the rest). */
const TYPESCRIPT_NAMES = new Map<unknown, string>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
]);

function isThenable(cls: Function): boolean {
  return cls === Promise || cls.prototype instanceof Promise;
}

/** The TypeScript type to declare for what a schema publishes, as the finding's fix writes it. */
function typeText(s: SchemaModel, registry: SchemaRegistry, seen: ReadonlySet<string> = new Set()): string {
  if (s.ref !== undefined) {
    const named = registry.table.get(s.ref);
    // A named list of lists is written as such; one that is a list of itself, as its name.
    if (named?.type === 'array' && named.items && !seen.has(s.ref))
      return `${typeText(named.items, registry, new Set([...seen, s.ref]))}[]`;
    // A class published under another name (`@Schema({ name })`) is declared by its own.
    return registry.classes().get(s.ref)?.name ?? s.ref;
  }
  if (s.runtimeClass) return s.runtimeClass.name;
  if (s.runtimeType === 'Date') return 'Date';
  if (s.type === 'array') return s.items ? `${typeText(s.items, registry, seen)}[]` : 'unknown[]';
  if (s.type === 'integer') return 'number';
  if (s.type === 'object' || s.type === undefined) return 'Record<string, unknown>';
  return s.type;
}

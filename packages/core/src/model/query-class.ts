import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type { SchemaRegistry } from '../schema/registry';
import { resolveTypeRef } from '../schema/type-ref';
import type { Class } from '../types';
import { checkPlacement } from './parameter-placement';
import { checkName, checkValueOutsideBody } from './parameters';
import type { ParameterModel } from './types';

/**
 * The class a `@Query()` given no name binds (`@Query() query: ListQuery`, as NestJS takes a class
 * of query parameters), or undefined when the declared type is not a class.
 */
export function queryClassOf(declared: unknown): Class | undefined {
  const r = resolveTypeRef(declared);
  return r.kind === 'class' ? r.cls : undefined;
}

/**
 * One query parameter per field of the class, typed, constrained and labelled by the field's
 * decorators, and required unless the field is optional, so that the definition lists each as
 * the designer shows it. Taken by a handler (`index` given), the handler gets an instance of the
 * class (see `memberOf`); a polling trigger's filters are taken the same way, by name. Each field
 * is held to what a query string can carry: before, a polling trigger's filter of a class type
 * was written as a parameter without a type, which the Swagger 2.0 schema refuses.
 */
export function queryClassParameters(
  cls: Class,
  registry: SchemaRegistry,
  bag: DiagnosticBag,
  where: (name: string) => SourceLocation,
  index?: number,
): ParameterModel[] {
  // Only a request carries them, so a Date field may take format "date", as a parameter may.
  const described = registry.describeClass(cls, { answered: false });
  const required = new Set(described.required ?? []);
  return Object.entries(described.properties ?? {}).map(([name, schema]) => {
    const at = where(name);
    checkName('query', name, bag, at);
    checkValueOutsideBody('query', schema, registry.conventions, bag, at);
    checkPlacement('query', schema, {}, bag, at);
    const parameter: ParameterModel = { name, in: 'query', required: required.has(name), schema, at };
    return index === undefined ? parameter : { ...parameter, index, memberOf: cls };
  });
}

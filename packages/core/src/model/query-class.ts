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
 * the designer shows it; the handler gets an instance of the class (see `memberOf`).
 */
export function queryClassParameters(
  cls: Class,
  index: number,
  registry: SchemaRegistry,
  bag: DiagnosticBag,
  at: SourceLocation,
): ParameterModel[] {
  const described = registry.describeClass(cls);
  const required = new Set(described.required ?? []);
  return Object.entries(described.properties ?? {}).map(([name, schema]) => {
    const where = { ...at, parameter: { name, index } };
    checkName('query', name, bag, where);
    checkValueOutsideBody('query', schema, registry.conventions, bag, where);
    checkPlacement('query', schema, {}, bag, where);
    return { name, in: 'query', required: required.has(name), schema, index, memberOf: cls, at: where };
  });
}

import 'reflect-metadata';
import { checkParameterOptions } from '../schema/described-options';
import { PARAMETER_DECORATOR, type ParameterOptions } from '../decorators/params';
import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type { ParameterRecord } from '../metadata/records';
import { applyDescribed } from '../schema/describe';
import { checkKeywords } from '../schema/keyword-checks';
import type { SchemaModel } from '../schema/model';
import type { SchemaRegistry } from '../schema/registry';
import type { TypeRef } from '../types';
import { checkHandedOver } from './handed-over';
import { checkPlacement, checkWireName, PARAMETER_CONSTRAINTS } from './parameter-placement';
import type { ParameterModel } from './types';

/** Names the platform reserves for itself (validator ReservedParameterIsUsed). */
const RESERVED = new Set(['connectionid']);

/** Turns one parameter record into its model, typed from the options or the declaration. */
export function parameterModel(
  rec: ParameterRecord & { in: ParameterModel['in'] },
  declared: unknown,
  registry: SchemaRegistry,
  bag: DiagnosticBag,
  at: SourceLocation,
): ParameterModel {
  const o = rec.options;
  checkParameterOptions(rec.name, o, PARAMETER_DECORATOR[rec.in], at, bag);
  if (typeof rec.name === 'string') checkName(rec.in, rec.name, bag, at);
  // `items` types an array declared as `T[]`, whose metadata says only `Array`.
  const type =
    o.type ??
    (o.items !== undefined && (declared === Array || declared === Object || declared === undefined)
      ? [o.items]
      : declared);
  const schema = registry.schemaFor(type as TypeRef, at);
  if (o.type !== undefined) registry.checkDeclaredShape(declared, schema, at);
  checkHandedOver(rec.in, schema, declared, bag, at);
  if (rec.in !== 'body') checkValueOutsideBody(rec.in, schema, registry.conventions, bag, at);
  else if (schema.type === 'file') bag.report('fileOutsideFormData', at);
  applyConstraints(schema, o);
  // A body parameter's label and help text describe the parameter, not the schema it carries.
  const { summary, description, visibility, testValue, ...described } = o;
  const body = rec.in === 'body';
  applyDescribed(schema, body ? described : o, bag, at, registry.conventions);
  // A body of a string, number or array carries its keywords as a parameter does.
  if (registry.conventions) checkKeywords(schema, bag, at);
  if (o.urlEncoding !== undefined && rec.in !== 'path') {
    bag.report('urlEncodingOnQuery', at, { name: rec.name, in: rec.in });
  }
  checkPlacement(rec.in, schema, o, bag, at);
  const required = rec.in === 'path' ? true : (o.required ?? rec.in === 'body');
  return {
    name: rec.name,
    in: rec.in,
    required,
    schema: body ? registry.openToDynamicSchema(schema) : schema,
    urlEncoding: o.urlEncoding ?? (rec.in === 'path' && registry.conventions ? 'single' : undefined),
    collectionFormat: o.collectionFormat,
    allowEmptyValue: o.allowEmptyValue,
    annotations: body ? { summary, description, visibility, testValue } : undefined,
    index: rec.index,
    at,
  };
}

/** A parameter name the request cannot carry, or one the platform keeps for itself. */
export function checkName(where: ParameterModel['in'], name: string, bag: DiagnosticBag, at: SourceLocation): void {
  checkWireName(where, name, bag, at);
  if (RESERVED.has(name.toLowerCase())) bag.report('reservedParameterName', at, { name });
}

/** A value a path, query, header or form parameter cannot carry (see {@link unwritableOutsideBody}). */
export function checkValueOutsideBody(
  where: ParameterModel['in'],
  schema: SchemaModel,
  conventions: boolean,
  bag: DiagnosticBag,
  at: SourceLocation,
): void {
  const unwritable = unwritableOutsideBody(schema, conventions);
  if (unwritable) bag.report('untypedProperty', at, unwritable);
  if (schema.type === 'file' && where !== 'formData') bag.report('fileOutsideFormData', at);
}

/**
 * What a path, query, header or form parameter cannot carry: an object, or a list of them (Swagger
 * 2.0 allows only plain types in such a parameter's items); and, declared in code, a list of lists,
 * whose values neither a query string nor a header tells apart (`?q=a,b` is one list of two, or
 * two lists of one). A faithfully emitted definition keeps the lists of lists it declares.
 */
function unwritableOutsideBody(schema: SchemaModel, conventions: boolean): { found: string; fix: string } | undefined {
  if (schema.ref !== undefined || schema.type === 'object') {
    return {
      found: 'a class or object, but only the body can carry objects',
      fix: 'take it with @Body(), or take each of its fields as a parameter of its own',
    };
  }
  const items = schema.type === 'array' ? schema.items : undefined;
  if (items === undefined) return undefined;
  if (items.ref !== undefined || items.type === 'object') {
    return {
      found: 'a list of objects, but only the body can carry objects',
      fix: 'take it with @Body(), or take a list of strings or numbers',
    };
  }
  if (items.type === 'array' && conventions) {
    return {
      found: 'a list of lists, whose values a query string, header or form field cannot tell apart',
      fix: 'take one list of values, or take it with @Body()',
    };
  }
  return unwritableOutsideBody(items, conventions);
}

function applyConstraints(s: SchemaModel, o: ParameterOptions): void {
  for (const k of PARAMETER_CONSTRAINTS) {
    if (o[k] !== undefined) (s as Record<string, unknown>)[k] = o[k];
  }
}

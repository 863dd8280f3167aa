import type { Class, DescribedType, SchemaLiteral, TypeRef } from '../types';
import { designType } from './design-type';

/** A `TypeRef` after thunks are called: what the schema builder switches on. */
export type ResolvedType =
  | {
      readonly kind: 'primitive';
      readonly type: 'string' | 'number' | 'integer' | 'boolean';
      readonly format?: string;
      readonly runtimeType?: 'Date';
    }
  | { readonly kind: 'file' }
  | { readonly kind: 'object' }
  | { readonly kind: 'any' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'array'; readonly items: TypeRef }
  | { readonly kind: 'class'; readonly cls: Class }
  | { readonly kind: 'literal'; readonly schema: Readonly<Record<string, unknown>> }
  | { readonly kind: 'described'; readonly type: TypeRef; readonly options: DescribedType['options'] }
  | { readonly kind: 'unknown'; readonly found: string; readonly builtIn?: Class };

function isLiteral(t: unknown): t is SchemaLiteral {
  return typeof t === 'object' && t !== null && !Array.isArray(t) && 'schema' in t;
}

/** An arrow function has no prototype; a class always has one. */
function isThunk(t: unknown): t is () => unknown {
  return typeof t === 'function' && !Object.prototype.hasOwnProperty.call(t, 'prototype');
}

/** Reads a `TypeRef` (or a `design:type` value) into a {@link ResolvedType}. */
export function resolveTypeRef(t: unknown): ResolvedType {
  if (isThunk(t)) return resolveTypeRef(t());
  if (t === 'file') return { kind: 'file' };
  if (t === 'binary') return { kind: 'binary' };
  if (t === 'object') return { kind: 'object' };
  if (t === 'any') return { kind: 'any' };
  if (t === 'integer') return { kind: 'primitive', type: 'integer' };
  if (Array.isArray(t))
    return t.length === 1 ? { kind: 'array', items: t[0] as TypeRef } : { kind: 'unknown', found: 'tuple' };
  if (isLiteral(t)) return { kind: 'literal', schema: t.schema };
  if (typeof t === 'object' && t !== null && 'described' in t) {
    const d = t as DescribedType;
    return { kind: 'described', type: d.described, options: d.options };
  }
  switch (t) {
    case String:
      return { kind: 'primitive', type: 'string' };
    case Number:
      return { kind: 'primitive', type: 'number' };
    case Boolean:
      return { kind: 'primitive', type: 'boolean' };
    case Date:
      return { kind: 'primitive', type: 'string', format: 'date-time', runtimeType: 'Date' };
    case Array:
      return { kind: 'unknown', found: 'Array without element type' };
    case Object:
    case undefined:
    case null:
      return { kind: 'unknown', found: t === Object ? RECORDED_AS_OBJECT : NO_METADATA };
    default:
      break;
  }
  if (typeof t === 'function') {
    if (NOT_JSON.has(t)) return { kind: 'unknown', found: t.name, builtIn: t as Class };
    return { kind: 'class', cls: t as Class };
  }
  return { kind: 'unknown', found: describeValue(t) };
}

/**
 * What a type recorded as `Object` says. tsc records a type alias as what it names (`type Id =
 * string` as String) and a property typed as its own class as that class; swc, which reads one
 * file at a time, records both as Object. So an app compiled by tsc served what `flowport build`
 * refused, and the finding spoke only of unions and interfaces, which the user had not written.
 */
export const RECORDED_AS_OBJECT =
  'Object: TypeScript records unions (T | undefined, T | null), interfaces and any as Object, and swc, which flowport build compiles with, type aliases and the class being declared too';

/**
 * What an undefined type says. Both causes pass tsc: a build without `emitDecoratorMetadata`, and
 * an import cycle, whose class is still undefined when the decorator records it (`type: () => C`
 * reads it when the connector is resolved).
 */
export const NO_METADATA =
  'no type metadata: the build emits none (set emitDecoratorMetadata; esbuild, which tsx and Vite run on, never emits it), or an import cycle left the type undefined; for a class, type: () => TheClass reads it late';

/**
 * Built-in classes that JSON has no object form for. Before, the last ones read as DTO classes
 * without fields: `bytes: Buffer` was published as an empty object.
 */
const NOT_JSON: ReadonlySet<unknown> = new Set<unknown>([
  Promise,
  Function,
  Symbol,
  Map,
  Set,
  WeakMap,
  WeakSet,
  BigInt,
  RegExp,
  Error,
  ArrayBuffer,
  SharedArrayBuffer,
  DataView,
  Buffer,
  Uint8Array,
  Uint8ClampedArray,
  Uint16Array,
  Uint32Array,
  Int8Array,
  Int16Array,
  Int32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
]);

/** How a value that is not a type reads in a finding: `[object Object]` told the user nothing. */
function describeValue(t: unknown): string {
  if (typeof t === 'string') return `"${t}" is not a type name`;
  if (typeof t !== 'object' || t === null) return String(t);
  const keys = Object.keys(t);
  // An enum given as a type (`type: () => Colour`): its values go in `enum`, its type in `type`.
  const values = designType(t);
  if (values !== t && typeof values === 'function' && values !== Object) {
    const record = t as Record<string, unknown>;
    const members = keys.filter((k) => typeof record[record[k] as string] !== 'number');
    return `the enum { ${members.join(', ')} } given as a type: its values go in the enum option, beside type: ${values.name}`;
  }
  return `{ ${keys.length > 0 ? `${keys.join(', ')} ` : ''}}, an object where a type belongs`;
}

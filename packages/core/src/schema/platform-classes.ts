import { EventEmitter } from 'node:events';
import { fieldsOf, schemaOf } from '../metadata/store';
import type { Class } from '../types';
import { constraintsOf } from './constraints';

/**
 * A class of the platform rather than of the app: a global one (`URL`, `Blob`, `Headers`) or one
 * of Node's emitters (a `Readable`), with no field a decorator declared. Before, it read as a DTO
 * without fields, and the build named only the class ("at URL"), asking to decorate properties
 * of a class the user cannot edit, and not where it was used.
 */
export function isPlatformClass(cls: Class): boolean {
  if (schemaOf(cls) !== undefined || fieldsOf(cls).size > 0) return false;
  if (cls !== EventEmitter && !(cls.prototype instanceof EventEmitter)) {
    // Read only for a name a global has: some load their module when read (Node 20's Blob).
    const global = Object.getOwnPropertyDescriptor(globalThis, cls.name);
    if (global === undefined || (global.get ? global.get.call(globalThis) : global.value) !== cls) return false;
  }
  return constraintsOf(cls).length === 0;
}

/** A class whose instances are Node streams (Readable, IncomingMessage, PassThrough…), known by their pipe. */
export function isStreamClass(cls: Function): boolean {
  const proto: unknown = cls.prototype;
  return proto instanceof EventEmitter && typeof (proto as { pipe?: unknown }).pipe === 'function';
}

/** The TypedArray every typed array extends, which the global scope does not name. */
const TypedArray = Object.getPrototypeOf(Uint8Array) as Class;

/** Whether a class holds bytes (a buffer, a blob, a stream), which a raw body or base64 text carries. */
export function isBytesClass(cls: unknown): boolean {
  if (typeof cls !== 'function') return false;
  const c = cls as Class;
  if (c === ArrayBuffer || c === SharedArrayBuffer || c === DataView) return true;
  const proto: unknown = c.prototype;
  return (
    proto instanceof TypedArray ||
    isStreamClass(c) ||
    (typeof Blob === 'function' && (c === Blob || proto instanceof Blob)) ||
    (typeof ReadableStream === 'function' && c === ReadableStream)
  );
}

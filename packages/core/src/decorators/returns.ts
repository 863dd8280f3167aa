import { classOf, methodRecord } from '../metadata/store';
import type { SchemaFormat } from '../schema/formats';
import type { Extensions, TypeRef, Visibility } from '../types';

/** The types a response header's schema may have. */
export type HeaderType = 'string' | 'integer' | 'number' | 'boolean';

/**
 * The type a header's `type` option names: `String`, `Number` and `Boolean` as a parameter's
 * `type` says them, or the Swagger type itself. Undefined for anything else (FP1018).
 */
export function headerType(type: unknown): HeaderType | undefined {
  if (type === undefined || type === String) return 'string';
  if (type === Number) return 'number';
  if (type === Boolean) return 'boolean';
  return type === 'string' || type === 'integer' || type === 'number' || type === 'boolean' ? type : undefined;
}

/** A response header, e.g. `Location` or `Retry-After`. */
export interface HeaderOptions {
  /** The header's type, `'string'` by default; `String`, `Number` and `Boolean` say it as a parameter's `type` does. */
  readonly type?: HeaderType | StringConstructor | NumberConstructor | BooleanConstructor;
  /** A format the Power Platform accepts (FP1409). */
  readonly format?: SchemaFormat | (string & {});
  readonly description?: string;
  readonly summary?: string;
  readonly visibility?: Visibility;
  readonly extensions?: Extensions;
}

/** Options for {@link Returns}. */
export interface ResponseOptions {
  /** Required by Swagger; defaults to the status's reason phrase. */
  readonly description?: string;
  /** `x-ms-summary` of the response. */
  readonly summary?: string;
  /** `x-ms-media-kind` of a `'binary'` response, so the designer previews it. */
  readonly mediaKind?: 'image' | 'audio';
  readonly headers?: Readonly<Record<string, HeaderOptions>>;
  /** Example bodies by media type, e.g. `{ 'application/json': { id: 1 } }`. */
  readonly examples?: Readonly<Record<string, unknown>>;
  readonly extensions?: Extensions;
}

/**
 * Declares one response of the operation. Repeat it for each status.
 *
 * @param status - HTTP status, or `'default'`.
 * @param type - body type: a DTO class, `[Item]`, `'file'`, `'binary'`; omit for no body.
 * @example `@Returns(200, SentimentResult)` · `@Returns(202, undefined, { headers: { Location: {} } })`
 */
export function Returns(status: number | 'default', type?: TypeRef, options: ResponseOptions = {}): MethodDecorator {
  return (target, key) => {
    // Decorators apply bottom-up; unshift keeps the source order.
    methodRecord(classOf(target, key, '@Returns'), String(key)).responses.unshift({ status, type, options });
  };
}

import { classOf, methodRecord } from '../metadata/store';
import type { SchemaFormat } from '../schema/formats';
import type { Extensions, TypeRef, Visibility } from '../types';

/** A response header, e.g. `Location` or `Retry-After`. */
export interface HeaderOptions {
  readonly type?: 'string' | 'integer' | 'number' | 'boolean';
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

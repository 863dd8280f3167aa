import { Exchange, FormFile, Identity } from '../decorators/params';
import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import { isBinarySchema } from '../schema/bytes';
import { declaredName, saysNothing } from '../schema/declared-shape';
import { isStreamClass } from '../schema/platform-classes';
import type { SchemaModel } from '../schema/model';
import type { ParameterModel } from './types';

/**
 * What the adapter hands a handler for `@Identity()` and `@Exchange()`. Each is declared with the
 * decorator's own name, which TypeScript records as the decorator, since the interface shares it.
 */
const BOUND = {
  identity: {
    type: Identity,
    what: "the caller's identity",
    given: 'an Identity: its subject, method, scopes and claims',
  },
  exchange: {
    type: Exchange,
    what: 'the HTTP exchange',
    given: 'an Exchange: the request, the response and parsedBody',
  },
} as const;

/** Declarations no object can stand for, unlike a class of the app's that types part of one. */
const NOT_OBJECTS: ReadonlySet<unknown> = new Set([String, Number, Boolean, Array, Date, BigInt, Symbol]);

/**
 * `@Identity()` or `@Exchange()` on a parameter declared as a value of another kind: before,
 * `@Identity() subject: string` built, and the handler got an object where it declared the text.
 */
export function checkBoundType(
  kind: keyof typeof BOUND,
  declared: unknown,
  bag: DiagnosticBag,
  at: SourceLocation,
): void {
  if (typeof declared !== 'function' || !NOT_OBJECTS.has(declared)) return;
  const { type, what, given } = BOUND[kind];
  const name = kind === 'identity' ? 'caller: Identity' : 'exchange: Exchange';
  bag.report('declaredUnlikeArgument', at, {
    declared: declaredName(declared),
    what,
    given,
    fix: `@${type.name}() ${name}`,
  });
}

/**
 * A handler parameter whose declared TypeScript type is not the value the adapter hands it: a raw
 * binary body is a stream of its bytes, and a form's file a {@link FormFile} object. Before, a
 * `content: Buffer` or `content: string` built, and the handler met a stream (`content.length`
 * undefined, `content.toString()` "[object Object]"). A declaration that says nothing
 * ({@link saysNothing}) is taken.
 */
export function checkHandedOver(
  where: ParameterModel['in'],
  schema: SchemaModel,
  declared: unknown,
  bag: DiagnosticBag,
  at: SourceLocation,
): void {
  if (saysNothing(declared)) return;
  const type = declared as Function;
  const name = declaredName(type);
  if (where === 'body' && isBinarySchema(schema) && !isStreamClass(type)) {
    bag.report('declaredUnlikeArgument', at, {
      declared: name,
      what: 'a raw binary body',
      given: 'a stream of its bytes, so that an upload need not fit in memory',
      fix: "@Body({ type: 'binary' }) content: Readable (import { Readable } from 'node:stream'), read with for await or piped on",
    });
  } else if (where === 'formData' && (schema.type === 'file' || isBinarySchema(schema)) && type !== FormFile) {
    // `file: FormFile` is recorded as the decorator, whose name its interface shares.
    bag.report('declaredUnlikeArgument', at, {
      declared: name,
      what: "a form's file",
      given: 'an object with its name, media type, size and bytes',
      fix: `@FormFile('${at.parameter?.name ?? 'file'}') file: FormFile, whose buffer holds the bytes`,
    });
  }
}

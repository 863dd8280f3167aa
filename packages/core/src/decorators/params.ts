import type { IncomingMessage, ServerResponse } from 'node:http';
import { classOf, methodRecord } from '../metadata/store';
import type { DescribedOptions, TypeRef } from '../types';

/** Where a parameter travels. */
export type ParameterIn = 'path' | 'query' | 'header' | 'body' | 'formData';

/** Options shared by every parameter decorator. */
export interface ParameterOptions extends DescribedOptions {
  /** Overrides the type read from the TypeScript declaration. */
  readonly type?: TypeRef;
  /** Element type of an array parameter. */
  readonly items?: TypeRef;
  /** Defaults to true for path parameters and bodies, false otherwise. */
  readonly required?: boolean;
  /** `x-ms-url-encoding` for path parameters. */
  readonly urlEncoding?: 'single' | 'double';
  readonly collectionFormat?: 'csv' | 'ssv' | 'tsv' | 'pipes' | 'multi';
  readonly minimum?: number;
  readonly maximum?: number;
  /** The value must divide by it (above 0). */
  readonly multipleOf?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly allowEmptyValue?: boolean;
}

type ParameterRecordIn = ParameterIn | 'identity' | 'exchange';

/** The decorator that records each kind of parameter, for messages. */
export const PARAMETER_DECORATOR: Record<ParameterRecordIn, string> = {
  path: '@Path',
  query: '@Query',
  header: '@Header',
  body: '@Body',
  formData: '@FormField/@FormFile',
  identity: '@Identity',
  exchange: '@Exchange',
};

function bind(where: ParameterRecordIn, name: string, options: ParameterOptions): ParameterDecorator {
  return (target, key, index) => {
    const decorator = PARAMETER_DECORATOR[where];
    // On a class, property or method instead of a parameter, there is no parameter position.
    if (typeof index !== 'number') {
      const owner =
        key === undefined ? `the class ${(target as Function).name}` : `${target.constructor.name}.${String(key)}`;
      // NestJS's @Header(name, value) on a method sets a header of the answer; here it reads one.
      const answer =
        where === 'header' && key !== undefined
          ? `; to set a header of the answer, declare it in @Returns(…, { headers }) and return reply(status, body, { '${name}': … })`
          : '';
      throw new TypeError(`${decorator} goes on a parameter of a handler method; it was applied to ${owner}${answer}`);
    }
    if (key === undefined) {
      // On a constructor parameter the target is the class itself.
      const cls = (target as { name?: string }).name ?? 'a class';
      throw new TypeError(
        `${decorator} on constructor parameter #${index} of ${cls}: Flowport parameter decorators go on handler method parameters`,
      );
    }
    methodRecord(classOf(target, key, decorator), String(key)).parameters.push({
      index,
      in: where,
      name,
      options,
    });
  };
}

/** Binds a path variable: `@Get('/items/{id}') get(@Path('id') id: string)`. */
export const Path = (name: string, options: ParameterOptions = {}): ParameterDecorator => bind('path', name, options);
/**
 * Binds a query-string parameter, coerced to the declared type: `@Query('top') top?: number`.
 * Without a name, it binds a class whose fields are the query parameters (`@Query() query:
 * ListQuery`, as NestJS takes them): each field is a parameter of its own in the definition, typed,
 * constrained and labelled by its decorators, and the handler gets an instance of the class.
 */
export function Query(): ParameterDecorator;
export function Query(name: string, options?: ParameterOptions): ParameterDecorator;
export function Query(name?: string, options: ParameterOptions = {}): ParameterDecorator {
  return bind('query', name as string, options);
}
/** Binds a request header. */
export const Header = (name: string, options: ParameterOptions = {}): ParameterDecorator =>
  bind('header', name, options);
/** Binds the JSON body, validated and handed over as an instance of its DTO class. */
export const Body = (options: ParameterOptions & { readonly name?: string } = {}): ParameterDecorator =>
  bind('body', options.name ?? 'body', options);
/**
 * Binds one field of a `multipart/form-data` or urlencoded form. A field of type `'binary'` is a
 * file part, handed over as {@link FormFile}'s are.
 */
export const FormField = (name: string, options: ParameterOptions = {}): ParameterDecorator =>
  bind('formData', name, options);
/**
 * Binds an uploaded file of a `multipart/form-data` form (`type: file`). The name is also the
 * type of what it binds: `@FormFile('doc') doc: FormFile`.
 */
export const FormFile = (name: string, options: ParameterOptions = {}): ParameterDecorator =>
  bind('formData', name, { ...options, type: 'file' });

/**
 * A file sent in a `multipart/form-data` form, as a `@FormFile` parameter (or a `@FormField` of
 * type `'binary'`) receives it: read into memory, within the adapter's `fileLimit`.
 */
export interface FormFile {
  /** The form field it was sent in. */
  readonly fieldname: string;
  /** The file name the client gave, as it gave it: not a safe path on this machine. */
  readonly originalname: string;
  /** The part's transfer encoding, as the client declared it (`7bit`, `binary`). */
  readonly encoding: string;
  /** The part's media type, as the client declared it. */
  readonly mimetype: string;
  /** Its length in bytes. */
  readonly size: number;
  /** Its bytes. */
  readonly buffer: Buffer;
}
/**
 * Binds the verified caller identity (from the connection's credentials); not a wire parameter.
 * The name is also the type of what it binds: `@Identity() caller: Identity`.
 */
export const Identity = (): ParameterDecorator => bind('identity', 'identity', {});

/**
 * Binds the HTTP exchange of an operation that speaks an agent protocol
 * (`@Action({ agenticProtocol })`): its request, whose body is left unread, and its response,
 * which the handler answers. Only such an operation takes it; an action's answer is the one its
 * `@Returns` declares. The name is also the type of what it binds: `@Exchange() exchange: Exchange`.
 */
export const Exchange = (): ParameterDecorator => bind('exchange', 'exchange', {});

/** The request and response of an MCP server operation, as Node's HTTP server gives them. */
export interface Exchange {
  /** The request, its body unread unless `parsedBody` holds it. */
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  /**
   * The JSON body a parser mounted ahead of the router (an app-wide `express.json()`) read, which
   * the request's stream no longer holds; undefined when the stream is unread. Hand both on:
   * `transport.handleRequest(request, response, parsedBody)`.
   */
  readonly parsedBody?: unknown;
}

/** Who is calling: established from the connection's credentials by the adapter's auth guard. */
export interface Identity {
  /** Stable id of the caller: a key fingerprint, the user name, or the token's `oid`/`sub`. */
  readonly subject: string;
  readonly method: 'apiKey' | 'basic' | 'oauth2';
  /** Scopes (and app roles) the credentials grant. */
  readonly scopes: readonly string[];
  /** Token claims, or whatever a verify callback returned. */
  readonly claims: Readonly<Record<string, unknown>>;
  /**
   * OAuth 2.0 only: the access token the caller presented, for an on-behalf-of exchange with an
   * API downstream. Not enumerable, so that logging, serialising or storing an identity (an async
   * job's, which therefore has none when it is run again after a restart) leaves it out.
   */
  readonly token?: string;
}

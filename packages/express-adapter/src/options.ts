import type { Class, TriggerRuntime } from '@flowport/core';
import type { Request } from 'express';
import type { VerifiedCaller } from './identity';
import type { JobOptions } from './job-options';

type MaybePromise<T> = T | Promise<T>;

/**
 * What the runtime needs beyond the connector declaration: where credentials are checked.
 * The declaration says *how* a caller authenticates (header name, scheme); these say *who* may.
 */
export interface CredentialOptions {
  /** Valid API keys, compared in constant time; a function is read on every request (rotation). */
  readonly apiKeys?: readonly string[] | (() => readonly string[]);
  /**
   * Checks an API key: resolve to `{ subject }` (scopes and claims optional) to accept it,
   * undefined to refuse it. Used instead of `apiKeys`.
   */
  readonly verifyApiKey?: (key: string, req: Request) => MaybePromise<VerifiedCaller | undefined | null | false>;
  /**
   * Checks basic-auth credentials: `{ subject: username }` to accept, undefined to refuse.
   * @example `verifyBasic: (user, password) => (passwordOk(user, password) ? { subject: user } : undefined)`
   */
  readonly verifyBasic?: (
    username: string,
    password: string,
    req: Request,
  ) => MaybePromise<VerifiedCaller | undefined | null | false>;
  /** Checks a bearer token of a generic OAuth 2.0 provider: `{ subject, scopes }` to accept, undefined to refuse. */
  readonly verifyToken?: (token: string, req: Request) => MaybePromise<VerifiedCaller | undefined | null | false>;
  /** Microsoft Entra ID (AAD) token checks; defaults come from the `aad()` declaration. */
  readonly aad?: {
    /** Default `<loginUri>/<tenantId>/discovery/v2.0/keys`. */
    readonly jwksUri?: string;
    /**
     * Accepted issuers; default the v1 and v2 issuers of the tenant in the cloud of the declared
     * `loginUri` (any tenant's own for `common` and `organizations`). Needed where `tenantId` is a
     * domain name, since tokens name their tenant by its ID.
     */
    readonly issuer?: string | readonly string[];
    /** Default `['RS256']`. */
    readonly algorithms?: readonly string[];
    /** Default the declared `resourceUri`. */
    readonly audience?: string | readonly string[];
    /** Seconds of clock skew allowed for `exp`/`nbf`; default 60. */
    readonly clockTolerance?: number;
  };
}

/** Logs server errors; never given credentials or request bodies. */
export interface Logger {
  error(message: string, details: Readonly<Record<string, unknown>>): void;
}

/** Options of {@link createRouter} and {@link createApp}. */
export interface AdapterOptions {
  readonly credentials?: CredentialOptions;
  /** Largest JSON or form body, and largest form field: bytes or a size such as `'1mb'`; default `1mb`. */
  readonly bodyLimit?: number | string;
  /** Largest uploaded file or raw binary body: bytes or a size such as `'50mb'`; default 10 MiB. */
  readonly fileLimit?: number | string;
  /**
   * Creates controller instances (dependency injection); default `new Controller()`. It returns
   * the instance itself: a promise (an async container's `getAsync`) is refused by its type, and
   * at start-up, so make async controllers before `createApp` and hand them over from a Map.
   */
  readonly controllers?: (controller: Class) => object & { readonly then?: never };
  /** Serve `/docs`, `/openapi.json` and `/connector/*` (createApp only); default true. */
  readonly docs?: boolean;
  readonly logger?: Logger;
  /**
   * Check every JSON answer against the schema declared for its status, and answer 500 (logged)
   * when it does not match, so the definition cannot lie about outputs; and every event emitted
   * through `triggers` against its trigger's notification schema (`emit` rejects with an
   * `InvalidPayloadError`). For development and tests.
   */
  readonly validateResponses?: boolean;
  /**
   * The module `flowport build --validators <file>` wrote: request validators compiled at build
   * time, so that the app never loads ajv's compiler. A schema the module lacks, or a module
   * built for other definitions (logged), is compiled on first use instead.
   */
  readonly precompiledValidators?: string;
  /** Where async (202) operations keep their jobs; required when there are any. */
  readonly jobs?: JobOptions;
  /** Serves the operations generated for trigger declarations; required when there are any. */
  readonly triggers?: TriggerRuntime;
  /** Express's `trust proxy`: honour X-Forwarded-Proto/Host when building absolute URLs (createApp only). */
  readonly trustProxy?: boolean | number | string;
}

export const consoleLogger: Logger = {
  error: (message, details) => console.error(message, JSON.stringify(details)),
};

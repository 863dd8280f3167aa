import type { ProblemError } from './problem';

/**
 * Throw from a handler to answer with a problem+json error. The message becomes `detail`, so
 * write it for the caller; internals belong in logs, not here.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: readonly ProblemError[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
    /** A `cause` is logged with the request id when the status is 5xx (the caller sees only `message`). */
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'HttpError';
  }
}

/** 400: the request is wrong in a way the schema could not say; `errors` point at what. */
export class BadRequestError extends HttpError {
  constructor(message: string, errors: readonly ProblemError[] = []) {
    super(400, message, errors);
  }
}
/** 401 with `WWW-Authenticate`: the platform then tells the user to fix the connection. */
export class UnauthorizedError extends HttpError {
  constructor(message = 'Credentials are missing or invalid.', challenge = 'Bearer') {
    super(401, message, [], { 'www-authenticate': challenge });
  }
}
/** 403: the caller is known, and not allowed this. */
export class ForbiddenError extends HttpError {
  constructor(message = 'The credentials do not allow this operation.') {
    super(403, message);
  }
}
/** 404: no such resource (or not one this caller may see). */
export class NotFoundError extends HttpError {
  constructor(message = 'No such resource.') {
    super(404, message);
  }
}
/** 409: the request conflicts with the resource's state. */
export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, message);
  }
}
/** 410: the resource existed and is gone for good. */
export class GoneError extends HttpError {
  constructor(message = 'The resource is gone.') {
    super(410, message);
  }
}
/** 422: well-formed and valid by the schema, yet not something the API can do. */
export class UnprocessableError extends HttpError {
  constructor(message: string, errors: readonly ProblemError[] = []) {
    super(422, message, errors);
  }
}
/** 429, with `Retry-After` when given: the platform's retry policy waits as long. */
export class TooManyRequestsError extends HttpError {
  constructor(message = 'Too many requests.', retryAfterSeconds?: number) {
    super(429, message, [], retryAfter(retryAfterSeconds));
  }
}
/** 501: declared, not built yet. */
export class NotImplementedError extends HttpError {
  constructor(message = 'This operation is not implemented yet.') {
    super(501, message);
  }
}
/** 503, with `Retry-After` when given: a dependency is down; the caller may try again. */
export class ServiceUnavailableError extends HttpError {
  constructor(message = 'The service is unavailable.', retryAfterSeconds?: number) {
    super(503, message, [], retryAfter(retryAfterSeconds));
  }
}

/**
 * `Retry-After` as RFC 9110 writes it: whole seconds, not negative. A wait worked out from
 * milliseconds (`ms / 1000`) is rounded up, so that the caller does not come back too soon; a
 * past time waits 0. Before, `2.5`, `-1` and `NaN` were sent as they were, and a client reading
 * the header as the RFC says (the platform's retry policy among them) could not. A wait that is no
 * number is left out rather than fail the answer.
 */
function retryAfter(seconds: number | undefined): Record<string, string> {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return {};
  return { 'retry-after': String(Math.max(0, Math.ceil(seconds))) };
}

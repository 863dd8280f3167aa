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

export class BadRequestError extends HttpError {
  constructor(message: string, errors: readonly ProblemError[] = []) {
    super(400, message, errors);
  }
}
export class UnauthorizedError extends HttpError {
  constructor(message = 'Credentials are missing or invalid.', challenge = 'Bearer') {
    super(401, message, [], { 'www-authenticate': challenge });
  }
}
export class ForbiddenError extends HttpError {
  constructor(message = 'The credentials do not allow this operation.') {
    super(403, message);
  }
}
export class NotFoundError extends HttpError {
  constructor(message = 'No such resource.') {
    super(404, message);
  }
}
export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, message);
  }
}
export class GoneError extends HttpError {
  constructor(message = 'The resource is gone.') {
    super(410, message);
  }
}
export class UnprocessableError extends HttpError {
  constructor(message: string, errors: readonly ProblemError[] = []) {
    super(422, message, errors);
  }
}
export class TooManyRequestsError extends HttpError {
  constructor(message = 'Too many requests.', retryAfterSeconds?: number) {
    super(429, message, [], retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) });
  }
}
export class NotImplementedError extends HttpError {
  constructor(message = 'This operation is not implemented yet.') {
    super(501, message);
  }
}
export class ServiceUnavailableError extends HttpError {
  constructor(message = 'The service is unavailable.', retryAfterSeconds?: number) {
    super(503, message, [], retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) });
  }
}

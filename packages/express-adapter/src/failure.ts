import type { NextFunction } from 'express';

/**
 * `next` for a route whose every call of it is a failure. A handler or a credential check that
 * throws null or undefined would reach Express as "no error", and the request went on to the
 * next route (an operation's 405 answer).
 */
export function failureOf(next: NextFunction): NextFunction {
  return (err?: unknown) => next(err ?? new Error(`the operation threw ${String(err)}`));
}

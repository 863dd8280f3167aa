import type { OperationModel } from '@flowport/core';
import type { Request, RequestHandler } from 'express';
import { sendProblem } from './problem';

const ALLOWED = Symbol('flowport allowed methods');
type Noted = Request & { [ALLOWED]?: Set<string> };

/**
 * Routed after every operation, at one declared path: the request matched the path but none of
 * its operations, so its methods are noted for {@link methodNotAllowed}. Paths can overlap
 * (`/users/me`, `/users/{id}`), so the answer waits until every matching path has been seen.
 */
export function allowing(ops: readonly OperationModel[]): RequestHandler {
  const methods = ops.map((o) => o.method.toUpperCase());
  if (methods.includes('GET')) methods.push('HEAD');
  return (req, _res, next) => {
    const noted = ((req as Noted)[ALLOWED] ??= new Set());
    for (const m of methods) noted.add(m);
    next();
  };
}

/**
 * 405 with `Allow` listing the methods of every declared path the request matched; OPTIONS
 * answers 204 with `Allow`. A request that matched no declared path goes on (to the 404).
 */
export const methodNotAllowed: RequestHandler = (req, res, next) => {
  const noted = (req as Noted)[ALLOWED];
  if (!noted) {
    next();
    return;
  }
  const allow = [...noted].join(', ');
  if (req.method === 'OPTIONS') {
    res.status(204).setHeader('allow', allow);
    res.end();
    return;
  }
  sendProblem(req, res, 405, `${req.method} is not allowed here; use ${allow}.`, [], { allow });
};

import { PROBLEM_MEDIA_TYPE } from '@flowport/core';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';

/** One entry of a problem's `errors[]`. */
export interface ProblemError {
  /** JSON pointer into the request: `/body/documents/0/text`, `/query/top`, `/header/x-key`. */
  readonly pointer: string;
  readonly message: string;
  readonly code: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

export function titleOf(status: number): string {
  return TITLES[status] ?? 'Error';
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the caller's tracking id when it is well-formed, else a new one. */
export function requestIdOf(req: Request): string {
  const cached = (req as Request & { flowportRequestId?: string }).flowportRequestId;
  if (cached) return cached;
  const given = req.get('x-ms-client-tracking-id') ?? req.get('x-request-id');
  const id = given && REQUEST_ID.test(given) ? given : randomUUID();
  (req as Request & { flowportRequestId?: string }).flowportRequestId = id;
  return id;
}

/**
 * Answers with `application/problem+json` (RFC 9457). `instance` is the path without the query
 * string, which may carry a key.
 */
export function sendProblem(
  req: Request,
  res: Response,
  status: number,
  detail: string,
  errors: readonly ProblemError[] = [],
  headers: Readonly<Record<string, string>> = {},
): void {
  const requestId = requestIdOf(req);
  const body = {
    type: 'about:blank',
    title: titleOf(status),
    status,
    detail,
    instance: req.originalUrl.split('?')[0],
    requestId,
    errors,
  };
  res.status(status);
  res.setHeader('x-request-id', requestId);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  const json = JSON.stringify(body);
  res.setHeader('content-type', `${PROBLEM_MEDIA_TYPE}; charset=utf-8`);
  res.setHeader('content-length', Buffer.byteLength(json));
  res.end(json);
}

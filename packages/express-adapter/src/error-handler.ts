import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { isJsonMediaType } from '@flowport/core';
import { charsetRefused } from './body-text';
import { ACCEPTED_CODINGS, contentCodingOf } from './content-coding';
import { HttpError } from './errors';
import type { Logger } from './options';
import { requestIdOf, sendProblem, type ProblemError } from './problem';
import { loggedError } from './thrown';
import { escape } from './validation/errors';

interface ParserError {
  type?: string;
  status?: number;
  code?: string;
  name?: string;
  message?: string;
  /** The content coding body-parser does not decode. */
  encoding?: string;
  /** The charset body-parser does not read (`charset.unsupported`). */
  charset?: string;
  /** The form field a multer error is about. */
  field?: string;
  /** The byte limit a body went beyond (body-parser's `entity.too.large`). */
  limit?: unknown;
  /** Set by http-errors (Express, serve-static): the message is meant for the client. */
  expose?: boolean;
}

/** zlib's error codes: `Z_DATA_ERROR`, `Z_BUF_ERROR`; brotli's `ERR__ERROR_FORMAT_…`. */
const ZLIB_CODE = /^(Z_|ERR__)/;

/** What a body parser's or multer's error means for the caller. */
function clientError(
  err: ParserError,
  req: Request,
): { status: number; detail: string; errors?: ProblemError[]; headers?: Record<string, string> } | undefined {
  // zlib's own error, marked a client error by body-parser: its message alone ("incorrect header
  // check") does not say that the body's coding was at fault. (A system error a handler throws
  // has an errno too, but no status.)
  if (err.expose === true && err.status === 400 && ZLIB_CODE.test(err.code ?? '')) {
    const reason = (err.message ?? 'it does not decode').replace(/\.$/, '');
    return { status: 400, detail: `The body is not valid ${contentCodingOf(req.get('content-encoding'))}: ${reason}.` };
  }
  switch (err.type) {
    case 'entity.parse.failed':
      return { status: 400, detail: `The body is not valid JSON: ${err.message ?? ''}`.trim() };
    case 'entity.too.large':
      // Said as a body with a Content-Length is told (body-parsers.ts): a chunked one was told less.
      return {
        status: 413,
        detail:
          typeof err.limit === 'number'
            ? `The body is larger than ${err.limit} bytes.`
            : 'The body is larger than this API accepts.',
      };
    case 'encoding.unsupported':
      return {
        status: 415,
        detail: `Send the body without Content-Encoding ${String(err.encoding)}; this operation reads ${ACCEPTED_CODINGS}.`,
        headers: { 'accept-encoding': ACCEPTED_CODINGS },
      };
    case 'charset.unsupported':
      // body-parser's "unsupported charset "LATIN1"" said what was refused, not what is read.
      return {
        status: 415,
        detail: charsetRefused(String(err.charset).toLowerCase(), isJsonMediaType(req.get('content-type') ?? '')),
      };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return { status: 400, detail: 'The body could not be read.' };
    default:
      break;
  }
  if (err.name === 'MulterError') {
    const large = err.code === 'LIMIT_FILE_SIZE' || err.code === 'LIMIT_FIELD_VALUE';
    const field = err.field ? ` (${err.field})` : '';
    const detail = `${err.message ?? 'The form could not be read'}${field}.`;
    // Pointed like the validator's problems, so that a client reads both alike.
    const errors = err.field
      ? [
          {
            pointer: `/formData/${escape(err.field)}`,
            message: (err.message ?? 'is refused').toLowerCase(),
            code: String(err.code),
          },
        ]
      : undefined;
    return { status: large ? 413 : 400, detail, errors };
  }
  // Express's own 4xx errors: http-errors marks its client errors `expose`, and the router gives
  // a path parameter that is not valid percent-encoding a 400 on the URIError. Other errors with
  // a `status` are not answered with it: an HTTP client's error (axios, an API SDK) carries the
  // status another service gave, and its 401 would tell Power Automate the connection is broken.
  if ((err as unknown) instanceof URIError && err.status === 400) {
    // The router's "Failed to decode param '%E0%A4%A'" said neither where the text was nor what
    // was wrong with it, where a query value's escapes are named as not UTF-8.
    const value = /'(.*)'$/s.exec(err.message ?? '')?.[1];
    return {
      status: 400,
      detail: `A path parameter is not percent-encoded UTF-8${value === undefined ? '' : `: ${value} does not decode`}.`,
    };
  }
  const framework = err.expose === true;
  if (framework && typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
    return { status: err.status, detail: err.message ?? 'Bad request.' };
  }
  return undefined;
}

/**
 * Every error becomes `application/problem+json`. Client errors say what was wrong; anything
 * else is a 500 without internals, logged with the request id the caller can quote.
 */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  const details = (req: Request, err: unknown) => ({
    requestId: requestIdOf(req),
    method: req.method,
    path: req.originalUrl.split('?')[0],
    error: loggedError(err),
  });
  // Four parameters: that is how Express tells an error handler from a middleware.
  return (err: unknown, req, res, _next) => {
    if (!res.headersSent && err instanceof HttpError) {
      // A server-side failure with a cause (an issuer's keys unreachable, say) is answered as
      // declared, and the cause logged for whoever runs the service.
      if (err.status >= 500 && err.cause !== undefined)
        logger.error(`flowport: ${err.message}`, details(req, err.cause));
      sendProblem(req, res, err.status, err.message, err.errors, err.headers);
      return;
    }
    const client =
      !res.headersSent && typeof err === 'object' && err !== null ? clientError(err as ParserError, req) : undefined;
    if (client) {
      sendProblem(req, res, client.status, client.detail, client.errors, client.headers);
      return;
    }
    if (res.headersSent) {
      // Too late for a problem answer (a stream failed midway): cut the answer, so that the
      // client sees it incomplete.
      logger.error('flowport: the answer failed after it began; it was cut', details(req, err));
      res.destroy();
      return;
    }
    const logged = details(req, err);
    logger.error('flowport: unhandled error', logged);
    sendProblem(req, res, 500, `An unexpected error occurred; quote request id ${logged.requestId} when reporting it.`);
  };
}

export const notFound: RequestHandler = (req, res) => {
  sendProblem(req, res, 404, `No operation answers ${req.method} ${req.originalUrl.split('?')[0]}.`);
};

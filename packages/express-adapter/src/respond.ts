import { isBytesSchema, isJsonMediaType, isTextMediaType, jsonText, type OperationModel } from '@flowport/core';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { HttpError } from './errors';
import type { ProblemError } from './problem';
import { isDownload, isFileOnDisk, type Download } from './download';
import type { Logger } from './options';
import { isReply } from './reply';
import { missingBodyNotice } from './missing-body';
import { stringAnswerNotice } from './string-answer';

/**
 * Checks a serialised JSON answer against the schema declared for its status (opt-in), and the
 * headers it sends against the types declared for them; `json` is undefined for an answer without
 * a body.
 */
export type ResponseCheck = (
  status: number,
  json: string | undefined,
  headers?: Readonly<Record<string, unknown>>,
) => ProblemError[] | undefined;

/**
 * Compiles how an operation's handler result is sent: the first declared 2xx status (or the
 * one of a `reply()`), JSON for data, raw bytes with the declared media type for `file`/`binary`
 * responses, and a string as text where the operation produces no JSON (`produces`, the
 * operation's or else the connector's). Streams are piped, not buffered.
 */
export function compileResponder(
  op: OperationModel,
  produces: readonly string[],
  check?: ResponseCheck,
  log?: Logger,
): (res: Response, result: unknown, fail: (err: unknown) => void) => void {
  const success = op.responses.find((r) => /^2\d\d$/.test(r.status));
  const status = success ? Number(success.status) : 200;
  // Unchecked, a handler that returns nothing where a body is declared, or a string where an object
  // or a list is, is logged once.
  const notices = check || !log ? undefined : (m: string, d: Record<string, unknown>) => log.error(m, d);
  const missingBody = missingBodyNotice(op, success, notices);
  const stringAnswer = stringAnswerNotice(op, notices);
  const binary = isBytesSchema(success?.schema);
  const text = binary ? undefined : textMediaType(produces);
  // Bytes or a stream a handler answers are labelled as what the operation produces.
  const mediaType = binary
    ? (op.produces?.[0] ?? 'application/octet-stream')
    : (text ?? 'application/json; charset=utf-8');
  return (res, result, fail) => {
    let code = status;
    let body = result;
    if (isReply(result)) {
      code = result.status;
      body = result.body;
      for (const [k, v] of Object.entries(result.headers)) res.setHeader(k, v);
    }
    res.status(code);
    if (isDownload(body)) {
      sendDownload(res, body, op.produces?.[0], fail);
      return;
    }
    if (body === undefined || code === 204 || code === 304) {
      if (body === undefined) throwIfInvalid(op, code, check?.(code, undefined, res.getHeaders()));
      if (body === undefined) missingBody(code);
      // An answer without a body: a stream given for it is released, not left open.
      if (body instanceof Readable) body.destroy();
      res.end();
    } else if (body instanceof Readable) {
      if (!res.hasHeader('content-type')) res.setHeader('content-type', mediaType);
      sendStream(res, body, fail);
    } else if (Buffer.isBuffer(body) || body instanceof Uint8Array || (binary && typeof body === 'string')) {
      // JSON written ahead (a cached answer) is checked as the JSON it is; a stream is not read twice.
      if (!binary && text === undefined && typeof body !== 'string')
        throwIfInvalid(
          op,
          code,
          check?.(code, Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString(), res.getHeaders()),
        );
      if (!res.hasHeader('content-type')) res.setHeader('content-type', mediaType);
      res.setHeader('content-length', typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
      res.end(body);
    } else if (text !== undefined && typeof body === 'string') {
      // Declared as text/plain, text/csv, application/xml…: sent as JSON, the client got the
      // text in quotes, with its line breaks escaped.
      throwIfInvalid(op, code, check?.(code, jsonText(body), res.getHeaders()));
      if (!res.hasHeader('content-type')) res.setHeader('content-type', text);
      res.setHeader('content-length', Buffer.byteLength(body));
      res.end(body);
    } else {
      // A known length lets Node send headers and body in one write instead of chunked pieces.
      const json = jsonText(body);
      throwIfInvalid(op, code, check?.(code, json, res.getHeaders()));
      if (typeof body === 'string') stringAnswer(code);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(json));
      res.end(json);
    }
  };
}

/**
 * The media type a string answer is sent as when the operation produces no JSON type: its first
 * text type, with `charset=utf-8` unless it names one. Undefined where JSON is produced, or no
 * text type is (a range such as `text/*` is none: no answer can carry it).
 */
export function textMediaType(produces: readonly string[]): string | undefined {
  if (produces.some(isJsonMediaType)) return undefined;
  const type = produces.find((t) => isTextMediaType(t) && !t.includes('*'));
  if (type === undefined) return undefined;
  return /;\s*charset=/i.test(type) ? type : `${type}; charset=utf-8`;
}

function sendDownload(res: Response, d: Download, produces: string | undefined, fail: (err: unknown) => void): void {
  if (d.filename) res.attachment(d.filename); // Content-Disposition (RFC 6266) and a type from the name
  if (d.inline)
    res.setHeader(
      'content-disposition',
      String(res.getHeader('content-disposition') ?? 'inline').replace(/^attachment/, 'inline'),
    );
  const type = d.contentType ?? produces;
  if (type) res.setHeader('content-type', type);
  else if (!res.hasHeader('content-type') && !isFileOnDisk(d.content))
    res.setHeader('content-type', 'application/octet-stream');
  if (isFileOnDisk(d.content)) {
    sendFileOnDisk(res, d.content.path, fail);
    return;
  }
  if (d.content instanceof Readable) {
    sendStream(res, d.content, fail);
    return;
  }
  res.setHeader('content-length', Buffer.byteLength(d.content));
  res.end(d.content);
}

/** What `send` answers by itself as the caller's doing, with the headers that go with it. */
const RANGE_AND_CONDITION = new Set([412, 416]);

/**
 * A file on disk, by `send` (through Express): ranges (206), conditional requests (304), HEAD.
 * Its media type is the declared one, or else `send`'s guess from the file's extension.
 */
function sendFileOnDisk(res: Response, path: string, fail: (err: unknown) => void): void {
  res.sendFile(path, { dotfiles: 'allow', acceptRanges: true, lastModified: true }, (err?: unknown) => {
    if (err === undefined || err === null) return;
    const e = err as { status?: number; code?: string; headers?: Record<string, string>; message?: string };
    // The client went away: nothing to answer.
    if (e.code === 'ECONNABORTED' || e.code === 'ECONNRESET') return;
    // The problem answer is no file: what was set for the file goes, but the size a 416 states.
    // (Failed midway, the answer is cut by the error handler; its headers are gone already.)
    if (!res.headersSent)
      for (const h of ['content-type', 'content-disposition', 'content-length', 'last-modified', 'accept-ranges'])
        res.removeHeader(h);
    if (typeof e.status === 'number' && RANGE_AND_CONDITION.has(e.status)) {
      const detail =
        e.status === 416
          ? 'The range asked for is not within the file; Content-Range says its size.'
          : 'A precondition of the request does not hold for the file.';
      fail(new HttpError(e.status, detail, [], e.headers ?? {}));
      return;
    }
    // A file the handler named that cannot be read is the server's failure, not a 404.
    fail(new Error(`the file to send (${path}) could not be read: ${e.message ?? String(err)}`, { cause: err }));
  });
}

/**
 * Pipes a handler's stream into the answer. A source that fails is handed to `fail` (the error
 * handler): before its first byte that is a 500 problem like any crash, without the download's
 * headers; after it, the answer is cut, so that the client sees a truncated transfer rather than a
 * complete-looking one. Either way the cause is logged. A client that goes away ends the source,
 * so that the file or query behind it is released (`pipe` alone would leave it paused, open).
 */
function sendStream(res: Response, source: Readable, fail: (err: unknown) => void): void {
  // HEAD (which Express routes to the GET handler) sends no body: Node would drop every byte,
  // after reading the whole source for nothing.
  if (res.req.method === 'HEAD') {
    source.destroy();
    res.end();
    return;
  }
  let failed = false;
  source.on('error', (err) => {
    if (failed) return;
    failed = true;
    source.unpipe(res);
    if (!res.headersSent)
      for (const h of ['content-type', 'content-disposition', 'content-length']) res.removeHeader(h);
    fail(err);
  });
  res.once('close', () => source.destroy());
  source.pipe(res);
}

export function throwIfInvalid(op: OperationModel, code: number, problems: ProblemError[] | undefined): void {
  if (problems && problems.length > 0) {
    const detail =
      problems[0].code === 'status'
        ? `The response of ${op.id} has status ${code}, which its definition does not declare.`
        : `The response of ${op.id} does not match its declared ${code} schema.`;
    throw new HttpError(500, detail, problems);
  }
}

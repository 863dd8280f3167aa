import type { OperationModel } from '@flowport/core';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { HttpError } from './errors';
import type { ProblemError } from './problem';
import { isDownload, type Download } from './download';
import { isReply } from './reply';

/** Checks a serialised JSON answer against the schema declared for its status (opt-in). */
export type ResponseCheck = (status: number, json: string) => ProblemError[] | undefined;

/**
 * Compiles how an operation's handler result is sent: the first declared 2xx status (or the
 * one of a `reply()`), JSON for data, and raw bytes with the declared media type for
 * `file`/`binary` responses. Streams are piped, not buffered.
 */
export function compileResponder(op: OperationModel, check?: ResponseCheck): (res: Response, result: unknown) => void {
  const success = op.responses.find((r) => /^2\d\d$/.test(r.status));
  const status = success ? Number(success.status) : 200;
  const binary = success?.schema?.type === 'file' || success?.schema?.format === 'binary';
  const mediaType = binary ? (op.produces?.[0] ?? 'application/octet-stream') : 'application/json; charset=utf-8';
  return (res, result) => {
    let code = status;
    let body = result;
    if (isReply(result)) {
      code = result.status;
      body = result.body;
      for (const [k, v] of Object.entries(result.headers)) res.setHeader(k, v);
    }
    res.status(code);
    if (isDownload(body)) {
      sendDownload(res, body, op.produces?.[0]);
      return;
    }
    if (body === undefined || code === 204 || code === 304) {
      res.end();
    } else if (body instanceof Readable) {
      if (!res.hasHeader('content-type')) res.setHeader('content-type', mediaType);
      body.pipe(res);
    } else if (Buffer.isBuffer(body) || body instanceof Uint8Array || (binary && typeof body === 'string')) {
      if (!res.hasHeader('content-type')) res.setHeader('content-type', mediaType);
      res.setHeader('content-length', typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
      res.end(body);
    } else {
      // A known length lets Node send headers and body in one write instead of chunked pieces.
      const json = JSON.stringify(body);
      const problems = check?.(code, json);
      if (problems && problems.length > 0) {
        throw new HttpError(500, `The response of ${op.id} does not match its declared ${code} schema.`, problems);
      }
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(json));
      res.end(json);
    }
  };
}

function sendDownload(res: Response, d: Download, produces: string | undefined): void {
  if (d.filename) res.attachment(d.filename); // Content-Disposition (RFC 6266) and a type from the name
  if (d.inline)
    res.setHeader(
      'content-disposition',
      String(res.getHeader('content-disposition') ?? 'inline').replace(/^attachment/, 'inline'),
    );
  const type = d.contentType ?? produces;
  if (type) res.setHeader('content-type', type);
  else if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/octet-stream');
  if (d.content instanceof Readable) {
    // A failing source ends the answer early; the client sees a truncated transfer.
    d.content.once('error', () => res.destroy());
    d.content.pipe(res);
    return;
  }
  res.setHeader('content-length', Buffer.byteLength(d.content));
  res.end(d.content);
}

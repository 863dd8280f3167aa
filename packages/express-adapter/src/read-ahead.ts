import type { OperationModel } from '@flowport/core';
import type { Request } from 'express';
import { Readable } from 'node:stream';

/** Whether the request carried a body at all (before parsing consumed the stream). */
export function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Whether something mounted ahead of the router (an app-wide `express.raw()`, `express.json()`,
 * `multer().any()`, a logger that reads the body) has read the body already: Node has no bytes of
 * it left to give, and a parser of the router would see an empty body.
 */
export function readAhead(req: Request): boolean {
  return req.readableEnded && hasBody(req);
}

/**
 * A body read ahead of the router into a form the operation cannot take. It is not the caller's
 * fault, so it is a logged 500 that says how to mount the router, rather than a 400 about a form
 * cut short, or a handler that runs on no bytes and answers 200.
 */
export function readAheadError(op: OperationModel, body: unknown): Error {
  return new Error(
    `${op.id}: the request body was read before Flowport's router, by a body parser mounted ahead of it, which left req.body ${shapeOf(body)}; mount the router before app-wide body parsers (express.json(), express.raw(), multer), or limit them to other paths`,
  );
}

/**
 * A raw body an earlier `express.raw()` read, as the same kind of stream the router gives a
 * handler of an unread one; undefined when the earlier reader kept something else (text, parsed
 * JSON, nothing), from which the bytes cannot be had back.
 */
export function bytesReadAhead(req: Request): Readable | undefined {
  const body: unknown = req.body;
  return Buffer.isBuffer(body) ? Readable.from(body, { objectMode: false }) : undefined;
}

/**
 * The JSON an earlier `express.json()` parsed from a body read ahead of the router, for an
 * operation that hands it on (an MCP server's `parsedBody`); a body kept in another form is the
 * logged 500 of {@link readAheadError}, since its JSON cannot be had back.
 */
export function jsonReadAhead(op: OperationModel, req: Request): unknown {
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) return body;
  throw readAheadError(op, body);
}

function shapeOf(body: unknown): string {
  if (body === undefined) return 'undefined';
  if (Buffer.isBuffer(body)) return 'a Buffer';
  if (body === null) return 'null';
  if (Array.isArray(body)) return 'an array';
  return typeof body === 'object' ? 'an object' : `a ${typeof body}`;
}

import {
  declaredFormTypes,
  FORM_MEDIA_TYPES,
  isBinarySchema,
  isFileField,
  isJsonMediaType,
  isTextMediaType,
  type OperationModel,
} from '@flowport/core';
import express, { type RequestHandler } from 'express';
import type multerType from 'multer';
import { Transform, type Readable } from 'node:stream';
import { contentCodingOf, decoderFor, unsupportedCoding } from './content-coding';
import { HttpError } from './errors';
import { boundedFeed, multipartBounds } from './form-limits';
import type { Limits } from './limits';
import { checkText, jsonUtf8 } from './body-text';
import { checkEscapedText } from './validation/escaped-text';
import { bytesReadAhead, hasBody, readAhead, readAheadError } from './read-ahead';
import { inexactIntegerIn, inexactIntegerMessage } from './validation/exact-integers';

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Requests whose JSON or text body had no bytes (a chunked one that ended at once), which
 * express.json() reads as `{}` and express.text() as `''`: no body, as with `Content-Length: 0`.
 */
const NO_BYTES = new WeakSet<object>();

/** Whether the request's body, though framed, held no bytes. */
export function heldNoBytes(req: object): boolean {
  return NO_BYTES.has(req);
}

/**
 * The form types an operation declares: the definition is what callers build their requests
 * from, so a form in another encoding is refused as a body of another type is. An imported
 * operation that lists neither (its definition says nothing usable) takes both.
 */
function formTypes(consumes: readonly string[]): string[] {
  const declared = declaredFormTypes(consumes);
  return declared.length > 0 ? declared : [...FORM_MEDIA_TYPES];
}

/**
 * The body parsers an operation needs: JSON for a body, text for a string body the operation
 * consumes as text (`text/plain`, `application/xml`…), multipart or urlencoded for form data.
 * `consumes` is the operation's, or else the connector's.
 */
export function bodyParsers(op: OperationModel, consumes: readonly string[], limits: Limits): RequestHandler[] {
  const body = op.parameters.find((p) => p.in === 'body');
  const form = op.parameters.filter((p) => p.in === 'formData');
  if (body && isBinarySchema(body.schema)) {
    // Raw bytes are not parsed: the handler gets the request stream, limited to the file limit.
    return [
      (req, res, next) => {
        const raw = req as typeof req & { body: unknown };
        if (!hasBody(req)) {
          raw.body = undefined;
          next();
          return;
        }
        if (readAhead(req)) {
          // An app-wide express.raw() kept the bytes (decoded): they are streamed from memory.
          const bytes = bytesReadAhead(req);
          if (bytes === undefined) next(readAheadError(op, raw.body));
          else if ((raw.body as Buffer).length > limits.file) next(tooLarge(limits.file));
          else {
            raw.body = bytes;
            next();
          }
          return;
        }
        const coding = contentCodingOf(req.headers['content-encoding']);
        let decoder: Transform | undefined;
        try {
          decoder = decoderFor(coding);
        } catch (err) {
          next(err);
          return;
        }
        // Declared too large: refused before a byte is read (Node discards the body after the answer).
        // The limit is on the bytes the handler gets, so an encoded body is measured as it decodes.
        if (decoder === undefined && Number(req.headers['content-length']) > limits.file) {
          next(tooLarge(limits.file));
          return;
        }
        raw.body = limited(req, limits.file, decoder && { stream: decoder, coding });
        // The handler may answer without reading the whole body (or stop at the limit): the rest is
        // read and dropped then, so that the client gets the answer and the connection stays usable.
        res.once('finish', () => {
          if (req.complete) return;
          req.unpipe();
          req.resume();
        });
        next();
      },
    ];
  }
  if (body) {
    // A string body declared as text is read as text; JSON is read where JSON is declared, or
    // where nothing else can be read (no consumes, or a type no parser here reads). Before, only
    // JSON was read: `consumes: ['text/plain']` was answered "Send the body as text/plain; got
    // text/plain", and JSON, which it does not declare, was taken.
    const text =
      body.schema.type === 'string' ? consumes.filter(isTextMediaType).map((t) => t.split(';')[0].trim()) : [];
    const json = text.length === 0 || consumes.some(isJsonMediaType);
    const readable = [...(json ? JSON_TYPES : []), ...text];
    const accepted = [...(json ? ['application/json'] : []), ...text].join(' or ');
    const parsers: RequestHandler[] = [
      (req, _res, next) => {
        if (hasBody(req) && !req.is(readable)) {
          next(
            new HttpError(415, `Send the body as ${accepted}; got ${req.get('content-type') ?? 'no content type'}.`),
          );
        } else if (readAhead(req) && (req.body === undefined || Buffer.isBuffer(req.body))) {
          // Parsed JSON or text an earlier parser left is taken as it is; bytes or nothing are not.
          next(readAheadError(op, req.body));
        } else if (declaredOver(req, limits.body)) next(tooLarge(limits.body));
        else next();
      },
    ];
    if (json)
      parsers.push(express.json({ limit: limits.body, strict: false, type: JSON_TYPES, verify: checkJsonBytes }));
    if (text.length > 0)
      parsers.push(
        express.text({
          limit: limits.body,
          type: text,
          defaultCharset: 'utf-8',
          verify: (req, _res, bytes, encoding) => {
            if (bytes.length === 0) NO_BYTES.add(req);
            else checkText(bytes, encoding);
          },
        }),
      );
    return parsers;
  }
  if (form.length > 0) {
    // Loaded only for operations that take form data.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const multer = require('multer') as typeof multerType;
    const fileNames = form.filter(isFileField).map((p) => String(p.name));
    const bounds = multipartBounds(form, limits);
    // `streamHandler` is multer's since 2.5, which its types do not yet list.
    const options: multerType.Options & { streamHandler: ReturnType<typeof boundedFeed> } = {
      storage: multer.memoryStorage(),
      limits: {
        fileSize: limits.file,
        // One more than declared, so that the extra file reaches the check by name below and is
        // refused by its name instead of by busboy's count; it is not stored.
        files: bounds.files + 1,
        fields: bounds.fields,
        fieldSize: limits.body,
      },
      streamHandler: boundedFeed(bounds.bytes),
    };
    // By name, one file each: an undeclared file field, or a second file under a declared name,
    // is "Unexpected file field (name)", where any() counted it as "Too many files".
    const upload = multer(options).fields(fileNames.map((name) => ({ name, maxCount: 1 })));
    const fieldNames = new Set(form.map((p) => String(p.name)));
    const urlencoded = express.urlencoded({
      extended: false,
      limit: limits.body,
      verify: (_req, _res, bytes, encoding) => {
        checkText(bytes, encoding);
        checkEscapedText(bytes.toString('latin1'), fieldNames, 'formData');
      },
    });
    const accepted = formTypes(consumes);
    const checkType: RequestHandler = (req, _res, next) => {
      if (hasBody(req) && !req.is(accepted)) {
        next(
          new HttpError(
            415,
            `Send the form as ${accepted.join(' or ')}; got ${req.get('content-type') ?? 'no content type'}.`,
          ),
        );
        return;
      }
      // Fields an earlier urlencoded parser read are taken as they are; parts an earlier multer
      // read are not where this one puts them, and raw bytes are no form.
      if (readAhead(req)) {
        const fields = !req.is('multipart/form-data') && isFields(req.body);
        next(fields ? undefined : readAheadError(op, req.body));
        return;
      }
      // busboy reads the bytes as they come: an encoded form would fail as a malformed one.
      const coding = contentCodingOf(req.headers['content-encoding']);
      if (coding !== 'identity' && req.is('multipart/form-data')) next(unsupportedCoding(coding, 'identity'));
      else if (req.is('application/x-www-form-urlencoded') && declaredOver(req, limits.body))
        next(tooLarge(limits.body));
      else next();
    };
    // busboy's own errors (a form cut short, no boundary, a malformed part header) come as plain
    // Errors, which the error handler would answer as a 500; with files kept in memory, every
    // error of the upload is about the request.
    const readForm: RequestHandler = (req, res, next) =>
      upload(req, res, (err?: unknown) => next(err === undefined || isKnown(err) ? err : unreadableForm(err)));
    return [checkType, readForm, urlencoded];
  }
  return [];
}

/**
 * Whether an unencoded body declares more bytes than `limit`: it is refused before a byte is read.
 * body-parser would read it all first, to keep the connection, and a client that asked first
 * (`Expect: 100-continue`) would be told to send it (server.ts).
 */
function declaredOver(req: Parameters<RequestHandler>[0], limit: number): boolean {
  return (
    contentCodingOf(req.headers['content-encoding']) === 'identity' && Number(req.headers['content-length']) > limit
  );
}

/** A parsed form's fields: an object, not bytes or text. */
function isFields(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body);
}

/**
 * body-parser's look at the bytes before JSON.parse: bytes that are not text (body-text.ts), and
 * an integer JSON.parse would change into a neighbour without a word. Its errors keep their
 * status (http-errors takes the error's own).
 */
function checkJsonBytes(req: object, _res: unknown, body: Buffer, encoding: string): void {
  if (body.length === 0) {
    NO_BYTES.add(req);
    return;
  }
  const text = inexactIntegerIn(jsonUtf8(body, encoding));
  if (text === undefined) return;
  const errors = [{ pointer: '/body', message: inexactIntegerMessage(text), code: 'inexactInteger' }];
  throw new HttpError(400, 'The body holds an integer too large to read exactly.', errors);
}

/** An error the error handler answers by itself: ours, or multer's (limits, unexpected fields). */
function isKnown(err: unknown): boolean {
  return err instanceof HttpError || (err as { name?: unknown } | null)?.name === 'MulterError';
}

function unreadableForm(err: unknown): HttpError {
  const reason = err instanceof Error ? err.message.replace(/\.$/, '') : String(err);
  return new HttpError(400, `The form is not valid multipart/form-data: ${reason}.`, [], {}, { cause: err });
}

/**
 * The request's stream failed: the client closed the connection before the body's end. A 400,
 * so that a handler that lets it throw does not log it as the server's failure.
 */
export function cutShort(err: Error): HttpError {
  return new HttpError(400, 'The body was cut short: the connection closed before its end.', [], {}, { cause: err });
}

function tooLarge(max: number): HttpError {
  return new HttpError(413, `The body is larger than ${max} bytes.`);
}

/**
 * The request stream, decoded when it comes in a content coding, failing with 413 once more than
 * `max` bytes have come out, and with 400 when the bytes are not valid in their coding.
 */
function limited(req: Readable, max: number, decoder?: { stream: Transform; coding: string }): Readable {
  let seen = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      seen += chunk.length;
      if (seen > max) callback(tooLarge(max));
      else callback(null, chunk);
    },
  });
  req.once('error', (err) => limit.destroy(cutShort(err)));
  // A handler may not read the body, or stop early: then nobody listens when the limit is crossed,
  // and an 'error' event without a listener ends the process. A reader still gets the error.
  limit.on('error', () => undefined);
  if (decoder === undefined) return req.pipe(limit);
  const { stream, coding } = decoder;
  stream.once('error', (err) => {
    const reason = err.message.replace(/\.$/, '');
    limit.destroy(new HttpError(400, `The body is not valid ${coding}: ${reason}.`, [], {}, { cause: err }));
  });
  // Past the limit, or read to the end: the decoder's memory goes with it.
  limit.once('close', () => stream.destroy());
  return req.pipe(stream).pipe(limit);
}

import type { OperationModel } from '@flowport/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { cutShort } from './body-parsers';
import { contentCodingOf, unsupportedCoding } from './content-coding';
import { HttpError } from './errors';
import { ownerOf, type Identity } from './identity';
import { originOf } from './origin';
import { bytesReadAhead, readAhead, readAheadError } from './read-ahead';
import { failureOf } from './failure';
import type * as UploadFolder from './upload-folder';

const UPLOADS_PATH = '/_uploads';

/** The chunk size suggested to the platform (`x-ms-chunk-size`). */
const CHUNK_SIZE = 4 * 1024 * 1024;
/** Uploads a router keeps open at once: each holds a file of up to the file limit on disk. */
const MAX_OPEN = 64;
/** Uploads one caller may keep open at once, so that one caller cannot take every place. */
const MAX_OPEN_PER_CALLER = 8;
/** An upload no chunk has come for in this long is dropped, with its file. */
const IDLE_MS = 15 * 60 * 1000;

/** What the operation resumes with once every byte has come: the request's other inputs, and who sent it. */
export interface UploadStart<Input> {
  readonly op: OperationModel;
  readonly input: Input;
  readonly identity: Identity | undefined;
}

/** Runs the operation on the whole content, and answers the last chunk with its answer. */
export type FinishUpload<Input> = (
  start: UploadStart<Input>,
  content: Readable,
  req: Request,
  res: Response,
  next: NextFunction,
) => Promise<void>;

interface Session<Input> extends UploadStart<Input> {
  readonly file: string;
  readonly total: number;
  readonly owner: string;
  readonly finish: FinishUpload<Input>;
  received: number;
  writing: boolean;
  timer: NodeJS.Timeout;
}

/**
 * Logic Apps' chunked upload for actions that declare `chunkTransfer` and take a raw binary body:
 * the platform opens the upload with an empty POST or PUT (`x-ms-transfer-mode: chunked`,
 * `x-ms-content-length`), sends the content in PATCHes to the `Location` it is given, each with a
 * `Content-Range`, and gets the action's answer to the last one. The content is kept in a
 * temporary file, never in memory; the action's handler gets it as the same kind of stream a
 * direct upload gives.
 */
export class ChunkedUploads {
  /** Where the chunks of an upload are sent (PATCH), under the router's mount path. */
  readonly path = UPLOADS_PATH;
  private readonly sessions = new Map<string, Session<unknown>>();

  constructor(private readonly fileLimit: number) {}

  /** Opens an upload: 200 with the `Location` of its chunks and the suggested chunk size. */
  open<Input>(start: UploadStart<Input>, finish: FinishUpload<Input>, req: Request, res: Response): void {
    const total = declaredLength(req.get('x-ms-content-length'));
    if (total > this.fileLimit) throw new HttpError(413, `The content is larger than ${this.fileLimit} bytes.`);
    const owner = ownerOf(start.identity);
    let own = 0;
    for (const session of this.sessions.values()) if (session.owner === owner) own++;
    if (own >= MAX_OPEN_PER_CALLER) {
      throw new HttpError(
        429,
        `You have ${own} uploads open, as many as one caller may; finish one, or wait until one expires.`,
        [],
        { 'retry-after': '60' },
      );
    }
    if (this.sessions.size >= MAX_OPEN) {
      throw new HttpError(503, 'Too many uploads are under way; try again later.', [], { 'retry-after': '60' });
    }
    const location = `${originOf(req)}${req.baseUrl}${UPLOADS_PATH}/`;
    const id = randomUUID();
    const session: Session<Input> = {
      ...start,
      // Required at the first upload: an app that never takes one does not load it at start.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      file: join((require('./upload-folder') as typeof UploadFolder).uploadsFolder(), id),
      total,
      owner,
      finish,
      received: 0,
      writing: false,
      timer: this.expiry(id),
    };
    this.sessions.set(id, session as Session<unknown>);
    res.status(200);
    res.setHeader('location', location + id);
    res.setHeader('x-ms-chunk-size', String(Math.min(CHUNK_SIZE, total)));
    res.setHeader('content-length', '0');
    res.end();
  }

  /** PATCH `{UPLOADS_PATH}/:id`: one chunk, in order; the last one runs the operation. */
  chunkRoute(authenticate: (op: OperationModel, req: Request) => Promise<Identity | undefined>): RequestHandler {
    return (req, res, next) => {
      // What is left unread of a refused chunk is read and dropped after the answer, so that the
      // connection stays usable (Node does so only for a body nobody began to read).
      res.once('finish', () => {
        if (!req.complete) req.resume();
      });
      void (async () => {
        const id = String(req.params.id);
        const session = this.sessions.get(id);
        if (!session) throw new HttpError(404, 'No such upload; it may have expired.');
        const identity = await authenticate(session.op, req);
        if (ownerOf(identity) !== session.owner) throw new HttpError(404, 'No such upload; it may have expired.');
        const coding = contentCodingOf(req.get('content-encoding'));
        if (coding !== 'identity') throw unsupportedCoding(coding, 'identity');
        const range = chunkRange(req.get('content-range'), session.total);
        if (session.writing) throw new HttpError(409, 'Another chunk of this upload is being written.');
        if (range.end < session.received) {
          // A chunk sent again (its answer was lost): it is here already.
          req.resume();
          this.acknowledge(res, session);
          return;
        }
        if (range.start !== session.received) {
          throw new HttpError(409, `The next chunk starts at byte ${session.received}.`, [], receivedRange(session));
        }
        // A chunk an app-wide express.raw() read is written from its bytes; other readers leave none.
        const source = readAhead(req) ? bytesReadAhead(req) : req;
        if (source === undefined) throw readAheadError(session.op, req.body);
        session.writing = true;
        try {
          await writeChunk(source, session.file, range);
        } finally {
          session.writing = false;
        }
        session.received = range.end + 1;
        session.timer.refresh();
        if (session.received < session.total) {
          this.acknowledge(res, session);
          return;
        }
        this.forget(id);
        res.setHeader('range', `bytes=0-${session.total - 1}`);
        const content = createReadStream(session.file);
        res.once('close', () => {
          content.destroy();
          void unlink(session.file).catch(() => undefined);
        });
        await session.finish(session, content, req, res, next);
      })().catch(failureOf(next));
    };
  }

  private acknowledge(res: Response, session: Session<unknown>): void {
    res.status(200);
    for (const [name, value] of Object.entries(receivedRange(session))) res.setHeader(name, value);
    res.setHeader('x-ms-chunk-size', String(Math.min(CHUNK_SIZE, session.total - session.received) || CHUNK_SIZE));
    res.setHeader('content-length', '0');
    res.end();
  }

  private expiry(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const session = this.sessions.get(id);
      this.forget(id);
      if (session) void unlink(session.file).catch(() => undefined);
    }, IDLE_MS);
    // An upload left open does not keep the process alive.
    timer.unref();
    return timer;
  }

  private forget(id: string): void {
    const session = this.sessions.get(id);
    if (session) clearTimeout(session.timer);
    this.sessions.delete(id);
  }
}

/** `x-ms-content-length`: the size of the whole content, in bytes. */
function declaredLength(header: string | undefined): number {
  const total = /^\d{1,15}$/.test(header ?? '') ? Number(header) : NaN;
  if (!(total > 0)) {
    throw new HttpError(
      400,
      `A chunked upload needs x-ms-content-length, the size of the whole content in bytes; got ${header === undefined ? 'none' : JSON.stringify(header)}.`,
    );
  }
  return total;
}

/**
 * A chunk's `Content-Range`. Logic Apps writes `bytes=0-1023/10100` (its documentation's form);
 * RFC 9110's `bytes 0-1023/10100` is read too.
 */
function chunkRange(header: string | undefined, total: number): { start: number; end: number } {
  const m = /^bytes[= ](\d{1,15})-(\d{1,15})\/(\d{1,15})$/i.exec((header ?? '').trim());
  if (!m) {
    throw new HttpError(
      400,
      `A chunk needs Content-Range: bytes=<first>-<last>/<total>; got ${header === undefined ? 'none' : JSON.stringify(header)}.`,
    );
  }
  const [start, end, size] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (size !== total) throw new HttpError(400, `The upload was opened for ${total} bytes; this chunk says ${size}.`);
  if (end < start || end >= total) {
    throw new HttpError(400, `The chunk's range ${start}-${end} is not within the ${total} bytes of the content.`);
  }
  return { start, end };
}

/** The bytes received so far, as the protocol answers them (`Range: bytes=0-<last>`). */
function receivedRange(session: Session<unknown>): Record<string, string> {
  return session.received > 0 ? { range: `bytes=0-${session.received - 1}` } : {};
}

/**
 * Writes a chunk at its place in the file; it must hold exactly the bytes its range names. On a
 * failure the request is left unread (not destroyed), so that the caller gets the answer.
 */
function writeChunk(req: Readable, file: string, range: { start: number; end: number }): Promise<void> {
  const expected = range.end - range.start + 1;
  let seen = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      seen += chunk.length;
      if (seen > expected)
        callback(new HttpError(400, `The chunk holds more than the ${expected} bytes its range names.`));
      else callback(null, chunk);
    },
    flush(callback) {
      callback(
        seen < expected ? new HttpError(400, `The chunk holds ${seen} bytes; its range names ${expected}.`) : null,
      );
    },
  });
  const out = createWriteStream(file, { flags: range.start === 0 ? 'w' : 'r+', start: range.start });
  return new Promise((resolve, reject) => {
    const fail = (err: unknown): void => {
      req.unpipe(count);
      out.destroy();
      reject(err);
    };
    req.once('error', (err) => fail(cutShort(err)));
    count.once('error', fail);
    out.once('error', fail);
    out.once('finish', () => resolve());
    req.pipe(count).pipe(out);
  });
}

import { isFileField, type ParameterModel } from '@flowport/core';
import { Transform, type Readable, type Writable } from 'node:stream';
import { HttpError } from './errors';
import type { Limits } from './limits';

/** Undeclared fields a multipart form may carry besides its declared ones. */
const EXTRA_FORM_FIELDS = 8;

/**
 * Values a list sent as repeated fields (`collectionFormat: multi`) may carry where it declares
 * no `maxItems`: as many as the same form takes urlencoded (body-parser's `parameterLimit`).
 */
const LIST_VALUES = 1000;

/** What one part of a multipart form may add besides its value: its boundary and headers. */
const PART_OVERHEAD = 1024;

/** The bounds of a multipart form: how many text fields and files, and how many bytes in all. */
export interface MultipartBounds {
  readonly fields: number;
  readonly files: number;
  readonly bytes: number;
}

/**
 * Busboy's defaults let one request keep 1,000 fields of 1 MB each in memory. Each field gets the
 * body limit, and the count allows the declared fields, the values of their lists, and a few more
 * (a browser form's submit button); the form's bytes in all are bounded to what its declared
 * fields and those few more may hold, with its files. So a list of many short values is taken, as
 * the published schema allows (before, a `multi` list of more values than 8 and the form's other
 * fields was "Too many fields"), and a form still holds at most about ten times the body limit
 * besides its files.
 */
export function multipartBounds(form: readonly ParameterModel[], limits: Limits): MultipartBounds {
  const files = form.filter(isFileField).length;
  const text = form.length - files;
  const listValues = form
    .filter((p) => !isFileField(p) && p.schema.type === 'array' && p.collectionFormat === 'multi')
    .reduce((n, p) => n + Math.max(0, (p.schema.maxItems ?? LIST_VALUES) - 1), 0);
  const fields = text + EXTRA_FORM_FIELDS + listValues;
  // The values of a list share the budget of the fields: many short ones, or a few long ones.
  const values = (text + EXTRA_FORM_FIELDS) * limits.body;
  return { fields, files, bytes: files * limits.file + values + (fields + files) * PART_OVERHEAD };
}

/** Feeds busboy a request of at most `bytes` bytes: beyond, the form is refused with 413. */
export function boundedFeed(bytes: number): (req: Readable, busboy: Writable) => void {
  return (req, busboy) => {
    let seen = 0;
    const bound = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        seen += chunk.length;
        if (seen > bytes) callback(new HttpError(413, `The form is larger than the ${bytes} bytes it may hold.`));
        else callback(null, chunk);
      },
    });
    // Busboy's error is multer's: it answers with it, and drains the rest of the request.
    bound.once('error', (err) => busboy.destroy(err));
    req.pipe(bound).pipe(busboy);
  };
}

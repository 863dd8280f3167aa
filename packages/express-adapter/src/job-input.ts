import { isFileField, type OperationModel } from '@flowport/core';
import type { Identity } from './identity';
import type { ValidInput } from './validation/request-validator';

// How a job's input is kept in its store, to run it again after a crash: as JSON, with each
// uploaded file's bytes as base64.

type UploadedFile = { buffer?: unknown };

/** The form fields of an operation that carry uploaded files (multer's objects with a `buffer`). */
function fileFields(op: OperationModel): string[] {
  return op.parameters.filter(isFileField).map((p) => p.name);
}

/**
 * A job's input as stored, to run it again after a crash. JSON writes a Buffer as a list of
 * numbers (up to four characters a byte) and reads that list back instead of a Buffer, so each
 * uploaded file's bytes are stored as base64 and turned back into a Buffer by `jobInput`.
 */
export function storedInput(op: OperationModel, input: ValidInput, identity: Identity | undefined): string {
  const formData: Record<string, unknown> = { ...input.formData };
  for (const name of fileFields(op)) {
    const file = formData[name] as UploadedFile | undefined;
    if (file && Buffer.isBuffer(file.buffer)) formData[name] = { ...file, buffer: file.buffer.toString('base64') };
  }
  return JSON.stringify({ input: { ...input, formData }, identity });
}

/** A stored job's input, as `storedInput` wrote it. */
export function jobInput(op: OperationModel, text: string): { input: ValidInput; identity?: Identity } {
  const stored = JSON.parse(text) as { input: ValidInput & { formData: Record<string, unknown> }; identity?: Identity };
  for (const name of fileFields(op)) {
    const file = stored.input.formData[name] as UploadedFile | undefined;
    if (file && typeof file.buffer === 'string')
      stored.input.formData[name] = { ...file, buffer: Buffer.from(file.buffer, 'base64') };
  }
  return stored;
}

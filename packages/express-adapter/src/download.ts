import type { Readable } from 'node:stream';

const DOWNLOAD = Symbol.for('flowport.download');

/** A file answer; see {@link download}. */
export interface Download {
  readonly [DOWNLOAD]: true;
  readonly content: Readable | Buffer | string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly inline: boolean;
}

/**
 * Answers with a file: streamed when `content` is a stream (never buffered whole), with
 * `Content-Disposition` (attachment, or inline for previews) and the media type given, or the
 * operation's first `produces`, or one guessed from the file name.
 * @example `return download(createReadStream(path), { filename: 'report.pdf' });`
 */
export function download(
  content: Readable | Buffer | string,
  options: { filename?: string; contentType?: string; inline?: boolean } = {},
): Download {
  return {
    [DOWNLOAD]: true,
    content,
    filename: options.filename,
    contentType: options.contentType,
    inline: options.inline === true,
  };
}

export function isDownload(value: unknown): value is Download {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[DOWNLOAD] === true;
}

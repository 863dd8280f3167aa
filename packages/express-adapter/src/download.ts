import { resolve } from 'node:path';
import { Readable } from 'node:stream';

const DOWNLOAD = Symbol.for('flowport.download');

/** A file on this server's disk, by its absolute path; see {@link downloadFile}. */
export interface FileOnDisk {
  readonly path: string;
}

/** How a file answer is presented: its name, its media type, and whether it is shown inline. */
export interface DownloadOptions {
  readonly filename?: string;
  readonly contentType?: string;
  readonly inline?: boolean;
}

/** A file answer; see {@link download} and {@link downloadFile}. */
export interface Download {
  readonly [DOWNLOAD]: true;
  readonly content: Readable | Buffer | string | FileOnDisk;
  readonly filename?: string;
  readonly contentType?: string;
  readonly inline: boolean;
}

function fileAnswer(content: Download['content'], options: DownloadOptions): Download {
  return {
    [DOWNLOAD]: true,
    content,
    filename: options.filename,
    contentType: options.contentType,
    inline: options.inline === true,
  };
}

/**
 * Answers with a file: streamed when `content` is a stream (never buffered whole), with
 * `Content-Disposition` (attachment, or inline for previews) and the media type given, or the
 * operation's first `produces`, or one guessed from the file name.
 * @example `return download(createReadStream(path), { filename: 'report.pdf' });`
 */
export function download(content: Readable | Buffer | string, options: DownloadOptions = {}): Download {
  return fileAnswer(content, options);
}

/**
 * Answers with a file on this server's disk, sent by Express's `res.sendFile` (the `send`
 * package): a `Range` request gets the bytes it asks for (206, or 416 beyond the file), so that a
 * download can resume and Logic Apps can fetch a large file in chunks; `Last-Modified` lets a
 * conditional request be answered 304, and a range of a file changed since (`If-Range`) be the
 * whole file. (No `ETag`: the app turns Express's off, which JSON answers would pay for.) A file that cannot be read is a logged 500, as a
 * stream that fails before its first byte is.
 * @example `return downloadFile(join(REPORTS, `${id}.pdf`), { filename: 'report.pdf' });`
 */
export function downloadFile(path: string, options: DownloadOptions = {}): Download {
  return fileAnswer({ path: resolve(path) }, options);
}

/** Whether a download's content is a file on disk (a stream has a `path` too when it reads one). */
export function isFileOnDisk(content: Download['content']): content is FileOnDisk {
  return typeof content === 'object' && !Buffer.isBuffer(content) && !(content instanceof Readable);
}

export function isDownload(value: unknown): value is Download {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[DOWNLOAD] === true;
}

import bytes from 'bytes';
import type { AdapterOptions } from './options';

/** Request size limits in bytes. */
export interface Limits {
  /** Largest JSON or form body, and largest form field. */
  readonly body: number;
  /** Largest uploaded file or raw binary body. */
  readonly file: number;
}

/**
 * The limits of {@link AdapterOptions}, in bytes, checked once at start-up: a wrong one is named
 * here, rather than by multer or body-parser in terms of their own options.
 */
export function limitsOf(options: Pick<AdapterOptions, 'bodyLimit' | 'fileLimit'>): Limits {
  return {
    body: byteCount('bodyLimit', options.bodyLimit ?? '1mb'),
    file: byteCount('fileLimit', options.fileLimit ?? 10 * 1024 * 1024),
  };
}

/**
 * The sizes `bytes` reads whole. Anything else it reads as far as its leading digits: '10M' or
 * '1MiB' was a limit of 10 or 1 bytes, and every request a 413.
 */
const SIZE = /^\s*\d+(?:\.\d+)?\s*(?:b|kb|mb|gb|tb|pb)?\s*$/i;

function byteCount(name: string, value: number | string): number {
  const n = typeof value === 'number' ? value : SIZE.test(value) ? bytes.parse(value) : null;
  if (n === null || !Number.isSafeInteger(n) || n < 0) {
    throw new TypeError(
      `${name} must be a whole number of bytes or a size such as '1mb' (b, kb, mb, gb, tb; 1kb is 1024 bytes); got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
    );
  }
  return n;
}

import type { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { HttpError } from './errors';

type Decoder = () => Transform;

/**
 * The content codings a body may come in: the ones body-parser decodes for a JSON or urlencoded
 * body, so that a file body of the same API takes the same ones. zstd only where zlib has it
 * (Node 22.15 and later), as body-parser decides.
 */
const DECODERS: Readonly<Record<string, Decoder>> = {
  gzip: () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
  ...zstd(),
};

function zstd(): Record<string, Decoder> {
  const create = (zlib as unknown as { createZstdDecompress?: Decoder }).createZstdDecompress;
  return typeof create === 'function' ? { zstd: () => create() } : {};
}

/** The codings a body may come in, for `Accept-Encoding` on a 415 (RFC 9110 §15.5.16). */
export const ACCEPTED_CODINGS = ['identity', ...Object.keys(DECODERS)].join(', ');

/** The body's content coding, lower case; `identity` when the request names none. */
export function contentCodingOf(header: string | undefined): string {
  return (header ?? 'identity').trim().toLowerCase() || 'identity';
}

/**
 * A stream that decodes a body in `coding`, or `undefined` for `identity`. A coding it cannot
 * decode (an unknown one, or two in a row) is a 415 that names the codings it can.
 */
export function decoderFor(coding: string): Transform | undefined {
  if (coding === 'identity') return undefined;
  const create = Object.hasOwn(DECODERS, coding) ? DECODERS[coding] : undefined;
  if (create === undefined) throw unsupportedCoding(coding, ACCEPTED_CODINGS);
  return create();
}

/** A 415 for a body in a coding this operation does not read. */
export function unsupportedCoding(coding: string, accepted: string): HttpError {
  return new HttpError(415, `Send the body without Content-Encoding ${coding}; this operation reads ${accepted}.`, [], {
    'accept-encoding': accepted,
  });
}

import { validateHeaderName, validateHeaderValue } from 'node:http';
import { Readable } from 'node:stream';
import { isDownload } from './download';
import { titleOf } from './problem';

// What a job's last poll answers: its problem when it failed, and the headers it carries.

/** The problem a failed job answers its polls with. */
export function problemOf(status: number, detail: string, errors: readonly unknown[]) {
  return { type: 'about:blank', title: titleOf(status), status, detail, errors };
}

/** A file or bytes, as a synchronous action may answer and a job cannot store. */
export function isBytes(body: unknown): boolean {
  return isDownload(body) || body instanceof Readable || body instanceof Uint8Array;
}

/** A failure whose cause is logged, not shown: the caller quotes the job. */
export function failure(id: string) {
  return problemOf(500, `The operation failed; quote job ${id} when reporting it.`, []);
}

/**
 * Headers a job's final answer is to carry, checked now as Node checks them when they are set:
 * one no answer could carry fails the job (or, with `lenient`, is left out) rather than failing
 * every poll. Its own content type and length are the status route's.
 */
export function answerHeaders(given: Readonly<Record<string, unknown>>, lenient = false): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, raw] of Object.entries(given)) {
    const value = String(raw);
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch (err) {
      if (lenient) continue;
      throw err;
    }
    if (!/^content-(type|length)$/i.test(name)) kept[name.toLowerCase()] = value;
  }
  return kept;
}

/** The failure of a job that was started `attempts` times and never finished. */
export function unfinished(id: string, attempts: number) {
  const detail = `The operation was started ${attempts} times without finishing and is not run again; quote job ${id} when reporting it.`;
  return problemOf(500, detail, []);
}

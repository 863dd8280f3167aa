import type { Job } from '@flowport/core';
import type { Request, Response } from 'express';
import { validateHeaderName, validateHeaderValue } from 'node:http';
import { Readable } from 'node:stream';
import { isDownload } from './download';
import { sendProblem, titleOf } from './problem';

// What a job's last poll answers: its result or its problem, with the headers it carries.

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
 * every poll. Its own content type and length are the status route's. Undefined when none are left.
 */
export function answerHeaders(
  given: Readonly<Record<string, unknown>>,
  lenient = false,
): Record<string, string> | undefined {
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
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The failure of a job that was started `attempts` times and never finished. */
export function unfinished(id: string, attempts: number) {
  const detail = `The operation was started ${attempts} times without finishing and is not run again; quote job ${id} when reporting it.`;
  return problemOf(500, detail, []);
}

/**
 * Answers a poll of a finished job: its problem, or its result as the handler's answer would have
 * been sent (a string as `text`, the media type of an operation that produces text), with the
 * headers it carries.
 */
export function sendFinished(req: Request, res: Response, job: Job, text: string | undefined): void {
  for (const [name, value] of Object.entries(job.headers ?? {})) res.setHeader(name, value);
  if (job.state === 'failed') {
    const problem = JSON.parse(job.result ?? '{}') as { detail?: string; errors?: [] };
    sendProblem(req, res, job.status ?? 500, problem.detail ?? 'The operation failed.', problem.errors ?? []);
    return;
  }
  const status = job.status ?? 200;
  if (status === 204 || status === 304) {
    // No content, so no Content-Length either (RFC 9110): before, `content-length: 4` of a
    // `null` Node did not send left a client or gateway waiting for four bytes.
    res.status(status).end();
    return;
  }
  const json = job.result ?? 'null';
  const body = text !== undefined && json.startsWith('"') ? (JSON.parse(json) as string) : undefined;
  res.status(status);
  res.setHeader('content-type', body === undefined ? 'application/json; charset=utf-8' : text!);
  res.setHeader('content-length', Buffer.byteLength(body ?? json));
  res.end(body ?? json);
}

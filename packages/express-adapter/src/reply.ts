const REPLY = Symbol.for('flowport.reply');

/** A handler result with an explicit status and headers, e.g. `reply(201, item, { Location })`. */
export interface Reply<T = unknown> {
  readonly [REPLY]: true;
  readonly status: number;
  readonly body: T;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Answers with this status, body and headers instead of the operation's first declared 2xx.
 * @example `return reply(201, created, { Location: `${base}/items/${created.id}` });`
 */
export function reply<T>(status: number, body: T, headers: Readonly<Record<string, string>> = {}): Reply<T> {
  return { [REPLY]: true, status, body, headers };
}

export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[REPLY] === true;
}

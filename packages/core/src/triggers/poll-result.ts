import type { PollResult } from './declarations';

// What a poll function returns, checked before the platform is answered with it, and the answer.

/** What a poll answers: 202 (nothing new) or 200 with items, the next cursor and the wait. */
export interface PollAnswer {
  readonly status: 200 | 202;
  /** An array for batch triggers, one item for single ones; absent on 202. */
  readonly body?: unknown;
  /** Signed cursor for the next Location URL. */
  readonly cursor: string;
  /** Seconds for `Retry-After`. */
  readonly retryAfter: number;
}

/**
 * The longest signed cursor a Location carries: the URL then stays within the 8,192 characters
 * that proxies and servers take (Node's own reads 16 KB of request head, many fronts 8 KB).
 */
export const MAX_SIGNED_CURSOR = 6144;

/**
 * What a poll function returned, if it is `{ items, cursor }` with the cursor as text: a number
 * was signed as one and never read back, so every later poll was a 400 that called the cursor
 * none this API issued; no list of items failed each poll with a TypeError that named nothing.
 */
export function pollResult<T>(id: string, result: PollResult<T>): PollResult<T> {
  const r = result as Partial<PollResult<T>> | undefined;
  const wrong =
    typeof r !== 'object' || r === null
      ? `${r === null ? 'null' : typeof r}`
      : !Array.isArray(r.items)
        ? 'no list of items'
        : typeof r.cursor !== 'string'
          ? `a cursor of type ${r.cursor === null ? 'null' : typeof r.cursor}`
          : undefined;
  if (wrong) {
    throw new TypeError(
      `the poll function of ${id} returned ${wrong}; it returns { items: [...], cursor: '…' }, the cursor as text`,
    );
  }
  return result;
}

/**
 * A signed cursor, if a Location URL can carry it: else the poll fails, saying why. Before, the
 * answer went out with a Location that clients could not read (fetch failed on a 27 KB header).
 */
export function locationCursor(id: string, signed: string): string {
  if (signed.length > MAX_SIGNED_CURSOR) {
    throw new RangeError(
      `the cursor the poll function of ${id} returned signs to ${signed.length} characters, more than the ${MAX_SIGNED_CURSOR} a Location URL carries safely: return a short cursor, such as the last item's id or time, not what has been seen`,
    );
  }
  return signed;
}

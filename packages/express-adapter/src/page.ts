const PAGE = Symbol.for('flowport.page');

/** A handler result for a pageable operation; see {@link page}. */
export interface PageResult<T = unknown> {
  readonly [PAGE]: true;
  readonly items: readonly T[];
  /** Cursor of the next page; undefined on the last page. */
  readonly next: string | undefined;
  /** Query parameter the next link carries the cursor in. */
  readonly parameter: string;
}

/**
 * Answers a pageable operation: `{ value: items, nextLink }`, where the next link is this
 * request's absolute URL with `parameter` set to the next cursor (absent on the last page).
 * @example `return page(rows, rows.length === top ? String(offset + top) : undefined);`
 */
export function page<T>(items: readonly T[], next: string | undefined, parameter = 'cursor'): PageResult<T> {
  return { [PAGE]: true, items, next, parameter };
}

export function isPage(value: unknown): value is PageResult {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PAGE] === true;
}

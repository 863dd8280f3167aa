import type { OperationModel } from '@flowport/core';
import type { Request } from 'express';
import { originOf } from './origin';

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
 * A cursor taken from the last item (its key, a sequence) keeps the pages of a list that grows
 * while a flow pages through it free of repeats; an offset shifts with every row added before it.
 * @example `return page(rows, rows.length === top ? String(rows[rows.length - 1].id) : undefined);`
 */
export function page<T>(items: readonly T[], next: string | undefined, parameter = 'cursor'): PageResult<T> {
  return { [PAGE]: true, items, next, parameter };
}

export function isPage(value: unknown): value is PageResult {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PAGE] === true;
}

/**
 * The body of a page: the items under `value` and the absolute next link, built from the URL the
 * caller used (scheme and host from X-Forwarded-* only when the app trusts its proxy), less the
 * `credentials` query parameters (an API key).
 */
export function pageBody(
  op: OperationModel,
  p: PageResult,
  req: Request,
  credentials: ReadonlySet<string>,
): Record<string, unknown> {
  const name = op.pageable?.nextLinkName ?? 'nextLink';
  if (p.next === undefined) return { value: p.items };
  // The next link calls this operation again: a cursor in a parameter it does not declare never
  // reaches the handler, and every page would be the first (a flow following them loops).
  if (!op.parameters.some((q) => q.in === 'query' && q.name === p.parameter)) {
    throw new Error(
      `${op.id} answered a page whose next link carries its cursor in the query parameter "${p.parameter}", which ${op.id} does not declare, so the next page would be the first again. Declare it, e.g. @Query('${p.parameter}', { visibility: 'internal', required: false }), or name a declared one: page(items, next, 'name').`,
    );
  }
  const url = new URL(req.originalUrl, originOf(req));
  for (const key of credentials) url.searchParams.delete(key);
  url.searchParams.set(p.parameter, p.next);
  return { value: p.items, [name]: url.href };
}

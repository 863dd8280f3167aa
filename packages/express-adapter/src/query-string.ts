import type { Request } from 'express';
import { parse } from 'node:querystring';

/**
 * The query part of the request's URL, as sent (percent-encoded), or undefined when it has none.
 * Mounted under a prefix, a router sees `req.url` without the prefix; the query is left as sent.
 * A fragment is no part of it: clients keep theirs, and one sent anyway ends the query, as Express
 * read it.
 */
export function queryText(req: Request): string | undefined {
  const at = req.url.indexOf('?');
  if (at < 0) return undefined;
  const hash = req.url.indexOf('#', at);
  return req.url.slice(at + 1, hash < 0 ? undefined : hash);
}

/**
 * The request's query as node:querystring reads it (Express 5's default, "simple" parser), each
 * name as the connector declares it, whatever query parser the app that mounts the router set.
 * Express 4's default ("extended", qs), or Express 5 set to it, reads `filter[status]=open` as
 * `{ filter: { status: 'open' } }`: before, a parameter declared by that name reached its handler
 * as undefined, and an API key sent as `code[x]=…` was looked for in an object.
 */
export function queryParameters(req: Request): Record<string, string | string[]> {
  const query = queryText(req);
  if (query === undefined) return Object.create(null) as Record<string, string | string[]>;
  // Every pair: Express's parser keeps the first 1,000 and drops the rest without a word, so the
  // 1,200 values of a `multi` list reached the handler as 1,000, and a parameter after them as
  // undefined. Node's bound on the request line (16 KB of headers) bounds the pairs instead.
  // Each name it gives has a value (an empty string at least), though its type allows undefined.
  return parse(query, '&', '=', { maxKeys: 0 }) as Record<string, string | string[]>;
}

import type { Request } from 'express';
import { parse } from 'node:querystring';

/**
 * The request's query as node:querystring reads it (Express 5's default, "simple" parser), each
 * name as the connector declares it, whatever query parser the app that mounts the router set.
 * Express 4's default ("extended", qs), or Express 5 set to it, reads `filter[status]=open` as
 * `{ filter: { status: 'open' } }`: before, a parameter declared by that name reached its handler
 * as undefined, and an API key sent as `code[x]=…` was looked for in an object.
 */
export function queryParameters(req: Request): Record<string, string | string[]> {
  // Mounted under a prefix, a router sees `req.url` without it; the query is left as sent.
  const at = req.url.indexOf('?');
  // Each name it gives has a value (an empty string at least), though its type allows undefined.
  return (at < 0 ? Object.create(null) : parse(req.url.slice(at + 1))) as Record<string, string | string[]>;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;

/** Characters a URL carries only percent-encoded: controls, spaces, non-ASCII, `"<>\\^\`|[]`. */
const UNSAFE = /[^\x21-\x7e]|["<>\\^`|[\]]/gu;

/** A path (or template) with its literal characters as a URL carries them: `/a b` → `/a%20b`. */
export function urlPath(path: string): string {
  return path.replace(UNSAFE, encodeURIComponent);
}

/** A variable, a character to encode, or one path-to-regexp reads as syntax. */
const ROUTE_PARTS = new RegExp(`\\{([^{}/]+)\\}|(${UNSAFE.source})|([(){}?+!*:])`, 'gu');

/**
 * A connector path template (`/items/{id}`) as an Express 5 route (`/items/:id`). Literal
 * characters path-to-regexp treats specially are escaped, and those a URL carries only
 * percent-encoded (a space, `é`, `[`, `|`…) are encoded, since Express matches the path as sent:
 * before, a route with one was published and no request could reach it. A variable name is quoted
 * (`:"item-id"`) when it is not an identifier, or when a letter or digit follows it: otherwise
 * `{width}x{height}` would read as a parameter named `widthx`.
 *
 * @throws when two variables have nothing between them (`{a}{b}`): no router can tell where one
 *   ends, so the operation cannot be served (FP1013 stops such a build, except as declared).
 */
export function toExpressPath(template: string): string {
  const adjacent = /\{([^{}/]+)\}\{([^{}/]+)\}/.exec(template);
  if (adjacent) {
    throw new Error(
      `Cannot serve ${template}: the variables {${adjacent[1]}} and {${adjacent[2]}} have nothing between them, so a request path cannot be split between them; put a literal character between them`,
    );
  }
  return template.replace(
    ROUTE_PARTS,
    (match: string, name: string | undefined, encoded: string | undefined, special: string | undefined, at: number) => {
      // A request carries these percent-encoded, and Express matches the path as it was sent.
      if (encoded !== undefined) return encodeURIComponent(encoded);
      if (special !== undefined) return `\\${special}`;
      const quoted = !IDENTIFIER.test(name!) || IDENTIFIER_CHAR.test(template.charAt(at + match.length));
      return quoted ? `:"${name!.replace(/"/g, '\\"')}"` : `:${name}`;
    },
  );
}

/** How specific one segment of a template is: a literal one is the most, then by literal characters. */
function segmentRank(segment: string): number {
  if (!segment.includes('{')) return 0;
  return 1 / (1 + segment.replace(/\{[^{}/]*\}/g, '').length);
}

/**
 * Orders two path templates for a router that takes the first route that matches: segment by
 * segment, a literal segment before one with variables, and of two with variables the one with
 * more literal characters (`{entity}('{id}')` before `{entity}`). So `/me` is not taken by
 * `/{entity}`: concrete paths are matched before templated ones, as OpenAPI says. Then the
 * shorter first, for a total order (templates with different numbers of segments never match the
 * same path); templates that rank alike keep their order, the sort being stable.
 */
export function bySpecificity(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const d = segmentRank(as[i]) - segmentRank(bs[i]);
    if (d !== 0) return d;
  }
  return as.length - bs.length;
}

/** Joins a controller prefix and a route into one path: `/a` + `b/{id}` → `/a/b/{id}`. */
export function joinPath(prefix: string, route: string): string {
  // A route under an empty prefix is kept as written (an imported path may end in "/").
  if (prefix === '' && route.startsWith('/')) return route;
  const joined = `/${prefix}/${route}`.replace(/\/+/g, '/');
  return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
}

/**
 * A route as a router tells routes apart: paths case-insensitively, variables whatever their
 * names (`GET /items/{id}` and `get /Items/{key}` are one route).
 */
export function routeKey(method: string, path: string): string {
  return `${method.toLowerCase()} ${path.toLowerCase().replace(/\{[^}]*\}/g, '{}')}`;
}

/** The `{name}` variables of a path template, in order. */
export function pathVariables(path: string): string[] {
  return [...path.matchAll(/\{([^{}/]+)\}/g)].map((m) => m[1]);
}

/** Why a path is not valid for a connector (reference §6.3), or undefined when it is. */
export function invalidPathReason(path: string): string | undefined {
  if (!path.startsWith('/')) return 'it must start with "/"';
  if (/[?#*]/.test(path)) return 'it contains "?", "#" or "*"';
  if (/\{[^}]*=/.test(path)) return 'a variable has a default ("=")';
  const stripped = path.replace(/\{[^{}/]+\}/g, '');
  if (/[{}]/.test(stripped)) return 'a variable is not closed within its segment';
  // No router can tell where the first value ends: {a}{b} routes ambiguously.
  if (/\}\{/.test(path)) return 'two variables have nothing between them';
  const twice = repeatedVariable(path);
  if (twice !== undefined) return `the variable {${twice}} appears twice`;
  return undefined;
}

/**
 * A variable a path names twice (`/items/{id}/copies/{id}`), if any: Swagger 2.0 binds a variable
 * to one path parameter, swagger-parser refuses a second `{id}`, and a router hands over the last
 * segment only. The build's FP1013 and `flowport validate`'s FP2160 ask the same question here.
 */
export function repeatedVariable(path: string): string | undefined {
  const seen = new Set<string>();
  for (const name of pathVariables(path)) {
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

/** The default operationId of a method: `score` → `Score`, `get_items` → `GetItems`. */
export function operationIdOf(method: string): string {
  return method
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** The reason phrase used as a response description when none is given. */
export function reasonPhrase(status: string): string {
  return REASONS[status] ?? (status === 'default' ? 'Error' : `Status ${status}`);
}

const REASONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
  '301': 'Moved Permanently',
  '302': 'Found',
  '304': 'Not Modified',
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not Found',
  '405': 'Method Not Allowed',
  '409': 'Conflict',
  '410': 'Gone',
  '413': 'Content Too Large',
  '415': 'Unsupported Media Type',
  '422': 'Unprocessable Content',
  '429': 'Too Many Requests',
  '500': 'Internal Server Error',
  '501': 'Not Implemented',
  '503': 'Service Unavailable',
};

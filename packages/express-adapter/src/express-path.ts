const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A connector path template (`/items/{id}`) as an Express 5 route (`/items/:id`). Literal
 * characters path-to-regexp treats specially are escaped; variable names that are not
 * identifiers are quoted (`:"item-id"`).
 */
export function toExpressPath(template: string): string {
  return template.replace(
    /\{([^{}/]+)\}|([()[\]{}?+!*:\\])/g,
    (_, name: string | undefined, special: string | undefined) => {
      if (special !== undefined) return `\\${special}`;
      return IDENTIFIER.test(name!) ? `:${name}` : `:"${name!.replace(/"/g, '\\"')}"`;
    },
  );
}

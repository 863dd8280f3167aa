/**
 * Where a problem is: in TypeScript source (class, method, parameter, property) or, for an
 * imported definition, a JSON pointer. Every diagnostic carries one.
 */
export interface SourceLocation {
  /** Controller or DTO class name. */
  readonly class?: string;
  /** Handler method name. */
  readonly method?: string;
  /** Parameter: its wire name and position in the handler's argument list. */
  readonly parameter?: { readonly name: string; readonly index: number };
  /** The status of a declared response (`200`, `default`), whose type or headers are at fault. */
  readonly response?: string;
  /** DTO property path, dot-separated for nested classes. */
  readonly property?: string;
  /** JSON pointer into an emitted or imported document. */
  readonly pointer?: string;
  /** A connector-level concern with no class, e.g. `auth` or `policies[2]`. */
  readonly connector?: string;
}

/** Renders a location as `SentimentController.score param #0 (body)`. */
export function formatLocation(at: SourceLocation): string {
  const parts: string[] = [];
  if (at.connector) parts.push(`connector ${at.connector}`);
  if (at.class) parts.push(at.method ? `${at.class}.${at.method}` : at.class);
  else if (at.method) parts.push(at.method);
  if (at.parameter) {
    // A decorator given no name (JavaScript, or a cast) leaves none to show.
    const { index, name } = at.parameter;
    parts.push(typeof name === 'string' && name !== '' ? `param #${index} (${name})` : `param #${index}`);
  }
  if (at.response) parts.push(`response ${at.response}`);
  if (at.property) parts.push(`property ${at.property}`);
  if (at.pointer !== undefined) parts.push(at.pointer || '/');
  return parts.join(' ') || 'connector';
}

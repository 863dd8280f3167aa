/*
 * What a declaration helper was given. Helpers such as `aad()` and `setHeader()` build their
 * declaration from the options they know, so an option of no such name (`tenantID`,
 * `existsaction`) never reached the declaration, and the default it meant to replace was
 * published without a word. The helper keeps what it was given beside the declaration, out of
 * sight of emission and of deep equality, for resolve() to report (FP1032).
 */

const GIVEN = Symbol('flowport.helperOptions');

/** The options a helper was given and the names it takes. */
export interface HelperOptions {
  /** The helper as it is written, e.g. `aad()`. */
  readonly helper: string;
  readonly given: object;
  readonly takes: ReadonlySet<string>;
}

/** `made`, with the options `helper` was `given` and the names it `takes` kept beside it. */
export function keepHelperOptions<T extends object>(
  made: T,
  helper: string,
  given: object,
  takes: Iterable<string>,
): T {
  Object.defineProperty(made, GIVEN, { value: { helper, given, takes: new Set(takes) } satisfies HelperOptions });
  return made;
}

/** What the helper that made `declaration` was given, when a helper made it. */
export function helperOptionsOf(declaration: object): HelperOptions | undefined {
  return (declaration as { [GIVEN]?: HelperOptions })[GIVEN];
}

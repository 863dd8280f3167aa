/**
 * How a schema's `pattern` is read where Flowport checks values against it: the request
 * validators, the build's check of defaults and enum values, `flowport validate` and FlowHost.
 *
 * JSON Schema's patterns are ECMAScript regular expressions, read with the u flag. A connector
 * written elsewhere (an imported one, a `{ schema }` literal) may hold a pattern the u flag
 * refuses but ECMAScript without it reads, as .NET does: `^\d{3}\-\d{4}$`, whose `\-` is an
 * identity escape. Such a pattern is read without the flag. Before, ajv could not compile it, and
 * every request of its operation was answered with a 500. Flowport's own patterns must compile
 * with the flag (FP1411), so that none of them is read in the looser dialect.
 */
export function patternRegExp(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch (unicode) {
    try {
      return new RegExp(pattern);
    } catch {
      throw unicode;
    }
  }
}

/** Why a pattern is no regular expression in either reading of {@link patternRegExp}. */
export function patternError(pattern: string): string | undefined {
  return reasonOf(() => patternRegExp(pattern));
}

/** Why a pattern does not compile with the u flag, which Flowport's own patterns must (FP1411). */
export function unicodePatternError(pattern: string): string | undefined {
  return reasonOf(() => new RegExp(pattern, 'u'));
}

/** What `compile` threw, without the pattern that JavaScript's message repeats. */
function reasonOf(compile: () => RegExp): string | undefined {
  try {
    compile();
    return undefined;
  } catch (err) {
    return (err as Error).message.replace(/^Invalid regular expression: \/.*\/u?: /s, '');
  }
}

import type { ProblemError } from './problem';

type Json = Record<string, unknown>;

/** What a header value must look like, by the type the definition gives it. */
const VALUE_OF: Readonly<Record<string, { readonly test: (value: string) => boolean; readonly what: string }>> = {
  integer: { test: (v) => /^-?\d+$/.test(v.trim()), what: 'an integer' },
  number: { test: (v) => v.trim() !== '' && Number.isFinite(Number(v)), what: 'a number' },
  boolean: { test: (v) => v === 'true' || v === 'false', what: 'true or false' },
};

/**
 * Checks the headers an answer declares for its status: a header the definition types as an
 * integer, a number or a boolean, sent with another value, which a flow reading that output (or the
 * platform reading `Retry-After`) cannot use. A header the answer leaves out is not a problem:
 * Swagger 2.0 has no required headers. Before, `validateResponses` checked the body only.
 */
export function responseHeaderCheck(
  declared: Json | undefined,
): ((sent: Readonly<Record<string, unknown>>) => ProblemError[]) | undefined {
  const checks = Object.entries(declared ?? {}).flatMap(([name, h]) => {
    const type = (h as Json | undefined)?.type;
    const value = typeof type === 'string' ? VALUE_OF[type] : undefined;
    return value ? [{ name, ...value }] : [];
  });
  if (checks.length === 0) return undefined;
  return (sent) => {
    const problems: ProblemError[] = [];
    for (const { name, test, what } of checks) {
      const given = sent[name.toLowerCase()];
      const values = given === undefined ? [] : Array.isArray(given) ? given : [given];
      if (values.some((v) => !test(String(v))))
        problems.push({ pointer: `/headers/${name}`, message: `must be ${what}`, code: 'type' });
    }
    return problems;
  };
}

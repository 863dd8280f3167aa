import { headerValueRefused, isCheckedHeaderType } from '@flowport/core';
import type { ProblemError } from './problem';

type Json = Record<string, unknown>;

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
    return isCheckedHeaderType(type) ? [{ name, type }] : [];
  });
  if (checks.length === 0) return undefined;
  return (sent) => {
    // By name, whatever its case: a response keeps lower-case names, a reply() the ones it was given.
    const byName = new Map(Object.entries(sent).map(([k, v]) => [k.toLowerCase(), v]));
    const problems: ProblemError[] = [];
    for (const { name, type } of checks) {
      const given = byName.get(name.toLowerCase());
      const values = given === undefined ? [] : Array.isArray(given) ? given : [given];
      const refused = values.map((v) => headerValueRefused(type, String(v))).find((what) => what !== undefined);
      if (refused) problems.push({ pointer: `/headers/${name}`, message: `must be ${refused}`, code: 'type' });
    }
    return problems;
  };
}

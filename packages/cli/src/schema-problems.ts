import type { ErrorObject } from 'ajv';

/** One place where a document departs from the schema it was checked against. */
export interface SchemaProblem {
  readonly pointer: string;
  readonly problem: string;
  /** The schema keyword that failed (`oneOf` or `anyOf` where alternatives were collapsed). */
  readonly keyword: string;
}

/** Whether `inner` is `outer` or lies inside it, as JSON pointers. */
const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}/`);

function describe(e: ErrorObject): string {
  const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
  const extra = (e.params as { additionalProperty?: string }).additionalProperty;
  if (allowed) return `${e.message}: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
  if (extra !== undefined) return `has the key "${extra}", which it may not have`;
  return e.message ?? e.keyword;
}

/**
 * ajv's errors (from `allErrors`) as one problem per place, sorted by pointer. Where a schema offers
 * alternatives (a parameter is a body or a non-body parameter, say), ajv reports every
 * alternative's failures; that place is reported once, with the deepest of them as the likely
 * reason.
 */
export function problemsOf(errors: readonly ErrorObject[]): SchemaProblem[] {
  const choices = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .map((e) => e.instancePath)
    .sort((a, b) => a.length - b.length)
    .filter((path, i, all) => !all.slice(0, i).some((outer) => within(path, outer)));
  const out: SchemaProblem[] = [];
  for (const path of choices) {
    const reasons = errors.filter(
      (e) => within(e.instancePath, path) && e.keyword !== 'oneOf' && e.keyword !== 'anyOf',
    );
    const deepest = reasons.reduce<ErrorObject | undefined>(
      (best, e) => (!best || e.instancePath.length > best.instancePath.length ? e : best),
      undefined,
    );
    const why = deepest ? `; likely ${deepest.instancePath.slice(path.length) || 'it'} ${describe(deepest)}` : '';
    out.push({ pointer: path, problem: `matches none of the forms the schema allows${why}`, keyword: 'oneOf' });
  }
  const seen = new Set<string>();
  for (const e of errors) {
    if (choices.some((path) => within(e.instancePath, path))) continue;
    const key = `${e.instancePath} ${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer: e.instancePath, problem: describe(e), keyword: e.keyword });
  }
  return out.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

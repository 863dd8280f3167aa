import { isBuiltInConstraint, loadClassValidator, type ApiModel, type SchemaModel } from '@flowport/core';
import type { ValidationError } from 'class-validator';
import type { ProblemError } from '../problem';

/**
 * Custom class-validator constraints have no schema form, so they run after schema validation,
 * on the built instance — and only for bodies (and classes of query parameters, whose fields are
 * pointed at as `/query/<name>`) whose classes declare such constraints.
 */
export function runtimeConstraintCheck(
  model: ApiModel,
  schema: SchemaModel,
  at: '/body' | '/query' = '/body',
): ((instance: unknown) => Promise<ProblemError[]>) | undefined {
  if (!reachesCustomConstraints(model, schema, new Set())) return undefined;
  // Custom constraints exist only where the app has loaded class-validator itself, so requiring
  // it here costs nothing, and apps without them never load it.
  const { validate } = loadClassValidator() as typeof import('class-validator');
  return async (instance) => {
    if (typeof instance !== 'object' || instance === null) return [];
    const errors = await validate(instance, { forbidUnknownValues: false });
    return flatten(errors, at);
  };
}

/** Whether the schema, or one it reaches, carries custom constraints (resolve() lists them). */
function reachesCustomConstraints(model: ApiModel, s: SchemaModel, seen: Set<string>): boolean {
  if (s.runtimeConstraints?.length) return true;
  if (s.ref !== undefined) {
    if (seen.has(s.ref)) return false;
    seen.add(s.ref);
    return reachesCustomConstraints(model, model.schemas.get(s.ref) ?? {}, seen);
  }
  const children = [...Object.values(s.properties ?? {}), ...(s.items ? [s.items] : [])];
  return children.some((c) => reachesCustomConstraints(model, c, seen));
}

function flatten(errors: readonly ValidationError[], base: string): ProblemError[] {
  return errors.flatMap((e) => {
    const pointer = `${base}/${e.property}`;
    // Built-in constraints were already checked by the schema, which is the contract.
    const own = Object.entries(e.constraints ?? {})
      .filter(([code]) => !isBuiltInConstraint(code))
      .map(([code, message]) => ({ pointer, message, code }));
    return [...own, ...flatten(e.children ?? [], pointer)];
  });
}

import type { OperationModel } from './types';

/** What marks the summary and description of an older revision. */
export const DEPRECATED_MARK = ' (deprecated)';

/**
 * Operation versioning by `x-ms-api-annotation`: within a family, every revision below the
 * newest stays routed (existing flows keep working) but is marked deprecated, with
 * "(deprecated)" appended to its summary and description as the platform's docs ask, so the
 * designer hides it from new flows ([D-ver]).
 */
export function deprecateOldRevisions(operations: readonly OperationModel[]): OperationModel[] {
  const newest = new Map<string, number>();
  for (const op of operations) {
    const a = op.annotation;
    if (!a) continue;
    const family = a.family ?? op.id;
    newest.set(family, Math.max(newest.get(family) ?? 0, a.revision ?? 1));
  }
  return operations.map((op) => {
    const a = op.annotation;
    if (!a) return op;
    const family = a.family ?? op.id;
    if ((a.revision ?? 1) >= (newest.get(family) ?? 0)) return op;
    const mark = (text: string | undefined) =>
      text === undefined || text.endsWith(DEPRECATED_MARK) ? text : `${text}${DEPRECATED_MARK}`;
    return { ...op, deprecated: true, summary: mark(op.summary) ?? op.summary, description: mark(op.description) };
  });
}

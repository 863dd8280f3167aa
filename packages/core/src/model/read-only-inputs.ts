import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SchemaModel, SchemaTable } from '../schema/model';
import type { OperationModel } from './types';

/**
 * Read-only properties that a request body requires. Swagger 2.0 says a read-only property is
 * never sent in a request, and the platform refuses one that an input requires; the validator,
 * which reads the published schema, asked every caller for it (a 400 unless the caller set the
 * server's own `id`). A class only answered, never sent, may require its read-only properties.
 */
export function checkReadOnlyInputs(ops: readonly OperationModel[], schemas: SchemaTable, bag: DiagnosticBag): void {
  const seen = new Set<SchemaModel>();
  for (const op of ops) {
    for (const p of op.parameters) {
      if (p.in !== 'body') continue;
      visit(p.schema, p.schema.ref ?? op.id, (owner, property) =>
        bag.report('readOnlyRequiredInput', { class: owner, property }, { name: property, operation: op.id }),
      );
    }
  }

  function visit(s: SchemaModel, owner: string, report: (owner: string, property: string) => void): void {
    if (seen.has(s)) return;
    seen.add(s);
    if (s.ref !== undefined) {
      const target = schemas.get(s.ref);
      if (target) visit(target, s.ref, report);
      return;
    }
    for (const [name, child] of Object.entries(s.properties ?? {})) {
      if (child.readOnly === true && s.required?.includes(name)) report(owner, name);
      visit(child, owner, report);
    }
    if (s.items) visit(s.items, owner, report);
    if (s.additionalProperties && typeof s.additionalProperties === 'object')
      visit(s.additionalProperties, owner, report);
  }
}

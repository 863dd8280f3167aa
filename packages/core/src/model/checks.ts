import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SchemaModel, SchemaTable } from '../schema/model';
import { formatLocation } from '../diagnostics/location';
import { memberOf } from '../metadata/store';
import { invalidPathReason, pathVariables, routeKey } from './paths';
import { checkReadOnlyInputs } from './read-only-inputs';
import { parameterIdentity } from './parameter-placement';
import { requiredLoops } from '../schema/required-loops';
import type { Class } from '../types';
import type { OperationModel } from './types';
import { DEPRECATED_MARK } from './versions';

const NO_BODY = new Set(['get', 'head', 'options']);

/**
 * How to tell two operations apart. Two controllers that inherit one method from a base class
 * cannot each give it an id there: one of them redeclares it.
 */
function duplicateIdFix(first: OperationModel, second: OperationModel): string {
  const a = first.source;
  const b = second.source;
  if (a.kind === 'method' && b.kind === 'method' && a.method === b.method) {
    const base = memberOf(a.controller, a.method)?.owner;
    if (
      base !== undefined &&
      base === memberOf(b.controller, b.method)?.owner &&
      base !== a.controller &&
      base !== b.controller
    ) {
      return `Both inherit ${base.name}.${a.method}: redeclare it in ${b.controller.name} with all its decorators (route, parameters, @Returns) and @Action({ id: "…" }), calling super.${a.method}().`;
    }
  }
  return 'Give one of them an explicit id: @Action({ id: "…" }).';
}

/** Structural rules every operation must meet before anything is emitted (reference §6.3). */
export function checkOperations(ops: readonly OperationModel[], schemas: SchemaTable, bag: DiagnosticBag): void {
  const ids = new Map<string, OperationModel>();
  const routes = new Map<string, OperationModel>();
  for (const op of ops) {
    const first = ids.get(op.id);
    if (first) {
      bag.report('duplicateOperationId', op.at, {
        id: op.id,
        first: formatLocation(first.at),
        second: formatLocation(op.at),
        fix: duplicateIdFix(first, op),
      });
    } else ids.set(op.id, op);
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(op.id)) bag.report('invalidOperationId', op.at, { id: op.id });
    // Paths are unique case-insensitively, and variable names do not distinguish routes.
    const route = routeKey(op.method, op.path);
    const clash = routes.get(route);
    if (clash) {
      bag.report('duplicateRoute', op.at, {
        method: op.method.toUpperCase(),
        path: op.path,
        first: formatLocation(clash.at),
        second: formatLocation(op.at),
      });
    } else routes.set(route, op);
    checkPath(op, bag);
    checkBodies(op, bag);
    // A summary that is not a string is reported by checkOptionTypes.
    if (typeof op.summary === 'string' && op.summary.length > 80) {
      // An older revision's summary is published with the mark, which the limit counts: say so, as
      // the summary the user wrote may be well under 80.
      const marked = op.deprecated && op.annotation && op.summary.endsWith(DEPRECATED_MARK);
      bag.report('summaryTooLong', op.at, {
        id: op.id,
        length: op.summary.length,
        marked: marked
          ? ` with the "${DEPRECATED_MARK.trim()}" that marks an older revision of "${op.annotation!.family ?? op.id}"`
          : '',
      });
    }
    for (const p of op.parameters) {
      if (p.required && p.schema.visibility === 'internal' && p.schema.default === undefined && p.in !== 'body') {
        bag.report('internalRequiredWithoutDefault', p.at, { name: p.name });
      }
    }
  }
  checkInternalRequired(schemas, bag);
  checkReadOnlyInputs(ops, schemas, bag);
}

/**
 * Loops of required properties among the DTOs (`manager!: Person` in Person): reported at the
 * class and property that start each, as `flowport validate` locates its finding of the same loop.
 */
export function checkRequiredLoops(
  schemas: SchemaTable,
  classes: ReadonlyMap<string, Class>,
  bag: DiagnosticBag,
): void {
  for (const loop of requiredLoops(schemas)) {
    const at = { class: classes.get(loop.owner)?.name ?? loop.owner, property: loop.property };
    bag.report('requiredLoop', at, { loop: loop.shown });
  }
}

function checkPath(op: OperationModel, bag: DiagnosticBag): void {
  const reason = invalidPathReason(op.path);
  if (reason) bag.report('invalidPath', op.at, { path: op.path, reason });
  const vars = pathVariables(op.path);
  const declared = op.parameters.filter((p) => p.in === 'path');
  for (const v of vars) {
    if (!declared.some((p) => p.name === v))
      bag.report('pathVariableWithoutParameter', op.at, { path: op.path, name: v });
  }
  for (const p of declared) {
    if (!vars.includes(p.name)) {
      // `/items/:id` is how Express writes it; a colon is a literal in a connector path.
      const express = op.path.split('/').includes(`:${p.name}`);
      const fix = express
        ? `Write the variable as {${p.name}}: ":${p.name}" is Express's syntax, which a connector path reads as literal text.`
        : `Add {${p.name}} to the route passed to @Get/@Post/…, or use @Query for this parameter.`;
      bag.report('pathParameterNotInTemplate', p.at, { path: op.path, name: p.name, fix });
    }
  }
  const seen = new Set<string>();
  for (const p of op.parameters) {
    const key = parameterIdentity(p.in, p.name);
    if (seen.has(key)) bag.report('duplicateParameter', p.at, { name: p.name, in: p.in });
    seen.add(key);
  }
}

function checkBodies(op: OperationModel, bag: DiagnosticBag): void {
  const bodies = op.parameters.filter((p) => p.in === 'body');
  const form = op.parameters.filter((p) => p.in === 'formData');
  if (bodies.length > 1) bag.report('multipleBodies', bodies[1].at, { count: bodies.length });
  if ((bodies.length > 0 || form.length > 0) && NO_BODY.has(op.method)) {
    bag.report('bodyOnGet', (bodies[0] ?? form[0]).at, { method: op.method.toUpperCase() });
  }
  if (bodies.length > 0 && form.length > 0) bag.report('bodyAndFormData', form[0].at);
}

/** An internal property that is required must carry a default the platform can send. */
function checkInternalRequired(schemas: SchemaTable, bag: DiagnosticBag): void {
  for (const [name, schema] of schemas) walkRequired(schema, name, bag);
}

function walkRequired(s: SchemaModel, path: string, bag: DiagnosticBag): void {
  for (const [prop, child] of Object.entries(s.properties ?? {})) {
    const required = s.required?.includes(prop) ?? false;
    // The notification URL is filled by the platform, not from a default.
    if (required && child.visibility === 'internal' && child.default === undefined && !child.notificationUrl) {
      bag.report('internalRequiredWithoutDefault', { class: path.split('.')[0], property: prop }, { name: prop });
    }
    if (!child.ref) walkRequired(child, `${path}.${prop}`, bag);
  }
}

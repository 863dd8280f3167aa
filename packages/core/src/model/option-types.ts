import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type { SchemaModel, SchemaTable } from '../schema/model';
import type { ConnectorOptions } from '../connector';
import type { Class } from '../types';
import type { OperationModel } from './types';

const A_STRING = 'a string';
const A_VISIBILITY = 'one of "important", "advanced", "internal" or "none"';

/** How a wrong value reads in a message: its type, and the value where it is short. */
function shown(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

const badText = (v: unknown, required = false) => (required || v !== undefined) && typeof v !== 'string';
const badVisibility = (v: unknown) =>
  v !== undefined && v !== 'important' && v !== 'advanced' && v !== 'internal' && v !== 'none';

type Annotated = { readonly summary?: unknown; readonly description?: unknown; readonly visibility?: unknown };

/**
 * Options whose values become text or fixed words of the definition (labels, help, visibility).
 * TypeScript's types forbid other values, but `flowport build` compiles without checking types,
 * and JavaScript has none: a `summary: 5` would be emitted as it is and make the definition
 * invalid, and an `@Action` without a summary made resolve fail on its length.
 *
 * Every operation and schema of a build passes through here, so the walk only tests values, and
 * builds a location or a message for a wrong one alone.
 */
export function checkOptionTypes(
  ops: readonly OperationModel[],
  schemas: SchemaTable,
  classes: ReadonlyMap<string, Class>,
  bag: DiagnosticBag,
): void {
  const report = (at: SourceLocation, option: string, value: unknown, expected: string) =>
    bag.report('optionType', at, { option, expected, found: shown(value) });
  const annotations = (at: SourceLocation, s: Annotated & { readonly title?: unknown }) => {
    if (badText(s.summary)) report(at, 'summary', s.summary, A_STRING);
    if (badText(s.description)) report(at, 'description', s.description, A_STRING);
    if (badText(s.title)) report(at, 'title', s.title, A_STRING);
    if (badVisibility(s.visibility)) report(at, 'visibility', s.visibility, A_VISIBILITY);
  };
  const bad = (s: SchemaModel) =>
    badText(s.summary) || badText(s.description) || badText(s.title) || badVisibility(s.visibility);
  /**
   * A schema written in place, and those written in place inside it (a reference is its own
   * class); `property` names the innermost property, for the location of a finding.
   */
  const walk = (s: SchemaModel, at: SourceLocation, property?: string): void => {
    if (bad(s)) annotations(property === undefined ? at : { ...at, property }, s);
    const properties = s.properties;
    if (properties) {
      const names = Object.keys(properties);
      for (let i = 0; i < names.length; i++) walk(properties[names[i]], at, names[i]);
    }
    if (s.items) walk(s.items, at, property);
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, at, property);
  };
  for (const op of ops) {
    if (badText(op.summary, true)) report(op.at, 'summary', op.summary, A_STRING);
    if (badText(op.description)) report(op.at, 'description', op.description, A_STRING);
    if (badVisibility(op.visibility)) report(op.at, 'visibility', op.visibility, A_VISIBILITY);
    for (const r of op.responses) {
      // The error answers resolve() adds are Flowport's own, and one schema shared by all.
      if (r.generated) continue;
      const of = `the ${r.status} response's`;
      if (badText(r.description, true)) report(op.at, `${of} description`, r.description, A_STRING);
      if (badText(r.summary)) report(op.at, `${of} summary`, r.summary, A_STRING);
      for (const name in r.headers) {
        const h = r.headers[name];
        if (badText(h.description)) report(op.at, `${of} header ${name} description`, h.description, A_STRING);
        if (badText(h.summary)) report(op.at, `${of} header ${name} summary`, h.summary, A_STRING);
      }
      if (r.schema) walk(r.schema, op.at);
    }
    for (const p of op.parameters) {
      if (p.annotations) annotations(p.at, p.annotations);
      walk(p.schema, p.at);
    }
  }
  for (const [name, schema] of schemas) walk(schema, { class: classes.get(name)?.name ?? name });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The options of `new Connector(...)` that everything after reads: without `controllers` as a
 * list of classes and `info` with its texts, resolve() could not go on (it failed with
 * "controllers is not iterable"), and a `host` or `info.version` of another type was written into
 * a definition that is not Swagger 2.0. Reports each; the caller stops when there are any.
 */
export function checkConnectorOptions(o: ConnectorOptions, bag: DiagnosticBag): void {
  const report = (option: string, value: unknown, expected: string) =>
    bag.report('optionType', { connector: option }, { option, expected, found: shown(value) });
  const text = (option: string, value: unknown, required = false) => {
    if (badText(value, required)) report(option, value, A_STRING);
  };
  const info: unknown = o.info;
  if (!isObject(info)) report('info', info, 'an object with title, description and version');
  else {
    text('info.title', info.title, true);
    text('info.description', info.description, true);
    text('info.version', info.version, true);
  }
  text('host', o.host);
  text('basePath', o.basePath);
  const controllers: unknown = o.controllers;
  if (!Array.isArray(controllers)) report('controllers', controllers, 'a list of controller classes');
  else {
    controllers.forEach((c: unknown, i) => {
      if (typeof c !== 'function') report(`controllers[${i}]`, c, 'a controller class');
    });
  }
  const triggers: unknown = o.triggers;
  if (triggers !== undefined && !Array.isArray(triggers)) report('triggers', triggers, 'a list of triggers');
}

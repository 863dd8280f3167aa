import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type { SchemaModel, SchemaTable } from '../schema/model';
import type { Class } from '../types';
import type { OperationModel } from './types';
import {
  A_STRING,
  A_VISIBILITY,
  badExtensions,
  badText,
  badVisibility,
  checkExtensions,
  shown,
} from '../diagnostics/option-checks';

type Annotated = {
  readonly summary?: unknown;
  readonly description?: unknown;
  readonly visibility?: unknown;
  readonly extensions?: unknown;
};

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
    if (badExtensions(s.extensions)) checkExtensions(at, 'extensions', s.extensions, bag);
  };
  const bad = (s: SchemaModel) =>
    badText(s.summary) ||
    badText(s.description) ||
    badText(s.title) ||
    badVisibility(s.visibility) ||
    badExtensions(s.extensions);
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

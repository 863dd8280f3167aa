import { eachSchema, eachSchemaIn, isObject, objectsIn, operations, seg, type Json } from '../document';
import { refEntry } from '../../schema/refs';
import type { Rule } from '../rule';

type Section = 'definitions' | 'parameters' | 'responses';

/** What an entry of each section describes, as a finding names it. */
const DESCRIBES: Readonly<Record<Section, string>> = {
  definitions: 'schema',
  parameters: 'parameter',
  responses: 'response',
};

/**
 * What is wrong with a `$ref` found where a reference into `section` belongs, if anything. The
 * platform reads one file and resolves only references to entries of its definitions, parameters
 * and responses ([Sch-sw] `#/definitions/$ref`).
 */
function refProblem(def: Json, ref: string, section: Section): string | undefined {
  if (!ref.startsWith('#')) return 'points outside this file, which the platform does not read';
  const name = refEntry(ref, `#/${section}/`);
  if (name === undefined || name === '') return `is not an entry of #/${section}, where this reference must point`;
  const entries = def[section] as unknown;
  if (typeof entries === 'object' && entries !== null && Object.hasOwn(entries, name)) return undefined;
  return `points at nothing: #/${section} has no entry "${name}"`;
}

/** Every `$ref` of the definition, with the section it must point into and where it stands. */
function eachRef(def: Json, visit: (ref: unknown, section: Section, pointer: string) => void): void {
  const schemas = (s: Json, pointer: string) => {
    if ('$ref' in s) visit(s.$ref, 'definitions', `${pointer}/$ref`);
  };
  eachSchema(def, schemas);
  // Shared parameters' schemas, which eachSchema reaches only through an operation that uses them.
  for (const [name, p] of Object.entries(isObject(def.parameters) ? def.parameters : {}))
    if (isObject(p)) eachSchemaIn(p.schema, `/parameters/${seg(name)}/schema`, schemas);
  for (const [path, item] of Object.entries(isObject(def.paths) ? def.paths : {})) {
    if (!isObject(item)) continue;
    for (const [i, p] of objectsIn(item.parameters))
      if ('$ref' in p) visit(p.$ref, 'parameters', `/paths/${seg(path)}/parameters/${i}/$ref`);
  }
  for (const e of operations(def)) {
    for (const [i, p] of objectsIn(e.op.parameters))
      if ('$ref' in p) visit(p.$ref, 'parameters', `${e.pointer}/parameters/${i}/$ref`);
    const responses: unknown = e.op.responses;
    for (const [status, r] of Object.entries(isObject(responses) ? responses : {}))
      if (isObject(r) && '$ref' in r) visit(r.$ref, 'responses', `${e.pointer}/responses/${seg(status)}/$ref`);
  }
}

/** References the platform cannot resolve (reference §6.3, §7), and entries that only refer. */
export const referenceRules: Rule[] = [
  {
    key: 'refTarget',
    level: 'platform',
    source: '[D-rules] $ref targets, none on path items (§6.3); [Sch-sw] #/definitions/$ref (§7)',
    check: ({ definition }, report) => {
      eachRef(definition, (ref, section, pointer) => {
        const problem = typeof ref === 'string' ? refProblem(definition, ref, section) : undefined;
        if (problem) report(pointer, { ref: String(ref), problem });
      });
      // Swagger 2.0 allows a path item to be a reference; the platform reads none, and its
      // operations are not the connector's.
      for (const [path, item] of Object.entries(isObject(definition.paths) ? definition.paths : {}))
        if (isObject(item) && '$ref' in item)
          report(`/paths/${seg(path)}/$ref`, {
            ref: String(item.$ref),
            problem: 'stands for a path item, which the platform does not read: write its operations in place',
          });
    },
  },
  {
    key: 'refAlias',
    level: 'certification',
    source: '[D-rules] a parameter, response or schema definition may not be just a $ref to another (§6.3)',
    check: ({ definition }, report) => {
      for (const section of Object.keys(DESCRIBES) as Section[]) {
        const entries: unknown = definition[section];
        for (const [name, entry] of Object.entries(isObject(entries) ? entries : {}))
          if (isObject(entry) && typeof entry.$ref === 'string')
            report(`/${section}/${seg(name)}/$ref`, {
              entry: `#/${section}/${name}`,
              ref: entry.$ref,
              what: DESCRIBES[section],
            });
      }
    },
  },
];

import {
  eachField,
  eachParameter,
  eachSchema,
  isObject,
  objectsIn,
  operations,
  operationsById,
  seg,
  type Json,
} from '../document';
import { routeKey } from '../../model/paths';
import { SCHEMA_FORMATS } from '../../schema/formats';
import { defaultProblem, IS_OF_TYPE } from '../../schema/default-check';
import { enumValuesOfAnotherType, KEYWORDS_OF } from '../../schema/keyword-checks';
import { patternError } from '../../schema/pattern';
import { requiredLoops, type LoopSchema } from '../../schema/required-loops';
import type { Rule } from '../rule';

const FORMATS: ReadonlySet<unknown> = new Set(SCHEMA_FORMATS);

/**
 * The first value a list holds twice, as JSON, or undefined. The validator refuses such lists
 * ("arrays must not contain duplicate values"): an enum's choice would be offered twice.
 */
function twice(list: unknown): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const seen = new Set<string>();
  for (const key of list.map((v) => JSON.stringify(v))) {
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return undefined;
}

/**
 * A name an object schema requires that none of its properties has, as swagger-parser reads it
 * ("listed as required but does not exist"): a misspelt property, whose value no request can then
 * give under the name the designer shows. A schema composed with `allOf` takes its properties
 * from its parts, and is left to them.
 */
function requiredAbsent(s: Json): string | undefined {
  if (!Array.isArray(s.required) || s.allOf !== undefined || (s.type !== undefined && s.type !== 'object'))
    return undefined;
  const properties = isObject(s.properties) ? s.properties : {};
  return s.required.find((name: unknown) => typeof name === 'string' && !Object.hasOwn(properties, name)) as
    string | undefined;
}

/** What is wrong with one schema node's keywords ([D-rules] schema rules), if anything. */
function malformed(s: Json): string | undefined {
  if (Array.isArray(s.enum) && s.enum.length === 0) return 'has an empty enum';
  if (Array.isArray(s.required) && s.required.length === 0) return 'has an empty required list';
  // On a non-body parameter `required` is the parameter's boolean, not a schema keyword.
  if (Array.isArray(s.required) && s.type !== undefined && s.type !== 'object') return 'has required on a non-object';
  if (s.type === 'array' && !s.items) return 'is an array without items';
  const enumTwice = twice(s.enum);
  if (enumTwice !== undefined) return `lists ${enumTwice} twice in its enum`;
  const requiredTwice = twice(s.required);
  if (requiredTwice !== undefined) return `lists ${requiredTwice} twice in required`;
  const absent = requiredAbsent(s);
  if (absent !== undefined) return `requires ${JSON.stringify(absent)}, which is none of its properties`;
  if (typeof s.discriminator === 'string') {
    // A discriminator picks the subtype by a property every value has, as text.
    const named = (s.properties as Json | undefined)?.[s.discriminator] as Json | undefined;
    const required = Array.isArray(s.required) && s.required.includes(s.discriminator);
    if (!required || named?.type !== 'string')
      return `has discriminator "${s.discriminator}", which is not one of its required string properties`;
  }
  if (typeof s.minimum === 'number' && typeof s.maximum === 'number' && s.minimum > s.maximum)
    return 'has minimum above maximum';
  if (typeof s.minLength === 'number' && typeof s.maxLength === 'number' && s.minLength > s.maxLength)
    return 'has minLength above maxLength';
  if (typeof s.minItems === 'number' && typeof s.maxItems === 'number' && s.minItems > s.maxItems)
    return 'has minItems above maxItems';
  if (s.exclusiveMinimum === true && s.minimum === undefined) return 'has exclusiveMinimum without minimum';
  if (s.exclusiveMaximum === true && s.maximum === undefined) return 'has exclusiveMaximum without maximum';
  if (s.multipleOf !== undefined && !(typeof s.multipleOf === 'number' && s.multipleOf > 0))
    return 'has a multipleOf that is not above 0';
  const patternRefused = typeof s.pattern === 'string' ? patternError(s.pattern) : undefined;
  if (patternRefused) return `has an invalid pattern ${s.pattern as string} (${patternRefused})`;
  const is = typeof s.type === 'string' ? IS_OF_TYPE[s.type] : undefined;
  const defaultRefused = s.default === undefined ? undefined : defaultProblem(s, s.default);
  if (defaultRefused) return `has a default that ${defaultRefused}`;
  // A sample the schema refuses: Swagger UI's "Try it out" fills in the example, and the
  // certification's generic tests send x-ms-test-value, so a request made from either is refused.
  for (const sample of ['example', 'x-ms-test-value'] as const) {
    const refused = s[sample] === undefined ? undefined : defaultProblem(s, s[sample]);
    if (refused) return `has an ${sample} that ${refused}`;
  }
  if (is && Array.isArray(s.enum)) {
    const [wrong] = enumValuesOfAnotherType(s.enum, s.type as string, s['x-nullable'] === true);
    if (wrong !== undefined) return `has an enum value, ${JSON.stringify(wrong)}, that is not of type ${s.type}`;
  }
  // The build's FP1427: a value the schema's other keywords refuse, which the designer offers.
  for (const value of Array.isArray(s.enum) ? s.enum : []) {
    const refused = value === null || typeof value === 'object' ? undefined : defaultProblem(s, value);
    if (refused) return `has an enum value, ${JSON.stringify(value)}, that ${refused}`;
  }
  if (is) {
    // Keywords of another kind of value, which validators ignore for this one.
    const other = KEYWORDS_OF.filter((k) => !(k.types as readonly string[]).includes(s.type as string)).flatMap((k) =>
      k.keywords.filter((keyword) => s[keyword] !== undefined),
    );
    if (other.length > 0) return `has ${other.join(', ')} on a value of type ${s.type}, where validators ignore it`;
  }
  return undefined;
}

/** Every schema, and every non-body parameter (which carries schema keywords itself). */
function eachSchemaNode(definition: Json, visit: (s: Json, pointer: string) => void): void {
  eachSchema(definition, visit);
  eachParameter(definition, (p, at) => {
    if (p.in !== 'body') visit(p, at);
  });
}

/** Schema and path well-formedness, parameter formats, references, versioning (reference §6.3–§6.5). */
export const wellformedRules: Rule[] = [
  {
    key: 'schemaMalformed',
    level: 'certification',
    source: '[D-rules] schema rules (§6.4)',
    check: ({ definition }, report) => {
      eachSchemaNode(definition, (s, pointer) => {
        const problem = malformed(s);
        if (problem) report(pointer, { problem });
      });
    },
  },
  {
    key: 'schemaRequiredLoop',
    level: 'certification',
    source: '[D-rules] schema rules (§6.4): no required loops',
    restates: 'requiredLoop',
    check: ({ definition }, report) => {
      const definitions = (definition.definitions ?? {}) as Record<string, LoopSchema>;
      for (const loop of requiredLoops(Object.entries(definitions))) {
        const property = loop.property === undefined ? '' : `/properties/${seg(loop.property)}`;
        report(`/definitions/${seg(loop.owner)}${property}`, { loop: loop.shown });
      }
    },
  },
  {
    key: 'editorDictionary',
    level: 'certification',
    source: '[D-ext] x-ms-editor "dictionary" edits an object of additional properties',
    restates: 'editorNeedsDictionary',
    check: ({ definition }, report) => {
      eachSchemaNode(definition, (s, pointer) => {
        const open = s.additionalProperties !== undefined && s.additionalProperties !== false;
        if (s['x-ms-editor'] === 'dictionary' && (s.type !== 'object' || !open)) report(pointer);
      });
    },
  },
  {
    key: 'schemaFormat',
    level: 'certification',
    source: '[Sch-sw] #/definitions/format',
    restates: 'unsupportedFormat',
    check: ({ definition }, report) => {
      eachSchemaNode(definition, (s, pointer) => {
        if (s.format !== undefined && !FORMATS.has(s.format)) report(pointer, { format: String(s.format) });
      });
    },
  },
  {
    key: 'enumValuesMismatch',
    level: 'certification',
    source: '[Sch-sw], [D-rules] x-ms-enum-values',
    restates: 'enumValueNotInEnum',
    check: ({ definition }, report) => {
      const check = (s: Json, pointer: string) => {
        const values = s['x-ms-enum-values'] as Json[] | undefined;
        if (!Array.isArray(values)) return;
        const seen = new Set<string>();
        for (const v of values) {
          const key = JSON.stringify(v?.value);
          if (!v?.displayName) report(`${pointer}/x-ms-enum-values`, { problem: `gives ${key} no displayName` });
          else if (Array.isArray(s.enum) && !s.enum.some((x: unknown) => JSON.stringify(x) === key)) {
            report(`${pointer}/x-ms-enum-values`, { problem: `names ${key}, which is not in enum` });
          } else if (seen.has(key)) report(`${pointer}/x-ms-enum-values`, { problem: `names ${key} twice` });
          seen.add(key);
        }
      };
      eachField(definition, check);
    },
  },
  {
    key: 'refSiblings',
    level: 'certification',
    source: '[D-rules] AdditionalPropertyNotAllowedAdjacentToRef',
    check: ({ definition }, report) => {
      eachSchema(definition, (s, pointer) => {
        if (typeof s.$ref !== 'string') return;
        const keys = Object.keys(s).filter((k) => k !== '$ref');
        if (keys.length > 0) report(pointer, { keys: keys.join(', ') });
      });
    },
  },
  {
    key: 'pathSyntax',
    level: 'certification',
    source: '[D-rules] path rules (§6.3)',
    check: ({ definition }, report) => {
      for (const path of Object.keys((definition.paths ?? {}) as Json)) {
        const pointer = `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (!path.startsWith('/')) report(pointer, { path, problem: 'does not start with "/"' });
        else if (/[?#*]/.test(path)) report(pointer, { path, problem: 'contains "?", "#" or "*"' });
        else if (/\{[^}]*=/.test(path)) report(pointer, { path, problem: 'gives a variable a default' });
        else if (/[{}]/.test(path.replace(/\{[^{}/]+\}/g, '')))
          report(pointer, { path, problem: 'has a variable that spans segments' });
        else if (/\}\{/.test(path)) report(pointer, { path, problem: 'has two variables with nothing between them' });
      }
    },
  },
  {
    key: 'pathDuplicate',
    level: 'certification',
    source: '[D-rules] paths unique case-insensitively, no ambiguous templates',
    check: ({ definition }, report) => {
      const seen = new Map<string, string>();
      for (const e of operations(definition)) {
        const key = routeKey(e.method, e.path);
        const first = seen.get(key);
        if (first !== undefined && first !== e.path) report(e.pointer, { first, second: e.path });
        else seen.set(key, e.path);
      }
    },
  },
  {
    key: 'collectionFormat',
    level: 'certification',
    source: '[Sch-sw] collectionFormat; [D-rules] CollectionFormatValueNotSupported, allowEmptyValue',
    check: ({ definition }, report) => {
      eachParameter(definition, (p, at) => {
        const f = p.collectionFormat;
        if (f !== undefined && !['csv', 'ssv', 'tsv', 'pipes', 'multi'].includes(f))
          report(at, { name: String(p.name), problem: `has collectionFormat "${f}"` });
        else if (f === 'multi' && p.in !== 'query' && p.in !== 'formData')
          report(at, { name: String(p.name), problem: 'uses multi outside query and form data' });
        if (p.allowEmptyValue !== undefined && p.in !== 'query' && p.in !== 'formData')
          report(at, { name: String(p.name), problem: 'has allowEmptyValue outside query and form data' });
      });
    },
  },
  {
    key: 'capabilityReference',
    level: 'certification',
    source: '[D-test] testConnection is a GET of the connector; [Sch-ap] policy operation names',
    check: ({ definition, properties }, report) => {
      const byId = operationsById(definition);
      const test = definition['x-ms-capabilities']?.testConnection?.operationId;
      if (typeof test === 'string') {
        const target = byId.get(test);
        if (!target)
          report('/x-ms-capabilities/testConnection', {
            what: 'testConnection',
            id: test,
            problem: 'which does not exist',
          });
        else if (target.method !== 'get')
          report('/x-ms-capabilities/testConnection', {
            what: 'testConnection',
            id: test,
            problem: 'which is not a GET',
          });
      }
      for (const [i, policy] of objectsIn(properties?.properties?.policyTemplateInstances)) {
        const names = policy?.parameters?.['x-ms-apimTemplate-operationName'];
        for (const id of Array.isArray(names) ? names : []) {
          if (!byId.has(id)) {
            report(`apiProperties.json#/properties/policyTemplateInstances/${i}`, {
              what: `policy "${policy.title}"`,
              id: String(id),
              problem: 'which does not exist',
            });
          }
        }
      }
    },
  },
  {
    key: 'annotationFamily',
    level: 'certification',
    source: '[D-rules] versioning: ≤ 2 live operations per family, unique revisions',
    check: ({ definition }, report) => {
      const families = new Map<string, { revisions: unknown[]; live: number; pointer: string }>();
      for (const e of operations(definition)) {
        const a = e.op['x-ms-api-annotation'] as Json | undefined;
        if (!a?.family) continue;
        const f = families.get(a.family) ?? { revisions: [], live: 0, pointer: e.pointer };
        f.revisions.push(a.revision ?? 1);
        if (!e.op.deprecated) f.live++;
        families.set(a.family, f);
      }
      for (const [family, f] of families) {
        if (f.live > 2) report(f.pointer, { family, problem: `has ${f.live} operations that are not deprecated` });
        if (new Set(f.revisions.map(String)).size !== f.revisions.length)
          report(f.pointer, { family, problem: 'repeats a revision number' });
      }
    },
  },
  {
    key: 'binaryPropertyNested',
    level: 'certification',
    source: '[D-rules] InvalidStringBinaryProperty: string/binary only at the top of a body or form parameter',
    restates: 'binaryProperty',
    check: ({ definition }, report) => {
      eachSchema(definition, (s, pointer) => {
        const nested = /\/(properties\/[^/]+|items|additionalProperties)$/.test(pointer);
        if (nested && s.type === 'string' && s.format === 'binary') report(pointer, {});
      });
    },
  },
  {
    key: 'annotationStatusAhead',
    level: 'certification',
    source: '[D-rules] an operation cannot be Production while the connector is Preview',
    check: ({ definition }, report) => {
      // Only where the connector says Preview: a connector without a status is Preview too, but
      // certified connectors (Egnyte) have Production operations under none.
      const info = (definition.info as Json | undefined)?.['x-ms-api-annotation'] as Json | undefined;
      if (info?.status !== 'Preview') return;
      for (const e of operations(definition)) {
        const a = e.op['x-ms-api-annotation'] as Json | undefined;
        if (a?.status === 'Production') report(`${e.pointer}/x-ms-api-annotation/status`, { id: e.id });
      }
    },
  },
];

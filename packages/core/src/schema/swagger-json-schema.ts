import { defaultProblem } from './default-check';

type Json = Record<string, unknown>;

/** Where the shared definitions live inside a validator's schema store. */
export const DEFINITIONS_ID = 'flowport:definitions';

/**
 * Reads a Swagger 2.0 schema, exactly as the connector definition publishes it, as JSON Schema
 * (draft-07) for ajv. Only spellings change, never meaning: `x-nullable` becomes a `null` type,
 * draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers, `$ref`s point into the
 * shared definitions, and vendor keys are dropped. Validators fill in the defaults of absent
 * properties, so a default is kept only where it is one: on an optional property, and a value
 * its own schema accepts.
 */
export function toJsonSchema(swagger: unknown, refBase: string = DEFINITIONS_ID): unknown {
  if (Array.isArray(swagger)) return swagger.map((v) => toJsonSchema(v, refBase));
  if (typeof swagger !== 'object' || swagger === null) return swagger;
  const s = swagger as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith('x-') || k === 'discriminator' || k === 'example' || k === 'readOnly') continue;
    if (k === '$ref' && typeof v === 'string') out.$ref = v.replace('#/definitions/', `${refBase}#/definitions/`);
    else out[k] = mapSubschemas(k, v, (nested) => toJsonSchema(nested, refBase));
  }
  if (s.exclusiveMinimum === true && typeof s.minimum === 'number') {
    out.exclusiveMinimum = s.minimum;
    delete out.minimum;
  } else if (typeof s.exclusiveMinimum === 'boolean') delete out.exclusiveMinimum;
  if (s.exclusiveMaximum === true && typeof s.maximum === 'number') {
    out.exclusiveMaximum = s.maximum;
    delete out.maximum;
  } else if (typeof s.exclusiveMaximum === 'boolean') delete out.exclusiveMaximum;
  // Validators fill in the defaults of absent properties. One its own schema refuses (Encodian's
  // boolean "false") would turn a request that leaves the property out into a 400, so it is not
  // carried over; nor is a required property's, since a required one that is absent must be
  // refused. For the designer, a default stays an annotation either way.
  if (out.default !== undefined && defaultProblem(s, s.default) !== undefined) delete out.default;
  if (Array.isArray(s.required) && out.properties !== undefined) {
    const properties = out.properties as Record<string, Json>;
    for (const name of s.required) {
      const property: unknown =
        typeof name === 'string' && Object.hasOwn(properties, name) ? properties[name] : undefined;
      if (typeof property === 'object' && property !== null && 'default' in property) {
        const { default: _d, ...rest } = property;
        properties[name] = rest;
      }
    }
  }
  moveInheritedDefaults(out);
  if (s['x-nullable'] === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.$ref) return { anyOf: [{ $ref: out.$ref }, { type: 'null' }] };
  }
  return out;
}

/**
 * The defaults of properties named as members of Object.prototype (`toString`, `constructor`…),
 * moved to the object's `ownDefaults`, which the request validators fill in themselves. ajv looks
 * for an absent property with `data[name] === undefined`, which finds the inherited function, and
 * then checks that function against the property's schema, since it takes a default to have been
 * filled in: a request that left out an optional boolean `toString` was refused as "must be
 * boolean" (found by test/generated-imports.test.ts).
 */
function moveInheritedDefaults(out: Json): void {
  const properties = out.properties;
  if (typeof properties !== 'object' || properties === null) return;
  let moved: Json | undefined;
  for (const [name, property] of Object.entries(properties as Record<string, unknown>)) {
    if (!(name in Object.prototype) || typeof property !== 'object' || property === null) continue;
    if (!('default' in property)) continue;
    const { default: value, ...rest } = property as Json;
    (properties as Json)[name] = rest;
    (moved ??= {})[name] = value;
  }
  if (moved) out.ownDefaults = moved;
}

/**
 * The value of one keyword of a Swagger 2.0 schema with `f` applied to each schema it holds
 * (`properties`, `definitions`, `items`, `additionalProperties`, `allOf`); any other value as it
 * is. The one walk of the schema translators.
 */
export function mapSubschemas(key: string, value: unknown, f: (schema: unknown) => unknown): unknown {
  if ((key === 'properties' || key === 'definitions') && typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, f(v)]));
  if (key === 'items' || key === 'additionalProperties') return f(value);
  if (key === 'allOf' && Array.isArray(value)) return value.map(f);
  return value;
}

type Json = Record<string, unknown>;

/** Where the shared definitions live inside a validator's schema store. */
export const DEFINITIONS_ID = 'flowport:definitions';

/**
 * Reads a Swagger 2.0 schema, exactly as the connector definition publishes it, as JSON Schema
 * (draft-07) for ajv. Only spellings change, never meaning: `x-nullable` becomes a `null` type,
 * draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers, `$ref`s point into the
 * shared definitions, and vendor keys are dropped.
 */
export function toJsonSchema(swagger: unknown, refBase: string = DEFINITIONS_ID): unknown {
  if (Array.isArray(swagger)) return swagger.map((v) => toJsonSchema(v, refBase));
  if (typeof swagger !== 'object' || swagger === null) return swagger;
  const s = swagger as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith('x-') || k === 'discriminator' || k === 'example' || k === 'readOnly') continue;
    if (k === '$ref' && typeof v === 'string') out.$ref = v.replace('#/definitions/', `${refBase}#/definitions/`);
    else if (k === 'properties' || k === 'definitions') out[k] = mapValues(v as Json, refBase);
    else if (k === 'items' || k === 'additionalProperties' || k === 'allOf') out[k] = toJsonSchema(v, refBase);
    else out[k] = v;
  }
  if (s.exclusiveMinimum === true && typeof s.minimum === 'number') {
    out.exclusiveMinimum = s.minimum;
    delete out.minimum;
  } else if (typeof s.exclusiveMinimum === 'boolean') delete out.exclusiveMinimum;
  if (s.exclusiveMaximum === true && typeof s.maximum === 'number') {
    out.exclusiveMaximum = s.maximum;
    delete out.maximum;
  } else if (typeof s.exclusiveMaximum === 'boolean') delete out.exclusiveMaximum;
  if (s['x-nullable'] === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.$ref) return { anyOf: [{ $ref: out.$ref }, { type: 'null' }] };
  }
  return out;
}

function mapValues(o: Json, refBase: string): Json {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, toJsonSchema(v, refBase)]));
}

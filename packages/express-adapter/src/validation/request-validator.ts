import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import type { ProblemError } from '../problem';
import { validatorOf } from './ajv';
import { coerce } from './coerce';
import { problemErrors } from './errors';
import { toJsonSchema } from '@flowport/core';

type Json = Record<string, unknown>;
type Location = 'path' | 'query' | 'header' | 'formData';

/** What a request carries, before coercion (headers with lower-case names). */
export interface RawInput {
  readonly path: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly header: Readonly<Record<string, unknown>>;
  readonly formData: Readonly<Record<string, unknown>>;
  readonly body: unknown;
  readonly hasBody: boolean;
}

/** The coerced, validated values, by location and wire name. */
export interface ValidInput {
  readonly path: Json;
  readonly query: Json;
  readonly header: Json;
  readonly formData: Json;
  readonly body: unknown;
}

interface Group {
  readonly location: Location;
  readonly params: readonly Json[];
  readonly validate: (value: unknown) => ErrorObject[] | undefined;
}

/**
 * Validates one operation's requests against its *emitted* parameters — the same JSON the
 * connector definition publishes — so a request passes exactly when the definition allows it.
 * Each schema is compiled once, on first use.
 */
export class RequestValidator {
  private readonly groups: Group[];
  /** `validate` is absent for a raw binary body (a stream: only its presence is checked). */
  private readonly body?: {
    readonly required: boolean;
    readonly validate?: (value: unknown) => ErrorObject[] | undefined;
  };
  private readonly files: readonly Json[];

  constructor(ajv: () => Ajv, parameters: readonly Json[]) {
    this.groups = (['path', 'query', 'header', 'formData'] as const).flatMap((location) => {
      const params = parameters.filter((p) => p.in === location && p.type !== 'file');
      if (params.length === 0) return [];
      const name = (p: Json) => (location === 'header' ? String(p.name).toLowerCase() : String(p.name));
      const schema = {
        type: 'object',
        properties: Object.fromEntries(params.map((p) => [name(p), toJsonSchema(paramSchema(p))])),
        required: params.filter((p) => p.required === true).map(name),
      };
      return [{ location, params, validate: validatorOf(ajv, schema) }];
    });
    this.files = parameters.filter((p) => p.in === 'formData' && p.type === 'file');
    const body = parameters.find((p) => p.in === 'body');
    const schema = body?.schema as Json | undefined;
    // A raw `string/binary` body is a stream: only its presence can be checked up front.
    const binary = schema?.type === 'string' && schema.format === 'binary';
    if (body) {
      this.body = {
        required: body.required === true,
        validate: binary ? undefined : validatorOf(ajv, toJsonSchema(schema) as Json),
      };
    }
  }

  /** Coerces and validates; returns every problem at once. */
  check(raw: RawInput, files: Readonly<Record<string, unknown>>): { input: ValidInput; errors: ProblemError[] } {
    const errors: ProblemError[] = [];
    // Built in place and returned as is: with an object spread of it here, V8 promoted about
    // 100 KB per scavenge to the old generation under load (`--trace-gc-nvp`), which then needed
    // full collections; without it, nothing is promoted.
    const values: Record<Location, Json> & { body: unknown } = {
      path: {},
      query: {},
      header: {},
      formData: {},
      body: raw.body,
    };
    for (const g of this.groups) {
      const source = raw[g.location];
      const target = values[g.location];
      for (const p of g.params) {
        const key = g.location === 'header' ? String(p.name).toLowerCase() : String(p.name);
        const value = source[key];
        if (value !== undefined) target[key] = coerce(value, p);
      }
      const invalid = g.validate(target);
      if (invalid) errors.push(...problemErrors(invalid, g.location));
    }
    for (const f of this.files) {
      const name = String(f.name);
      if (f.required === true && files[name] === undefined) {
        errors.push({ pointer: `/formData/${name}`, message: 'is required', code: 'required' });
      } else if (files[name] !== undefined) values.formData[name] = files[name];
    }
    if (this.body) {
      if (!raw.hasBody) {
        if (this.body.required)
          errors.push({ pointer: '/body', message: 'a request body is required', code: 'required' });
      } else {
        const invalid = this.body.validate?.(raw.body);
        if (invalid) errors.push(...problemErrors(invalid, 'body'));
      }
    }
    return { input: values, errors };
  }
}

/** A non-body Swagger parameter is its own schema, minus the parameter-only keys. */
function paramSchema(p: Json): Json {
  const { name: _n, in: _i, required: _r, description: _d, collectionFormat: _c, allowEmptyValue: _a, ...schema } = p;
  return schema;
}

import type { ProblemError } from '../problem';
import { coerce } from './coerce';
import { MAX_BODY_DEPTH, nestsWithoutBound, scanOpenBody } from './depth';
import { escape, MAX_LISTED_PROBLEMS, problemErrors } from './errors';
import { nonFiniteNumbers } from './non-finite';
import { requestSchemas, type Location } from './request-schemas';
import type { Validate, Validators } from './validators';

type Json = Record<string, unknown>;

/** Parameter types whose empty value is a value: the empty string and the empty list. */
const CAN_BE_EMPTY = new Set<unknown>(['string', 'array']);

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
  readonly validate: Validate;
}

/**
 * Validates one operation's requests against its *emitted* parameters — the same JSON the
 * connector definition publishes — so a request passes exactly when the definition allows it.
 */
export class RequestValidator {
  private readonly groups: Group[];
  /** `validate` is absent for a raw binary body (a stream: only its presence is checked). */
  private readonly body?: { readonly required: boolean; readonly validate?: Validate; readonly maxDepth?: number };
  private readonly files: readonly Json[];
  /** Whether the operation declares a header parameter, so that the request's headers are read. */
  readonly readsHeaders: boolean;

  constructor(validators: Validators, parameters: readonly Json[]) {
    const schemas = requestSchemas(parameters);
    this.groups = schemas.groups.map((g) => ({
      location: g.location,
      params: g.params,
      validate: validators.of(g.schema),
    }));
    this.files = schemas.files;
    this.readsHeaders = this.groups.some((g) => g.location === 'header');
    if (schemas.body) {
      const { required, schema } = schemas.body;
      const maxDepth = schema && nestsWithoutBound(schema, validators.definitions) ? MAX_BODY_DEPTH : undefined;
      this.body = { required, validate: schema && validators.of(schema), maxDepth };
    }
  }

  /**
   * Coerces and validates; returns every problem at once, or the first {@link MAX_LISTED_PROBLEMS}
   * of them with `truncated`.
   */
  check(
    raw: RawInput,
    files: Readonly<Record<string, unknown>>,
  ): { input: ValidInput; errors: ProblemError[]; truncated: boolean } {
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
      let repeated: string[] | undefined;
      for (const p of g.params) {
        const key = g.location === 'header' ? String(p.name).toLowerCase() : String(p.name);
        // Cookie lines are one list (HTTP/2 sends one per cookie; RFC 9113 §8.2.3), joined as Node does.
        // Own keys only: an optional `toString` or `constructor` left out was read from
        // Object.prototype, and the request refused as "must be string".
        const given = Object.hasOwn(source, key) ? source[key] : undefined;
        const value = key === 'cookie' && g.location === 'header' ? joinedCookie(given) : given;
        // `allowEmptyValue`: `?page=` is sent for a value left empty, which a number or boolean
        // cannot be, so it is taken as left out (and gets the default, if any). A string can be
        // empty, and so can a list: `?tags=` is no tags, as it is without the option.
        if (value === undefined || (value === '' && p.allowEmptyValue === true && !CAN_BE_EMPTY.has(p.type))) continue;
        const coerced = coerce(value, p, g.location === 'header');
        // `?top=1&top=2` for a parameter of one value: ajv would only say "must be integer".
        if (Array.isArray(coerced) && p.type !== 'array') {
          const pointer = `/${g.location}/${escape(key)}`;
          (repeated ??= []).push(pointer);
          errors.push({
            pointer,
            message: `is given ${coerced.length} times; it takes one value`,
            code: 'repeated',
          });
        }
        target[key] = coerced;
      }
      const invalid = g.validate(target);
      if (invalid) {
        // One more than fits tells that some were left out (below); a spread of 300,000 overflowed the stack.
        for (const e of problemErrors(invalid, g.location, target, MAX_LISTED_PROBLEMS + 1)) {
          if (!repeated?.includes(e.pointer)) errors.push(e);
        }
      }
    }
    for (const f of this.files) {
      const name = String(f.name);
      if (Object.hasOwn(files, name)) values.formData[name] = files[name];
      else if (Object.hasOwn(raw.formData, name)) {
        // A text part where the definition has a file: before, it was dropped without a word.
        errors.push({
          pointer: `/formData/${name}`,
          message: 'is a text field; send it as a file (a part with a filename)',
          code: 'file',
        });
      } else if (f.required === true) {
        errors.push({ pointer: `/formData/${name}`, message: 'is required', code: 'required' });
      }
    }
    if (this.body) {
      if (!raw.hasBody) {
        if (this.body.required)
          errors.push({ pointer: '/body', message: 'a request body is required', code: 'required' });
      } else {
        const { maxDepth } = this.body;
        const open = maxDepth === undefined ? undefined : scanOpenBody(raw.body, maxDepth);
        if (open === 'tooDeep') {
          const message = `nests deeper than ${maxDepth} levels, which this API does not accept`;
          errors.push({ pointer: '/body', message, code: 'maxDepth' });
        } else {
          const invalid = this.body.validate?.(raw.body);
          const found = invalid ? problemErrors(invalid, 'body', raw.body, MAX_LISTED_PROBLEMS + 1) : [];
          for (const e of found) errors.push(e);
          // A place that takes any JSON took 1e400, which JSON.parse reads as Infinity and the
          // handler would store or answer as null; a typed place refuses it (ajv's strictNumbers).
          if (open === 'nonFinite')
            for (const e of nonFiniteNumbers(raw.body, '/body', MAX_LISTED_PROBLEMS + 1))
              if (!found.some((f) => f.pointer === e.pointer)) errors.push(e);
        }
      }
    }
    const truncated = errors.length > MAX_LISTED_PROBLEMS;
    if (truncated) errors.length = MAX_LISTED_PROBLEMS;
    return { input: values, errors, truncated };
  }
}

function joinedCookie(value: unknown): unknown {
  return Array.isArray(value) ? value.join('; ') : value;
}

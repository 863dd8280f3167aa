import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { createAjv } from './ajv';
import { keyOf, type PrecompiledValidate } from './precompiled';

/** A compiled schema: ajv's errors for an invalid value, undefined for a valid one. */
export type Validate = (value: unknown) => ErrorObject[] | undefined;

/**
 * The validators of one app. A schema found among the precompiled ones (`flowport build
 * --validators`) is checked by that code; any other is compiled by ajv on its first use.
 *
 * Why not compile everything at start-up: loading ajv (66 modules) and compiling the example's
 * schemas held up its start by about 45 ms before it could answer anything. Compiled on first
 * use, a process compiles only what its requests need; precompiled, it never loads ajv's
 * compiler at all.
 */
export class Validators {
  private ajv?: Ajv;

  /** @param definitions - the connector's definitions as JSON Schema ({@link jsonDefinitions}). */
  constructor(
    readonly definitions: Record<string, unknown>,
    private readonly precompiled: Readonly<Record<string, PrecompiledValidate>> = {},
  ) {}

  /** The validator of one schema. */
  of(schema: object): Validate {
    const key = keyOf(schema);
    let validate: PrecompiledValidate | undefined = Object.hasOwn(this.precompiled, key)
      ? this.precompiled[key]
      : undefined;
    return (value) => {
      validate ??= (this.ajv ??= createAjv(this.definitions)).compile(schema);
      return validate(value) ? undefined : (validate.errors ?? []);
    };
  }
}

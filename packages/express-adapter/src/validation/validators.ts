import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { createAjv } from './ajv';
import { thrownMessage } from '../thrown';
import { keyOf, type PrecompiledValidate } from './precompiled';

/**
 * What to do where ajv cannot compile: a process run with `--disallow-code-generation-from-strings`
 * (or a host that forbids eval) refuses the `new Function` ajv compiles a schema into.
 */
export const NO_CODE_GENERATION =
  'this process does not allow code generation from strings (node --disallow-code-generation-from-strings, or a host that forbids eval), which ajv compiles validators with: write them ahead with flowport build <module> --validators <file>, and give that file to createApp as precompiledValidators (validateResponses, which checks answers with ajv, needs code generation)';

let codeGeneration: boolean | undefined;

/** Whether this process may compile code from strings; asked once, and only where a schema is not precompiled. */
function mayGenerateCode(): boolean {
  if (codeGeneration === undefined) {
    try {
      new Function('return 0');
      codeGeneration = true;
    } catch {
      codeGeneration = false;
    }
  }
  return codeGeneration;
}

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

  /**
   * The validator of one schema. Where it would have to be compiled and this process cannot, the
   * app fails to start: before, it started, and answered every request with a 500.
   */
  of(schema: object): Validate {
    const key = keyOf(schema);
    let validate: PrecompiledValidate | undefined = Object.hasOwn(this.precompiled, key)
      ? this.precompiled[key]
      : undefined;
    if (validate === undefined && !mayGenerateCode()) throw new Error(`Flowport: ${NO_CODE_GENERATION}.`);
    return (value) => {
      validate ??= this.compile(schema);
      return validate(value) ? undefined : (validate.errors ?? []);
    };
  }

  /**
   * Flowport's own schemas always compile; one written as given (a `{ schema }` literal, an
   * imported definition) may not. Before, the log said only what ajv says ("type must be
   * JSONType or JSONType[]: strin"), not where to look.
   */
  private compile(schema: object): PrecompiledValidate {
    try {
      return (this.ajv ??= createAjv(this.definitions)).compile(schema);
    } catch (error) {
      if (error instanceof EvalError) throw new Error(`Flowport: ${NO_CODE_GENERATION}.`, { cause: error });
      throw new Error(
        `ajv cannot compile a schema of this operation (${thrownMessage(error)}): one written as given, a { schema } literal or an imported definition, is not JSON Schema; flowport validate names the place`,
        { cause: error },
      );
    }
  }
}

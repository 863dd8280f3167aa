/**
 * The keywords Flowport checks with its own code in place of ajv's. ajv compares objects with
 * fast-deep-equal, which a request could turn against the app (ajv-validator/ajv#2624):
 * - an object with a `valueOf` or `toString` property that is not a function, such as
 *   `[{"valueOf": 1}, {"valueOf": 1}]` under `uniqueItems` or `{"valueOf": 1}` against an `enum`
 *   of objects, made it throw, and the request was answered 500;
 * - `uniqueItems` compared items pairwise: 20,000 distinct objects (470 KB) held the event loop for
 *   7 s; and for strings it keyed a plain object by each item, so `["__proto__", "__proto__"]`
 *   passed.
 *
 * These compare canonical JSON (`./json-equal`) and report as ajv's keywords do. They take what
 * they need of ajv from the caller, which has loaded it: an app whose validators are precompiled
 * never loads ajv's compiler.
 */
import type { CodeKeywordDefinition } from 'ajv';
import { duplicateOf, isOneOf } from './json-equal';
import { fillOwnDefaults } from './own-defaults';

/** ajv's code generators. */
type Codegen = Pick<typeof import('ajv'), '_' | 'str'>;

/** `uniqueItems`: params `{ i, j }`, where item `i` repeats item `j`, as ajv's. */
export function uniqueItemsKeyword({ _, str }: Codegen): CodeKeywordDefinition {
  return {
    keyword: 'uniqueItems',
    type: 'array',
    schemaType: 'boolean',
    error: {
      message: ({ params }) => str`must NOT have duplicate items (items ## ${params.j} and ${params.i} are identical)`,
      params: ({ params }) => _`{i: ${params.i}, j: ${params.j}}`,
    },
    code(cxt) {
      if (cxt.schema !== true) return;
      // By reference when compiled in-process; in standalone code, required beside the loader.
      const find = cxt.gen.scopeValue('func', { ref: duplicateOf, code: _`require("./json-equal").duplicateOf` });
      const found = cxt.gen.const('duplicate', _`${find}(${cxt.data})`);
      cxt.setParams({ j: _`${found}[0]`, i: _`${found}[1]` });
      cxt.fail(_`${found} !== undefined`);
    },
  };
}

/**
 * `enum`: ajv's own code for an enum of scalars, which compares with `===`; an enum with an object
 * or an array among its members is compared by canonical JSON.
 */
export function enumKeyword(ajvEnum: CodeKeywordDefinition, { _ }: Codegen): CodeKeywordDefinition {
  return {
    ...ajvEnum,
    code(cxt) {
      const members = cxt.schema as readonly unknown[];
      if (cxt.$data || members.every((m) => m === null || typeof m !== 'object')) return ajvEnum.code(cxt);
      const find = cxt.gen.scopeValue('func', { ref: isOneOf, code: _`require("./json-equal").isOneOf` });
      cxt.pass(_`${find}(${cxt.data}, ${cxt.schemaCode})`);
    },
  };
}

/**
 * `ownDefaults`: fills in the defaults `toJsonSchema` moved out of properties named as members of
 * Object.prototype, before `properties` checks them, so that such a property left out gets its
 * default and is checked as ajv checks the others.
 */
export function ownDefaultsKeyword({ _ }: Codegen): CodeKeywordDefinition {
  return {
    keyword: 'ownDefaults',
    type: 'object',
    schemaType: 'object',
    before: 'properties',
    code(cxt) {
      const fill = cxt.gen.scopeValue('func', {
        ref: fillOwnDefaults,
        code: _`require("./own-defaults").fillOwnDefaults`,
      });
      cxt.gen.code(_`${fill}(${cxt.data}, ${cxt.schemaCode})`);
    },
  };
}

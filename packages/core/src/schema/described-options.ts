import {
  Checks,
  checkOptionNames,
  checkOptions,
  flag,
  isObject,
  text,
  type OptionCheck,
  type OptionTable,
} from '../diagnostics/option-checks';
import type {
  DynamicListOptions,
  DynamicPropertiesOptions,
  DynamicSchemaOptions,
  DynamicTreeCall,
  DynamicTreeOptions,
  DynamicValuesOptions,
} from '../types';
import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import { OPTION_NAMES } from '../model/option-names';

/*
 * The options of the declarations that describe a schema: parameter decorators, `@Field` and
 * `@Schema`, checked against their TypeScript types as the connector's and operations' are
 * (FP1018; model/declared-options.ts).
 */

const enumValue = (v: unknown) =>
  isObject(v) && typeof v.displayName === 'string' && ['string', 'number', 'boolean'].includes(typeof v.value);

const METHOD_REFERENCE = 'a method reference, () => Controller.prototype.method';

/**
 * Checks `v` as an object whose options `table` checks, every one of them, given or not, and
 * which has no other: `titlePath` for `title` left a dropdown of bare ids, and `collectionPath`
 * for `collection` an empty one, seen only in the designer after the connector was published.
 */
function shaped<T>(expected: string, table: OptionTable<T>): OptionCheck {
  const names = new Set(Object.keys(table));
  return (c, v, k) => {
    if (!c.object(k, v, expected)) return;
    c.names(k, v, names);
    c.each(table, v, `${k}.`);
  };
}
const required: OptionCheck = (c, v, k) => c.text(k, v, true);
const reference: OptionCheck = (c, v, k) => {
  if (typeof v !== 'function') c.report(k, v, METHOD_REFERENCE);
};
const optionalReference: OptionCheck = (c, v, k) => v === undefined || reference(c, v, k);
const bindings: OptionCheck = (c, v, k) => {
  if (v !== undefined) c.object(k, v, 'an object of arguments by parameter name');
};

/** One side (`open` or `browse`) of a dynamic tree. */
const treeCall = shaped<DynamicTreeCall>('an object with operation and the item paths', {
  operation: reference,
  parameters: bindings,
  itemsPath: text,
  itemValuePath: required,
  itemTitlePath: required,
  itemFullTitlePath: text,
  itemIsParent: text,
});

const treeSettings = shaped<NonNullable<DynamicTreeOptions['settings']>>(
  'an object with canSelectParentNodes and canSelectLeafNodes',
  { canSelectParentNodes: flag, canSelectLeafNodes: flag },
);

/**
 * The dynamic sources of a parameter or property. Before, `dynamicValues: 'langs'` was published
 * as an empty `x-ms-dynamic-values`, and a path of another type failed the build with
 * "path.split is not a function".
 */
const DYNAMIC_OPTIONS: Readonly<Record<string, OptionCheck>> = {
  dynamicValues: shaped<DynamicValuesOptions>('an object with operation, collection, value and title', {
    operation: optionalReference,
    capability: (c, v, k) => c.oneOf(k, v, ['file-picker']),
    parameters: bindings,
    collection: text,
    value: required,
    title: text,
  }),
  dynamicSchema: shaped<DynamicSchemaOptions>('an object with operation, parameters and valuePath', {
    operation: reference,
    parameters: bindings,
    valuePath: text,
  }),
  dynamicList: shaped<DynamicListOptions>('an object with operation, parameters and the item paths', {
    operation: reference,
    parameters: bindings,
    itemsPath: text,
    itemValuePath: text,
    itemTitlePath: text,
  }),
  dynamicProperties: shaped<DynamicPropertiesOptions>('an object with operation, parameters and itemValuePath', {
    operation: reference,
    parameters: bindings,
    itemValuePath: text,
  }),
  dynamicTree: shaped<DynamicTreeOptions>('an object with open, browse and settings', {
    open: treeCall,
    browse: (c, v, k) => v === undefined || treeCall(c, v, k),
    settings: (c, v, k) => v === undefined || treeSettings(c, v, k),
  }),
};

/**
 * The options a parameter and a DTO property share, beyond their texts (checkOptionTypes reads
 * those from the model) and their validation keywords (checkKeywords reads those from the
 * schema). `enum: 'ab'` was published as the values "a" and "b"; `required: 'yes'` was written
 * into the definition as it was.
 */
const DESCRIBED_OPTIONS: Readonly<Record<string, OptionCheck>> = {
  enum: (c, v, k) => {
    if (!Array.isArray(v)) c.object(k, v, 'a list of values, or an enum object');
  },
  enumValues: (c, v, k) => c.list(k, v, ['{ value, displayName }', 'a { value, displayName }'], enumValue),
  format: text,
  required: flag,
  title: text,
  ...DYNAMIC_OPTIONS,
};

const PARAMETER_OPTIONS: Readonly<Record<string, OptionCheck>> = {
  ...DESCRIBED_OPTIONS,
  urlEncoding: (c, v, k) => c.oneOf(k, v, ['single', 'double']),
  collectionFormat: (c, v, k) => c.oneOf(k, v, ['csv', 'ssv', 'tsv', 'pipes', 'multi']),
  allowEmptyValue: flag,
};

const FIELD_OPTIONS: Readonly<Record<string, OptionCheck>> = {
  ...DESCRIBED_OPTIONS,
  nullable: flag,
  readOnly: flag,
  notificationUrl: flag,
  mediaKind: (c, v, k) => c.oneOf(k, v, ['image', 'audio']),
  editor: (c, v, k) => c.oneOf(k, v, ['dictionary']),
};

/** A parameter decorator's name and options (`@Query(name, options)`, `@Body(options)`). */
export function checkParameterOptions(
  name: unknown,
  o: unknown,
  decorator: string,
  at: SourceLocation,
  bag: DiagnosticBag,
): void {
  if (name === undefined) {
    const named = decorator.split('/')[0];
    const fix =
      decorator === '@Query'
        ? "Name it first: @Query('top', { … }) top?: number. Without a name, @Query() takes a class whose fields are the query parameters: @Query() query: ListQuery, the class alone (TypeScript records ListQuery | undefined as Object)."
        : `Name it first: ${named}('id', { … }) id: string.`;
    bag.report('parameterWithoutName', at, { decorator: named, fix });
  } else if (typeof name !== 'string') new Checks(() => at, bag).text('the parameter name', name, true);
  if (isObject(o)) {
    checkOptionNames(o, decorator === '@Body' ? OPTION_NAMES.body : OPTION_NAMES.parameter, decorator, at, bag);
    checkOptions(PARAMETER_OPTIONS, o, at, bag);
  } else if (o !== undefined) new Checks(() => at, bag).object('the parameter options', o, 'an object');
}

/** `@Field(options)` of a DTO property. */
export function checkFieldOptions(o: object, at: SourceLocation, bag: DiagnosticBag): void {
  checkOptionNames(o, OPTION_NAMES.field, '@Field', at, bag);
  checkOptions(FIELD_OPTIONS, o, at, bag);
}

const TYPE_WORDS: readonly unknown[] = ['file', 'binary', 'integer', 'object', 'any'];

const SCHEMA_OPTIONS: Readonly<Record<string, OptionCheck>> = {
  name: (c, v, k) => c.text(k, v, true),
  inline: flag,
  schema: (c, v, k) => c.object(k, v, 'an object: the schema as written'),
  additionalProperties: (c, v, k) => {
    if (
      typeof v === 'string'
        ? !TYPE_WORDS.includes(v)
        : typeof v !== 'boolean' && typeof v !== 'function' && !Array.isArray(v) && !isObject(v)
    )
      c.report(k, v, 'true, false or the type of the values');
  },
};

/** Definition names Flowport writes into `$ref` URLs as they are: no escaping needed. */
const DEFINITION_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * `@Schema(options)` of a class. Before, `{ inline: 'yes' }` wrote the class in place, and a name
 * such as "Order line" or "a/b" was written into `#/definitions/…` references as it was, which
 * is not a URL ("a/b" even points elsewhere). An imported connector keeps the names it has.
 */
export function checkSchemaOptions(o: object, at: SourceLocation, bag: DiagnosticBag, conventions: boolean): void {
  checkOptionNames(o, OPTION_NAMES.schema, '@Schema', at, bag);
  checkOptions(SCHEMA_OPTIONS, o, at, bag);
  const name = (o as { name?: unknown }).name;
  if (conventions && typeof name === 'string' && !DEFINITION_NAME.test(name))
    new Checks(() => at, bag).report(
      'name',
      name,
      'letters, digits, "_", "." and "-" only (it is written into $ref URLs)',
    );
}

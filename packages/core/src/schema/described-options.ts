import { Checks, checkOptions, flag, isObject, text, type OptionCheck } from '../diagnostics/option-checks';
import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';

const enumValue = (v: unknown) =>
  isObject(v) && typeof v.displayName === 'string' && ['string', 'number', 'boolean'].includes(typeof v.value);

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
export function checkParameterOptions(name: unknown, o: unknown, at: SourceLocation, bag: DiagnosticBag): void {
  if (typeof name !== 'string') new Checks(() => at, bag).text('the parameter name', name, true);
  if (isObject(o)) checkOptions(PARAMETER_OPTIONS, o, at, bag);
  else if (o !== undefined) new Checks(() => at, bag).object('the parameter options', o, 'an object');
}

/** `@Field(options)` of a DTO property. */
export function checkFieldOptions(o: object, at: SourceLocation, bag: DiagnosticBag): void {
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
  checkOptions(SCHEMA_OPTIONS, o, at, bag);
  const name = (o as { name?: unknown }).name;
  if (conventions && typeof name === 'string' && !DEFINITION_NAME.test(name))
    new Checks(() => at, bag).report(
      'name',
      name,
      'letters, digits, "_", "." and "-" only (it is written into $ref URLs)',
    );
}

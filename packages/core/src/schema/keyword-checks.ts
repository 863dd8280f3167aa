import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import { defaultProblem, IS_OF_TYPE } from './default-check';
import { STRING_FORMATS } from './formats';
import type { SchemaModel } from './model';
import { multipleBetween } from './multiple-of';
import { unicodePatternError } from './pattern';

/**
 * Reports keywords that no value can meet or that no validator can compile: an empty `enum`
 * (which the Swagger 2.0 schema refuses too), a `pattern` that is not a regular expression, and a
 * lower bound above the upper one; and a `default` its own schema refuses ({@link defaultProblem}),
 * which the platform fills in for the user. Left alone, the first two made every request a 500
 * (the validator could not be built), the others a 400. Checks the schema and its array items.
 */
export function checkKeywords(s: SchemaModel, bag: DiagnosticBag, at: SourceLocation): void {
  // Straight-line property reads: this runs for every property and parameter of a first
  // resolve, and a loop over keyword pairs cost more than the rest of the checks together.
  checkNode(s, bag, at);
  if (s.items !== undefined) checkNode(s.items, bag, at);
}

function checkNode(node: SchemaModel, bag: DiagnosticBag, at: SourceLocation): void {
  if (node.ref !== undefined || node.literal !== undefined) return;
  checkValues(node, node.type, bag, at);
  if (node.enum !== undefined) {
    if (node.enum.length === 0) bag.report('emptyEnum', at);
    else if (node.type !== undefined) checkEnumType(node, node.type, node.enum, bag, at);
    checkEnumValues(node, bag, at);
  }
  if (node.pattern !== undefined) {
    const reason = unicodePatternError(node.pattern);
    if (reason) bag.report('invalidRegularExpression', at, { pattern: node.pattern, reason });
  }
  if (node.minimum !== undefined && node.maximum !== undefined) {
    const [low, high] = [node.exclusiveMinimum === true, node.exclusiveMaximum === true];
    const bounds = (and: string) =>
      `${low ? 'exclusive ' : ''}minimum ${node.minimum}${and}${high ? 'exclusive ' : ''}maximum ${node.maximum}`;
    if (node.minimum > node.maximum || (node.minimum === node.maximum && (low || high))) {
      bag.report('unsatisfiableBounds', at, { bounds: bounds(' and ') });
    } else if (
      isNumber(node.multipleOf) &&
      node.multipleOf > 0 &&
      !multipleBetween(node.minimum, node.maximum, node.multipleOf, low, high)
    ) {
      // Before, `minimum: 5, maximum: 5, multipleOf: 2` was published, and every value refused.
      bag.report('unsatisfiableBounds', at, { bounds: `${bounds(', ')} and multipleOf ${node.multipleOf}` });
    }
  }
  if (node.default !== undefined) {
    // A Date is published as JSON writes it.
    const problem = defaultProblem(node, node.default instanceof Date ? node.default.toJSON() : node.default);
    if (problem) bag.report('invalidDefault', at, { value: JSON.stringify(node.default), problem });
  }
  if (node.minLength !== undefined && node.maxLength !== undefined && node.minLength > node.maxLength) {
    bag.report('unsatisfiableBounds', at, { bounds: `minLength ${node.minLength} and maxLength ${node.maxLength}` });
  }
  if (node.minItems !== undefined && node.maxItems !== undefined && node.minItems > node.maxItems) {
    bag.report('unsatisfiableBounds', at, { bounds: `minItems ${node.minItems} and maxItems ${node.maxItems}` });
  }
  if (node.uniqueItems === true && isCount(node.minItems) && node.items !== undefined) {
    // Before, `@IsIn(['x'], { each: true }) @ArrayMinSize(2) @ArrayUnique()` was published, and
    // every list refused.
    const distinct = distinctValues(node.items);
    if (distinct !== undefined && node.minItems > distinct) {
      const values = distinct === 1 ? 'one value' : `${distinct} values`;
      bag.report('unsatisfiableBounds', at, {
        bounds: `minItems ${node.minItems} of unique items, where an item takes ${values},`,
      });
    }
  }
  if (node.type !== undefined) checkApplies(node, node.type, bag, at);
}

/** How many values an item can take, where they are few: an enum's, or a boolean's. */
function distinctValues(items: SchemaModel): number | undefined {
  if (items.ref !== undefined || items.literal !== undefined) return undefined;
  if (Array.isArray(items.enum)) return new Set(items.enum.map((v) => JSON.stringify(v))).size;
  if (items.type === 'boolean') return items.nullable === true ? 3 : 2;
  return undefined;
}

const NUMBER = 'a number';
const COUNT = 'a whole number, 0 or more';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/**
 * Keyword values of another type than the schema's: `@Length('x')` wrote `maxLength: null` (NaN
 * as JSON writes it), `@Length(-1)` and `@ArrayMaxSize(2.5)` wrote values the Swagger 2.0 schema
 * refuses, and a parameter's `{ pattern: 5 }` a pattern that is a number. Only the keywords of the
 * node's own kind are read (checkApplies reports the others), and a report is built only for a
 * wrong value: this runs for every property and parameter of a first resolve.
 */
function checkValues(node: SchemaModel, type: string | undefined, bag: DiagnosticBag, at: SourceLocation): void {
  if (type === 'string') {
    if (node.minLength !== undefined && !isCount(node.minLength)) wrong(bag, at, 'minLength', node.minLength, COUNT);
    if (node.maxLength !== undefined && !isCount(node.maxLength)) wrong(bag, at, 'maxLength', node.maxLength, COUNT);
    if (node.pattern !== undefined && typeof node.pattern !== 'string')
      wrong(bag, at, 'pattern', node.pattern, 'a string');
  } else if (type === 'number' || type === 'integer') {
    if (node.minimum !== undefined && !isNumber(node.minimum)) wrong(bag, at, 'minimum', node.minimum, NUMBER);
    if (node.maximum !== undefined && !isNumber(node.maximum)) wrong(bag, at, 'maximum', node.maximum, NUMBER);
    if (node.multipleOf !== undefined && !(isNumber(node.multipleOf) && node.multipleOf > 0))
      wrong(bag, at, 'multipleOf', node.multipleOf, 'a number above 0');
    if (node.exclusiveMinimum !== undefined && typeof node.exclusiveMinimum !== 'boolean')
      wrong(bag, at, 'exclusiveMinimum', node.exclusiveMinimum, 'true or false');
    if (node.exclusiveMaximum !== undefined && typeof node.exclusiveMaximum !== 'boolean')
      wrong(bag, at, 'exclusiveMaximum', node.exclusiveMaximum, 'true or false');
  } else if (type === 'array') {
    if (node.minItems !== undefined && !isCount(node.minItems)) wrong(bag, at, 'minItems', node.minItems, COUNT);
    if (node.maxItems !== undefined && !isCount(node.maxItems)) wrong(bag, at, 'maxItems', node.maxItems, COUNT);
    if (node.uniqueItems !== undefined && typeof node.uniqueItems !== 'boolean')
      wrong(bag, at, 'uniqueItems', node.uniqueItems, 'true or false');
  }
}

function wrong(bag: DiagnosticBag, at: SourceLocation, keyword: string, value: unknown, expected: string): void {
  bag.report('keywordValue', at, { keyword, value: shownValue(value), expected });
}

/** A keyword's value as a message shows it: NaN and Infinity by name, which JSON writes as null. */
function shownValue(v: unknown): string {
  return typeof v === 'number' ? String(v) : v === undefined ? 'undefined' : JSON.stringify(v);
}

/**
 * The keywords that constrain one kind of value, and the constraints that write them. JSON Schema
 * applies a keyword only to values of its kind: `minimum` on a string refuses nothing, where
 * class-validator's `@Min` on a string refuses everything.
 */
export const KEYWORDS_OF = [
  {
    kind: 'numbers',
    types: ['number', 'integer'],
    keywords: ['minimum', 'maximum', 'multipleOf'],
    hint: '@Min, @Max, @IsDivisibleBy',
  },
  { kind: 'strings', types: ['string'], keywords: ['minLength', 'maxLength', 'pattern'], hint: '@Length, @Matches' },
  {
    kind: 'arrays',
    types: ['array'],
    keywords: ['minItems', 'maxItems', 'uniqueItems'],
    hint: '@ArrayMinSize, @ArrayMaxSize, @ArrayUnique',
  },
] as const;

// Straight-line reads here too; the report is built only for a node that has such a keyword.
function checkApplies(node: SchemaModel, type: string, bag: DiagnosticBag, at: SourceLocation): void {
  if (
    type !== 'number' &&
    type !== 'integer' &&
    (node.minimum !== undefined || node.maximum !== undefined || node.multipleOf !== undefined)
  ) {
    reportOtherKind(node, type, KEYWORDS_OF[0], bag, at);
  }
  if (
    type !== 'string' &&
    (node.minLength !== undefined || node.maxLength !== undefined || node.pattern !== undefined)
  ) {
    reportOtherKind(node, type, KEYWORDS_OF[1], bag, at);
  }
  if (
    type !== 'array' &&
    (node.minItems !== undefined || node.maxItems !== undefined || node.uniqueItems !== undefined)
  ) {
    reportOtherKind(node, type, KEYWORDS_OF[2], bag, at);
  }
  // A `file` is a form's file part, which no validator reads as a string either.
  if (node.format !== undefined && type !== 'string' && type !== 'file' && STRING_FORMATS.has(node.format)) {
    reportFormatOfAnotherKind(node.format, type, bag, at);
  }
}

/**
 * A string's format on another type: `@Query('ids', { type: [String], format: 'uuid' })` took any
 * ids, and a number of format `date-time` any number, where the platform shows a date picker.
 */
function reportFormatOfAnotherKind(format: string, type: string, bag: DiagnosticBag, at: SourceLocation): void {
  const item = `described(String, { format: '${format}' })`;
  bag.report('keywordOfAnotherType', at, {
    type: withArticle(type),
    keywords: `format "${format}"`,
    constrain: 'constrains',
    kind: 'strings',
    them: 'it',
    advice:
      type === 'array'
        ? `Give the format to the items instead: type: [${item}].`
        : 'Drop it, or correct the declared type.',
  });
}

/** A type's name as a message reads it: "a string", "an integer". */
const withArticle = (type: string) => `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;

function reportOtherKind(
  node: SchemaModel,
  type: string,
  other: (typeof KEYWORDS_OF)[number],
  bag: DiagnosticBag,
  at: SourceLocation,
): void {
  const own = KEYWORDS_OF.find((k) => (k.types as readonly string[]).includes(type));
  const value = withArticle(type);
  const found = other.keywords.filter((k) => node[k] !== undefined);
  const one = found.length === 1;
  bag.report('keywordOfAnotherType', at, {
    type: value,
    keywords: found.join(', '),
    constrain: one ? 'constrains' : 'constrain',
    kind: other.kind,
    them: one ? 'it' : 'them',
    advice: `${own ? `Constrain ${value} with ${own.hint}` : `Drop ${one ? 'it' : 'them'}`}, or correct the declared type.`,
  });
}

/** The enum values a type refuses (`"a"` in the enum of a number): no request can give them. */
export function enumValuesOfAnotherType(values: readonly unknown[], type: string, nullable: boolean): unknown[] {
  const is = IS_OF_TYPE[type];
  return is ? values.filter((v) => !is(v) && !(v === null && nullable)) : [];
}

/** Enum values that the type refuses (`@IsIn(['a'])` on a number): they can never be given. */
function checkEnumType(
  node: SchemaModel,
  type: string,
  values: readonly unknown[],
  bag: DiagnosticBag,
  at: SourceLocation,
): void {
  const wrong = enumValuesOfAnotherType(values, type, node.nullable === true);
  if (wrong.length === 0) return;
  const one = wrong.length === 1;
  bag.report('enumOfAnotherType', at, {
    values: wrong.map((v) => JSON.stringify(v)).join(', '),
    are: one ? 'is' : 'are',
    type,
    them: one ? 'it' : 'them',
    fix: enumFix(node, values, at),
  });
}

/**
 * Enum values the schema's other keywords refuse (`@IsIn(['small', 'medium']) @MaxLength(5)`):
 * the designer offers each in its dropdown, and every request that takes one is refused. Values
 * of another type are FP1417's; each value is judged as a default is.
 */
function checkEnumValues(node: SchemaModel, bag: DiagnosticBag, at: SourceLocation): void {
  const type = node.type;
  for (const value of node.enum ?? []) {
    if (typeof value === 'object' || (type !== undefined && enumValuesOfAnotherType([value], type, false).length > 0))
      continue;
    const problem = defaultProblem(node, value);
    if (problem) bag.report('enumValueRefused', at, { value: JSON.stringify(value), problem });
  }
}

/** The constructor that declares a type of value, as an option names it. */
const CONSTRUCTOR_OF: Readonly<Record<string, string>> = {
  integer: 'Number',
  number: 'Number',
  string: 'String',
  boolean: 'Boolean',
};

/**
 * How to mend an enum of the wrong type. Values an array's items would take were meant for the
 * items (`enum: Priority` beside `type: [Number]`), as class-validator's `{ each: true }` means,
 * and there is a way to say so.
 */
function enumFix(node: SchemaModel, values: readonly unknown[], at: SourceLocation): string {
  const items = node.type === 'array' ? node.items?.type : undefined;
  const item = items === undefined ? undefined : CONSTRUCTOR_OF[items];
  if (item === undefined || enumValuesOfAnotherType(values, items!, false).length > 0)
    return 'List values of the declared type, or declare the type the values have.';
  const described = `type: [described(${item}, { enum: … })]`;
  return at.parameter !== undefined
    ? `They are values of its items: declare them on the items, ${described}.`
    : `They are values of its items: apply the constraint to each item, { each: true } (@IsIn([…], { each: true })), or declare ${described} in @Field.`;
}

import { addConstraint } from '../metadata/store';
import type { ConstraintRecord } from '../metadata/records';

/**
 * Flowport's own constraint decorators. They carry class-validator's names and arguments, so
 * moving a DTO over is a change of import, and they record exactly what the converter table
 * turns into JSON Schema; the compiled schema validator then enforces it.
 *
 * Why not class-validator's: Flowport validates with the published schema, never with
 * class-validator, so its decorators would only record. Yet importing class-validator loads 318
 * modules (validator.js, libphonenumber-js), which cost an app about 120 ms of start-up for
 * nothing. class-validator's decorators keep working, custom constraints included; these are
 * the fast path.
 */

/** Options every constraint decorator takes. */
export interface ConstraintOptions {
  /** Apply the constraint to each item of an array property rather than to the array. */
  readonly each?: boolean;
}

function constraint(
  name: string,
  args: readonly unknown[],
  options: ConstraintOptions | undefined,
  kind: ConstraintRecord['kind'] = 'builtIn',
): PropertyDecorator {
  return (target, key) =>
    addConstraint(target.constructor, { property: String(key), name, kind, args, each: options?.each === true });
}

/** The property may be missing (it leaves `required`); present, it must satisfy the rest. */
export const IsOptional = (options?: ConstraintOptions): PropertyDecorator =>
  constraint('isOptional', [], options, 'optional');
/** The property is required even where `@IsOptional` is inherited. */
export const IsDefined = (options?: ConstraintOptions): PropertyDecorator =>
  constraint('isDefined', [], options, 'defined');

/** `type: string`. */
export const IsString = (options?: ConstraintOptions): PropertyDecorator => constraint('isString', [], options);
/** `type: number` (kept `integer` after `@IsInt`). */
export const IsNumber = (options?: ConstraintOptions): PropertyDecorator => constraint('isNumber', [], options);
/** `type: integer`. */
export const IsInt = (options?: ConstraintOptions): PropertyDecorator => constraint('isInt', [], options);
/** `type: boolean`. */
export const IsBoolean = (options?: ConstraintOptions): PropertyDecorator => constraint('isBoolean', [], options);
/** `type: array`. */
export const IsArray = (options?: ConstraintOptions): PropertyDecorator => constraint('isArray', [], options);
/** `type: object`. */
export const IsObject = (options?: ConstraintOptions): PropertyDecorator => constraint('isObject', [], options);
/** An object with at least one property (`minProperties: 1`). */
export const IsNotEmptyObject = (options?: ConstraintOptions): PropertyDecorator =>
  constraint('isNotEmptyObject', [], options);

/** `format: date-time` (JSON carries dates as strings). */
export const IsDate = (options?: ConstraintOptions): PropertyDecorator => constraint('isDate', [], options);
/** `format: date-time`. */
export const IsDateString = (options?: ConstraintOptions): PropertyDecorator => constraint('isDateString', [], options);
/** `format: date-time`. */
export const IsISO8601 = (options?: ConstraintOptions): PropertyDecorator => constraint('isIso8601', [], options);
/** `format: date-time`. */
export const IsRFC3339 = (options?: ConstraintOptions): PropertyDecorator => constraint('isRFC3339', [], options);
/** `format: email`. */
export const IsEmail = (options?: ConstraintOptions): PropertyDecorator => constraint('isEmail', [], options);
/** `format: uri`. */
export const IsUrl = (options?: ConstraintOptions): PropertyDecorator => constraint('isUrl', [], options);
/** `format: uuid`. */
export const IsUUID = (options?: ConstraintOptions): PropertyDecorator => constraint('isUuid', [], options);
/** `format: byte` (base64). */
export const IsBase64 = (options?: ConstraintOptions): PropertyDecorator => constraint('isBase64', [], options);

/** A non-empty string (`minLength: 1`). */
export const IsNotEmpty = (options?: ConstraintOptions): PropertyDecorator => constraint('isNotEmpty', [], options);
/** `minLength`. */
export const MinLength = (min: number, options?: ConstraintOptions): PropertyDecorator =>
  constraint('minLength', [min], options);
/** `maxLength`. */
export const MaxLength = (max: number, options?: ConstraintOptions): PropertyDecorator =>
  constraint('maxLength', [max], options);
/** `minLength` and, when given, `maxLength`. */
export const Length = (min: number, max?: number, options?: ConstraintOptions): PropertyDecorator =>
  constraint('isLength', [min, max], options);

/**
 * `pattern`. JSON Schema patterns have no flags, so only `g` and `u` are accepted (FP1405
 * otherwise).
 */
export function Matches(pattern: RegExp, options?: ConstraintOptions): PropertyDecorator;
export function Matches(pattern: string, modifiers?: string, options?: ConstraintOptions): PropertyDecorator;
export function Matches(
  pattern: RegExp | string,
  modifiersOrOptions?: string | ConstraintOptions,
  options?: ConstraintOptions,
): PropertyDecorator {
  return typeof modifiersOrOptions === 'object'
    ? constraint('matches', [pattern, undefined], modifiersOrOptions)
    : constraint('matches', [pattern, modifiersOrOptions], options);
}

/** `minimum`. */
export const Min = (min: number, options?: ConstraintOptions): PropertyDecorator => constraint('min', [min], options);
/** `maximum`. */
export const Max = (max: number, options?: ConstraintOptions): PropertyDecorator => constraint('max', [max], options);
/** Greater than zero. */
export const IsPositive = (options?: ConstraintOptions): PropertyDecorator => constraint('isPositive', [], options);
/** Less than zero. */
export const IsNegative = (options?: ConstraintOptions): PropertyDecorator => constraint('isNegative', [], options);
/** `multipleOf`. */
export const IsDivisibleBy = (divisor: number, options?: ConstraintOptions): PropertyDecorator =>
  constraint('isDivisibleBy', [divisor], options);

/** `enum` of the listed values. */
export const IsIn = (values: readonly unknown[], options?: ConstraintOptions): PropertyDecorator =>
  constraint('isIn', [values], options);
/** `enum` of a TypeScript enum's values (or of a list). */
export const IsEnum = (entity: object, options?: ConstraintOptions): PropertyDecorator =>
  constraint('isEnum', [entity], options);
/** `enum` of one value. */
export const Equals = (value: unknown, options?: ConstraintOptions): PropertyDecorator =>
  constraint('equals', [value], options);

/** `minItems`. */
export const ArrayMinSize = (min: number, options?: ConstraintOptions): PropertyDecorator =>
  constraint('arrayMinSize', [min], options);
/** `maxItems`. */
export const ArrayMaxSize = (max: number, options?: ConstraintOptions): PropertyDecorator =>
  constraint('arrayMaxSize', [max], options);
/** `minItems: 1`. */
export const ArrayNotEmpty = (options?: ConstraintOptions): PropertyDecorator =>
  constraint('arrayNotEmpty', [], options);
/** `uniqueItems`. */
export const ArrayUnique = (options?: ConstraintOptions): PropertyDecorator => constraint('arrayUnique', [], options);

/** A `#rgb`/`#rrggbb` colour (with or without `#`, optional alpha). */
export const IsHexColor = (options?: ConstraintOptions): PropertyDecorator => constraint('isHexColor', [], options);
/** ASCII letters only. */
export const IsAlpha = (options?: ConstraintOptions): PropertyDecorator => constraint('isAlpha', [], options);
/** ASCII letters and digits only. */
export const IsAlphanumeric = (options?: ConstraintOptions): PropertyDecorator =>
  constraint('isAlphanumeric', [], options);
/** A decimal number written as a string. */
export const IsNumberString = (options?: ConstraintOptions): PropertyDecorator =>
  constraint('isNumberString', [], options);
/** One of `true`, `false`, `1`, `0` as a string. */
export const IsBooleanString = (options?: ConstraintOptions): PropertyDecorator =>
  constraint('isBooleanString', [], options);

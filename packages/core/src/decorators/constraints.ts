import { addConstraint, notOnParameter, propertyClassOf } from '../metadata/store';
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

/** How a parameter says what a constraint says of a property. */
const ON_PARAMETER =
  "a parameter takes its constraints in its options (minimum, maximum, minLength, maxLength, pattern, enum, required…), such as @Query('top', { minimum: 1, required: false }); or take a class of query parameters, @Query() query: ListQuery, whose properties carry constraints";

function constraint(
  name: string,
  args: readonly unknown[],
  options: ConstraintOptions | undefined,
  kind: ConstraintRecord['kind'] = 'builtIn',
): PropertyDecorator {
  const decorator = `@${name[0].toUpperCase()}${name.slice(1)}`;
  return (target: object, key: string | symbol, position?: unknown) => {
    notOnParameter(target, key, position, decorator, ON_PARAMETER);
    addConstraint(propertyClassOf(target, key, decorator), {
      property: String(key),
      name,
      kind,
      args,
      each: options?.each === true,
    });
  };
}

/** A constraint without arguments. */
const flag =
  (name: string) =>
  (options?: ConstraintOptions): PropertyDecorator =>
    constraint(name, [], options);

/** A constraint with one number (a length, a bound, a size, a divisor). */
const bound =
  (name: string) =>
  (value: number, options?: ConstraintOptions): PropertyDecorator =>
    constraint(name, [value], options);

/** The property may be missing (it leaves `required`); present, it must satisfy the rest. */
export const IsOptional = (options?: ConstraintOptions): PropertyDecorator =>
  constraint('isOptional', [], options, 'optional');
/** The property is required even where `@IsOptional` is inherited. */
export const IsDefined = (options?: ConstraintOptions): PropertyDecorator =>
  constraint('isDefined', [], options, 'defined');

/** `type: string`. */
export const IsString = flag('isString');
/** `type: number` (kept `integer` after `@IsInt`). */
export const IsNumber = flag('isNumber');
/** `type: integer`. */
export const IsInt = flag('isInt');
/** `type: boolean`. */
export const IsBoolean = flag('isBoolean');
/** `type: array`. */
export const IsArray = flag('isArray');
/** `type: object`. */
export const IsObject = flag('isObject');
/** An object with at least one property (`minProperties: 1`). */
export const IsNotEmptyObject = flag('isNotEmptyObject');

/** `format: date-time` (JSON carries dates as strings). */
export const IsDate = flag('isDate');
/** `format: date-time`. */
export const IsDateString = flag('isDateString');
/** `format: date-time`. */
export const IsISO8601 = flag('isIso8601');
/** `format: date-time`. */
export const IsRFC3339 = flag('isRFC3339');
/** `format: email`. */
export const IsEmail = flag('isEmail');
/** `format: uri`. */
export const IsUrl = flag('isUrl');
/**
 * A UUID version as validator.js names them: `all` (the default) is any of 1 to 8, nil or max;
 * `loose` any hexadecimal UUID.
 */
export type UUIDVersion =
  '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 'all' | 'loose' | 'nil' | 'max';

/**
 * `format: uuid`; with a version (or `loose`, `nil`, `max`), also the pattern validator.js checks
 * for it, so `@IsUUID('4')` means what class-validator's does.
 */
export function IsUUID(options?: ConstraintOptions): PropertyDecorator;
export function IsUUID(version?: UUIDVersion, options?: ConstraintOptions): PropertyDecorator;
export function IsUUID(
  versionOrOptions?: UUIDVersion | ConstraintOptions,
  options?: ConstraintOptions,
): PropertyDecorator {
  return typeof versionOrOptions === 'object'
    ? constraint('isUuid', [undefined], versionOrOptions)
    : constraint('isUuid', [versionOrOptions], options);
}
/** `format: byte` (base64). */
export const IsBase64 = flag('isBase64');

/** A non-empty string (`minLength: 1`). */
export const IsNotEmpty = flag('isNotEmpty');
/** `minLength`. */
export const MinLength = bound('minLength');
/** `maxLength`. */
export const MaxLength = bound('maxLength');
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
export const Min = bound('min');
/** `maximum`. */
export const Max = bound('max');
/** Greater than zero. */
export const IsPositive = flag('isPositive');
/** Less than zero. */
export const IsNegative = flag('isNegative');
/** `multipleOf`. */
export const IsDivisibleBy = bound('isDivisibleBy');

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
export const ArrayMinSize = bound('arrayMinSize');
/** `maxItems`. */
export const ArrayMaxSize = bound('arrayMaxSize');
/** `minItems: 1`. */
export const ArrayNotEmpty = flag('arrayNotEmpty');
/** `uniqueItems`. */
export const ArrayUnique = flag('arrayUnique');

/** A `#rgb`/`#rrggbb` colour (with or without `#`, optional alpha). */
export const IsHexColor = flag('isHexColor');
/** ASCII letters only. */
export const IsAlpha = flag('isAlpha');
/** ASCII letters and digits only. */
export const IsAlphanumeric = flag('isAlphanumeric');
/** A decimal number written as a string. */
export const IsNumberString = flag('isNumberString');
/** One of `true`, `false`, `1`, `0` as a string. */
export const IsBooleanString = flag('isBooleanString');

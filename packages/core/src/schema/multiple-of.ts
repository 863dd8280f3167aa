/**
 * The decimal digits to which a quotient must be whole for a number to count as a multiple
 * (ajv's `multipleOfPrecision`). Binary floating point holds no step such as 0.01 exactly:
 * 19.99 / 0.01 is 1998.9999999999998, so an exact test refused 19.99 and 0.07 against
 * `multipleOf: 0.01`, and with them most amounts of money.
 */
export const MULTIPLE_OF_PRECISION = 9;

const TOLERANCE = 10 ** -MULTIPLE_OF_PRECISION;

/** Whether `value` is a multiple of `divisor` (above 0), as the request validators judge it. */
export function isMultipleOf(value: number, divisor: number): boolean {
  const quotient = value / divisor;
  return Math.abs(Math.round(quotient) - quotient) <= TOLERANCE;
}

/** Whether a multiple of `step` (above 0) lies between the bounds, judged as `isMultipleOf` judges. */
export function multipleBetween(
  min: number,
  max: number,
  step: number,
  exclusiveMin: boolean,
  exclusiveMax: boolean,
): boolean {
  const [low, high] = [min / step, max / step];
  let first = Math.ceil(low - TOLERANCE);
  if (exclusiveMin && Math.abs(first - low) <= TOLERANCE) first++;
  let last = Math.floor(high + TOLERANCE);
  if (exclusiveMax && Math.abs(last - high) <= TOLERANCE) last--;
  return first <= last;
}

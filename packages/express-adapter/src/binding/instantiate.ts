import type { ApiModel, Class, SchemaModel } from '@flowport/core';
import { thrownMessage } from '../thrown';

export type Build = (value: unknown) => unknown;

/**
 * Compiles, once per schema, a function that turns validated JSON into DTO instances: `new
 * Class()` (so field initialisers run) and one assignment per property the schema declares, with
 * values declared as `Date` turned from their `date-time` strings into dates, and the values of a
 * dictionary (`additionalProperties: Item`) built like any other.
 * Properties the schema does not declare (only when unknown properties are allowed) are
 * defined as own data properties, so a `__proto__` key can never reach a prototype.
 */
export class Instantiator {
  private readonly byRef = new Map<string, Build>();

  constructor(private readonly model: ApiModel) {}

  compile(schema: SchemaModel): Build {
    // A wall-clock time (`date-no-tz`) is read as UTC: see toWallClockDate.
    if (schema.runtimeType === 'Date') return schema.format === 'date-no-tz' ? toWallClockDate : toDate;
    if (schema.ref !== undefined) return this.forRef(schema.ref);
    if (schema.type === 'array' && schema.items) {
      const item = this.compile(schema.items);
      if (item === identity) return identity;
      return (v) => (Array.isArray(v) ? v.map(item) : v);
    }
    const extra = this.extraOf(schema);
    // An inline class (`@Schema({ inline: true })`) is written in place but still a class.
    if (schema.runtimeClass) return this.forObject(schema, creatorOf(schema.runtimeClass), extra);
    // A dictionary (`additionalProperties: Item`) is built only when its values need building.
    if (schema.properties || extra !== identity) return this.forObject(schema, () => ({}), extra);
    return identity;
  }

  /** The builder of the values `additionalProperties` describes, beside the declared properties. */
  private extraOf(schema: SchemaModel): Build {
    const extra = schema.additionalProperties;
    return typeof extra === 'object' ? this.compile(extra) : identity;
  }

  private forRef(ref: string): Build {
    const known = this.byRef.get(ref);
    if (known) return known;
    let build: Build = identity;
    // Registered before compiling the properties, so that recursive classes terminate.
    this.byRef.set(ref, (v) => build(v));
    const cls = this.model.classes.get(ref);
    const schema = this.model.schemas.get(ref) ?? {};
    build = this.forObject(schema, cls ? creatorOf(cls) : () => ({}), this.extraOf(schema));
    this.byRef.set(ref, build);
    return build;
  }

  private forObject(schema: SchemaModel, create: () => object, extra: Build): Build {
    const props = Object.entries(schema.properties ?? {}).map(([k, s]) => [k, this.compile(s)] as const);
    const known = new Set(props.map(([k]) => k));
    return (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
      const source = v as Record<string, unknown>;
      const target = create() as Record<string, unknown>;
      for (const [k, build] of props) {
        if (Object.prototype.hasOwnProperty.call(source, k)) target[k] = build(source[k]);
      }
      for (const k of Object.keys(source)) {
        if (!known.has(k))
          Object.defineProperty(target, k, {
            value: extra(source[k]),
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      return target;
    };
  }
}

/**
 * `() => new cls()`, once it has been seen to work. A class whose constructor needs its arguments
 * (`constructor(init: Item) { this.name = init.name }`) threw at every request, a 500 the caller
 * could do nothing about; it is refused when the app is built, naming the class and the fix.
 */
function creatorOf(cls: Class): () => object {
  const Made = cls as Class & (new () => object);
  try {
    new Made();
  } catch (error) {
    throw new Error(
      `${cls.name} is a class a request is read into, and each request makes one with new ${cls.name}() (as class-transformer does), which threw: ${thrownMessage(error)}. Let new ${cls.name}() work without arguments: give the constructor's parameters defaults, or move what it does with them out of the constructor.`,
      { cause: error },
    );
  }
  return () => new Made();
}

/** Builds nothing: what {@link Instantiator.compile} answers for a value JSON carries as it is. */
export const identity: Build = (v) => v;

/** The seconds of a time that is a leap second (RFC 3339 allows `23:59:60`). */
const LEAP_SECOND = /(T\d\d:\d\d:)60/i;

/**
 * A validated `date-time` or `date` string as the `Date` the handler declared; null stays null.
 * A leap second, which the format allows and a Date cannot hold, is read as POSIX time reads it:
 * the instant of the next second. Before, the handler got an Invalid Date.
 */
const toDate: Build = (v) => {
  if (typeof v !== 'string') return v;
  const date = new Date(v);
  if (!Number.isNaN(date.getTime()) || !LEAP_SECOND.test(v)) return date;
  return new Date(new Date(v.replace(LEAP_SECOND, '$159')).getTime() + 1000);
};

/**
 * A validated `date-no-tz` string, a time without an offset, as the Date of that time in UTC, as
 * JavaScript reads a date without a time. JavaScript reads it in the server's own time zone: before,
 * the same request gave another Date on a server in New York (`10:00` was 15:00 UTC) than in a
 * container on UTC.
 */
const toWallClockDate: Build = (v) => toDate(typeof v === 'string' ? `${v}Z` : v);

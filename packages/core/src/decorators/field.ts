import {
  classOf,
  mergeField,
  methodRecord,
  notOnParameter,
  onClass,
  propertyClassOf,
  setSchema,
} from '../metadata/store';
import type { DescribedOptions, Extensions, TypeRef, Visibility } from '../types';

/** Connector metadata for one DTO property. Constraints come from the constraint decorators. */
export interface FieldOptions extends DescribedOptions {
  /** Overrides the type read from the declaration; `[Item]` for arrays. */
  readonly type?: TypeRef;
  /** Required unless `@IsOptional()` or `required: false`. */
  readonly required?: boolean;
  /** Accept `null` (`x-nullable` in the connector). */
  readonly nullable?: boolean;
  readonly readOnly?: boolean;
  readonly title?: string;
  /** `x-ms-media-kind` for binary content. */
  readonly mediaKind?: 'image' | 'audio';
  /** `x-ms-editor`: `dictionary` needs `additionalProperties`. */
  readonly editor?: 'dictionary';
  /** A free-form object whose values have this type (a dictionary). */
  readonly additionalProperties?: TypeRef | boolean;
  /** `x-ms-notification-url`: this field receives the platform's callback URL. */
  readonly notificationUrl?: boolean;
}

/** Options for {@link Schema}. */
export interface SchemaOptions {
  /** Definition name; defaults to the class name. */
  readonly name?: string;
  readonly description?: string;
  readonly summary?: string;
  readonly title?: string;
  /** `x-ms-visibility` of the object as a whole. */
  readonly visibility?: Visibility;
  /**
   * Whether unknown properties are allowed (defaults to the connector's policy), or the type of
   * their values for an object that is also a dictionary.
   */
  readonly additionalProperties?: boolean | TypeRef;
  /**
   * Write the schema in place wherever the class is used, instead of as a named definition
   * (for objects a definition declares inline, e.g. an imported one).
   */
  readonly inline?: boolean;
  /**
   * The definition's type, for a named schema that is not an object with properties: an array
   * (`[() => Item]`), an enum or a dynamic schema (`described('object', { dynamicSchema })`).
   * The class then has no fields.
   */
  readonly type?: TypeRef;
  /**
   * The schema written as is, for a named definition no class shape expresses (an array or enum
   * definition, or one with keywords Flowport has no option for). The class then has no fields.
   */
  readonly schema?: Readonly<Record<string, unknown>>;
  readonly extensions?: Extensions;
}

/**
 * Connector metadata for a DTO property.
 * @example `@Field({ summary: 'Language', visibility: 'advanced', dynamicValues: { … } })`
 */
export function Field(options: FieldOptions = {}): PropertyDecorator {
  return field(options, '@Field');
}

/** How a parameter says what `@Field` and its shorthands say of a property. */
const ON_PARAMETER =
  "a parameter takes these in its options, such as @Query('top', { summary: 'Top', description: '…', visibility: 'advanced' })";

function field(options: FieldOptions, decorator: string): PropertyDecorator {
  return (target: object, key: string | symbol, position?: unknown) => {
    notOnParameter(target, key, position, decorator, ON_PARAMETER);
    mergeField(propertyClassOf(target, key, decorator), String(key), options);
  };
}

/** `x-ms-summary` of a DTO property: its label, Title Case. */
export function Summary(summary: string): PropertyDecorator {
  return field({ summary }, '@Summary');
}

/** Help text of a DTO property. */
export function Description(description: string): PropertyDecorator {
  return field({ description }, '@Description');
}

/** `x-ms-visibility` of a DTO property or of an operation. */
export function Visibility(visibility: Visibility): PropertyDecorator & MethodDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    const place = 'a DTO property or a handler method';
    // On a parameter, its position came as the descriptor: from the second on, the whole
    // operation's visibility was set.
    notOnParameter(target, key, descriptor, '@Visibility', ON_PARAMETER);
    if (descriptor) methodRecord(classOf(target, key, '@Visibility', place), String(key)).visibility = visibility;
    else mergeField(propertyClassOf(target, key, '@Visibility', place), String(key), { visibility });
  };
}

/** Definition-level metadata for a DTO class. */
export function Schema(options: SchemaOptions): ClassDecorator {
  return (target, ...member: unknown[]) => setSchema(onClass(target, member, '@Schema'), options);
}

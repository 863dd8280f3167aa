/**
 * Option types shared by decorators and declarations. The vocabulary is the connector's own:
 * `summary` is `x-ms-summary` on fields, `visibility` is `x-ms-visibility`, and so on.
 */
import type { SchemaFormat } from './schema/formats';

/** `x-ms-visibility`: `important` first, `advanced` behind "show advanced", `internal` never shown. */
export type Visibility = 'important' | 'advanced' | 'internal' | 'none';

/** A vendor-extension bag for keys with no first-class option. Keys must start with `x-`. */
export type Extensions = Readonly<Record<`x-${string}`, unknown>>;

/** Swagger 2.0 `externalDocs`: where more documentation of the API, an operation or a tag is. */
export interface ExternalDocs {
  readonly url: string;
  readonly description?: string;
}

/** The HTTP methods Swagger 2.0 allows on a path item. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch';

/** A class constructor (a DTO, controller or primitive wrapper such as `String`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Class<T = any> = abstract new (...args: any[]) => T;

/**
 * A literal JSON schema fragment, for the rare field whose shape no class expresses
 * (e.g. `{ type: 'object', additionalProperties: { type: 'string' } }`). Emitted as written.
 */
export interface SchemaLiteral {
  readonly schema: Readonly<Record<string, unknown>>;
}

/**
 * What a parameter, field or response carries: a primitive wrapper (`String`, `Number`,
 * `Boolean`, `Date`), a DTO class, `[Item]` for an array of it, `'file'` for a whole file,
 * `'binary'` for raw bytes, `'integer'`, `'object'` for a free-form object, `'any'` for a value
 * of any type, a literal schema, or an arrow function returning any of these (lazy, so circular
 * imports between DTO files work).
 */
export type TypeRef =
  | DescribedType
  | Class
  | readonly [TypeRef]
  | 'file'
  | 'binary'
  | 'integer'
  | 'object'
  | 'any'
  | SchemaLiteral
  | (() => Class | readonly [TypeRef]);

/**
 * A type with its own annotations (format, label, enum, dynamic source…), for an array item or a
 * body or response schema that says more than its type. Build one with {@link described}.
 */
export interface DescribedType {
  readonly described: TypeRef;
  readonly options: DescribedOptions & { readonly title?: string };
}

/**
 * Annotates a type where no decorator can: `[described(Number, { format: 'float' })]` for an
 * array of floats, or `described('any', { dynamicSchema: { … } })` for a body whose schema comes
 * from another operation.
 */
export function described(type: TypeRef, options: DescribedType['options']): DescribedType {
  return { described: type, options };
}

/**
 * A reference to an operation by its handler method, written as a thunk so that it can point at
 * a controller declared later or in a module that imports this one:
 * `() => LanguagesController.prototype.list`.
 */
export type OperationRef = () => Function;

/** `{ value, displayName }` pairs for `x-ms-enum-values`. */
export interface EnumValue {
  readonly value: string | number | boolean;
  readonly displayName: string;
}

/**
 * How a dynamic call fills one parameter of the target operation: a literal, or the value of a
 * parameter of the calling operation (`param('workspaceId')`, or `param('body/workspaceId')` for
 * a body field).
 */
export type DynamicArgument =
  string | number | boolean | null | readonly (string | number | boolean)[] | { readonly parameter: string };

/** Binds a target parameter to a parameter of the calling operation. */
export function param(name: string): { readonly parameter: string } {
  return { parameter: name };
}

/**
 * `x-ms-dynamic-values` + `x-ms-dynamic-list`: fill a dropdown from another operation's response.
 * Paths are slash-separated property paths into the target's success response.
 */
export interface DynamicValuesOptions {
  /** The operation that lists the values; or, instead, `capability`. */
  readonly operation?: OperationRef;
  /** A platform capability that supplies the values, e.g. `file-picker` (the root `filePicker`). */
  readonly capability?: 'file-picker';
  readonly parameters?: Readonly<Record<string, DynamicArgument>>;
  /** Path to the array in the response; omit when the response itself is the array. */
  readonly collection?: string;
  /** Path, inside each item, of the value to submit. */
  readonly value: string;
  /** Path, inside each item, of the label to show. */
  readonly title?: string;
}

/** `x-ms-dynamic-schema` + `x-ms-dynamic-properties`: the schema comes from another operation. */
export interface DynamicSchemaOptions {
  readonly operation: OperationRef;
  readonly parameters?: Readonly<Record<string, DynamicArgument>>;
  /** Path to the schema in the response, e.g. `schema`; omit when the response root is the schema. */
  readonly valuePath?: string;
}

/** How `x-ms-dynamic-list` / `x-ms-dynamic-properties` fill one target parameter. */
export type DynamicListArgument = { readonly value: unknown } | { readonly parameterReference: string };

/**
 * `x-ms-dynamic-list` on its own. {@link DynamicValuesOptions} writes it for you; declare it
 * separately only when a connector's two forms must differ (an imported definition).
 */
export interface DynamicListOptions {
  readonly operation: OperationRef;
  readonly parameters?: Readonly<Record<string, DynamicListArgument>>;
  readonly itemsPath?: string;
  readonly itemValuePath?: string;
  readonly itemTitlePath?: string;
}

/** `x-ms-dynamic-properties` on its own; {@link DynamicSchemaOptions} writes it for you. */
export interface DynamicPropertiesOptions {
  readonly operation: OperationRef;
  readonly parameters?: Readonly<Record<string, DynamicListArgument>>;
  readonly itemValuePath?: string;
}

/** One side (`open` or `browse`) of `x-ms-dynamic-tree`. */
export interface DynamicTreeCall {
  readonly operation: OperationRef;
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly itemsPath?: string;
  readonly itemValuePath: string;
  readonly itemTitlePath: string;
  readonly itemFullTitlePath?: string;
  readonly itemIsParent?: string;
}

/** `x-ms-dynamic-tree`: a hierarchical picker (folders). */
export interface DynamicTreeOptions {
  readonly settings?: { readonly canSelectParentNodes?: boolean; readonly canSelectLeafNodes?: boolean };
  readonly open: DynamicTreeCall;
  readonly browse?: DynamicTreeCall;
}

/** The connector-facing extras every parameter and field may carry. */
export interface DescribedOptions {
  /** `x-ms-summary`: the field label, Title Case. */
  readonly summary?: string;
  /** Help text, full sentences. */
  readonly description?: string;
  readonly visibility?: Visibility;
  /** Default value; an internal required field needs one. */
  readonly default?: unknown;
  /** Allowed values (for a class or enum object, use `IsEnum`/`IsIn` on DTO fields). */
  readonly enum?: readonly (string | number | boolean)[] | Readonly<Record<string, string | number>>;
  /** `x-ms-enum-values`: display names for enum members. */
  readonly enumValues?: readonly EnumValue[];
  /** `x-ms-test-value`: a sample for generic tests. Never a secret or personal data. */
  readonly testValue?: unknown;
  /**
   * `example`: a sample value, which Swagger UI fills in for "Try it out". `flowport validate`
   * warns (FP2134) when the schema refuses it, as it does for a test value.
   */
  readonly example?: unknown;
  /**
   * A format the Power Platform accepts; any other is refused (FP1409), or kept with a warning
   * in a connector emitted `asDeclared`.
   */
  readonly format?: SchemaFormat | (string & {});
  readonly dynamicValues?: DynamicValuesOptions;
  readonly dynamicSchema?: DynamicSchemaOptions;
  readonly dynamicTree?: DynamicTreeOptions;
  /** `x-ms-dynamic-list` when it is declared apart from `dynamicValues`. */
  readonly dynamicList?: DynamicListOptions;
  /** `x-ms-dynamic-properties` when it is declared apart from `dynamicSchema`. */
  readonly dynamicProperties?: DynamicPropertiesOptions;
  /** Escape hatch for keys with no option here. */
  readonly extensions?: Extensions;
}

import type { Class, EnumValue, Extensions, OperationRef, Visibility } from '../types';

/** A value passed to a dynamic call: a literal, or a parameter of the calling operation. */
export type DynamicArgumentModel = { readonly literal: unknown } | { readonly parameter: string };

/** Resolved `x-ms-dynamic-values` / `x-ms-dynamic-list`. `operationId` is filled by `resolve()`. */
export interface DynamicValuesModel {
  readonly target?: OperationRef;
  /** Instead of a target operation: a platform capability (`file-picker`). */
  readonly capability?: string;
  operationId: string;
  /** `parameters: {}` was declared (written out as is). */
  readonly emptyParameters?: boolean;
  readonly parameters: Readonly<Record<string, DynamicArgumentModel>>;
  readonly collection?: string;
  readonly value: string;
  readonly title?: string;
}

/** Resolved `x-ms-dynamic-schema` / `x-ms-dynamic-properties`. */
export interface DynamicSchemaModel {
  readonly target: OperationRef;
  operationId: string;
  /** `parameters: {}` was declared (written out as is). */
  readonly emptyParameters?: boolean;
  readonly parameters: Readonly<Record<string, DynamicArgumentModel>>;
  readonly valuePath?: string;
}

/** `x-ms-dynamic-list` / `x-ms-dynamic-properties` argument, in their newer form. */
export type DynamicListArgumentModel = { readonly value: unknown } | { readonly parameterReference: string };

/** Resolved `x-ms-dynamic-list`. */
export interface DynamicListModel {
  readonly target: OperationRef;
  operationId: string;
  /** `parameters: {}` was declared (written out as is). */
  readonly emptyParameters?: boolean;
  readonly parameters: Readonly<Record<string, DynamicListArgumentModel>>;
  readonly itemsPath?: string;
  readonly itemValuePath?: string;
  readonly itemTitlePath?: string;
}

/** Resolved `x-ms-dynamic-properties`. */
export interface DynamicPropertiesModel {
  readonly target: OperationRef;
  operationId: string;
  /** `parameters: {}` was declared (written out as is). */
  readonly emptyParameters?: boolean;
  readonly parameters: Readonly<Record<string, DynamicListArgumentModel>>;
  readonly itemValuePath?: string;
}

/** Resolved `x-ms-dynamic-tree` call. */
export interface DynamicTreeCallModel {
  readonly target: OperationRef;
  operationId: string;
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly itemsPath?: string;
  readonly itemValuePath: string;
  readonly itemTitlePath: string;
  readonly itemFullTitlePath?: string;
  readonly itemIsParent?: string;
}

/** `x-ms-dynamic-tree`: the operation that opens the tree, and the one that browses a node. */
export interface DynamicTreeModel {
  readonly settings?: { readonly canSelectParentNodes?: boolean; readonly canSelectLeafNodes?: boolean };
  readonly open: DynamicTreeCallModel;
  readonly browse?: DynamicTreeCallModel;
}

/**
 * A schema in the resolved model: JSON Schema's vocabulary, with connector concepts as typed
 * fields (`summary` is `x-ms-summary`, `nullable` is `x-nullable` in Swagger 2.0 and `nullable`
 * in OpenAPI 3.0). Named schemas are referenced by `ref` (the definition name), never by URL:
 * the model knows no OpenAPI version.
 */
export interface SchemaModel {
  ref?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'file';
  format?: string;
  title?: string;
  description?: string;
  summary?: string;
  visibility?: Visibility;
  default?: unknown;
  example?: unknown;
  enum?: unknown[];
  enumValues?: EnumValue[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  items?: SchemaModel;
  properties?: Record<string, SchemaModel>;
  required?: string[];
  additionalProperties?: boolean | SchemaModel;
  nullable?: boolean;
  readOnly?: boolean;
  mediaKind?: 'image' | 'audio';
  editor?: 'dictionary';
  notificationUrl?: boolean;
  testValue?: unknown;
  dynamicValues?: DynamicValuesModel;
  dynamicSchema?: DynamicSchemaModel;
  dynamicTree?: DynamicTreeModel;
  dynamicList?: DynamicListModel;
  dynamicProperties?: DynamicPropertiesModel;
  /** A literal schema fragment, emitted as written (`SchemaLiteral`). */
  literal?: Readonly<Record<string, unknown>>;
  /** Names of custom class-validator constraints checked at runtime only (no schema form). */
  runtimeConstraints?: string[];
  /**
   * What the program holds where JSON cannot carry it: `Date` for a value declared as a `Date`,
   * a `date-time` string on the wire that the runtime hands to the handler as a `Date`. Not
   * emitted.
   */
  runtimeType?: 'Date';
  /**
   * The class an inline schema (`@Schema({ inline: true })`) was written from, which the runtime
   * instantiates as it does a referenced definition's. Not emitted.
   */
  runtimeClass?: Class;
  extensions?: Extensions;
}

/** The named schemas of a connector, by definition name, in a stable order. */
export type SchemaTable = Map<string, SchemaModel>;

import type { AuthChoice, AuthDeclaration } from '../auth/auth';
import type { ConnectionParameterOptions } from '../auth/connection-parameters';
import type {
  ConnectionDefinition,
  ConnectorInfo,
  SecurityDefinition,
  SecurityRequirement,
  TagDefinition,
} from '../connector';
import type { ApiAnnotation } from '../decorators/operation';
import type { ParameterIn } from '../decorators/params';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type { SchemaModel, SchemaTable } from '../schema/model';
import type { PollingTriggerDeclaration, WebhookTriggerDeclaration } from '../triggers/declarations';
import type { Class, Extensions, ExternalDocs, HttpMethod, OperationRef, Visibility } from '../types';

/**
 * The one resolved model of a connector. Every consumer — the emitters, the lint, the Express
 * adapter, the CLI — reads this and nothing else, so the published definition and the running
 * API cannot disagree. It knows neither Express nor an OpenAPI version.
 */
export interface ApiModel {
  readonly info: ConnectorInfo;
  readonly host?: string;
  readonly basePath: string;
  readonly schemes: readonly ('http' | 'https')[];
  readonly consumes: readonly string[];
  readonly produces: readonly string[];
  readonly operations: readonly OperationModel[];
  /** Operations grouped by path, in first-declared order, with path-item level data. */
  readonly paths: readonly PathItemModel[];
  readonly schemas: SchemaTable;
  /** The DTO class behind each named schema, for building instances at runtime. */
  readonly classes: ReadonlyMap<string, Class>;
  /** The problem+json schema of generated error responses (not one of `schemas`). */
  readonly problem: SchemaModel;
  readonly security: SecurityModel;
  readonly policies: readonly PolicyModel[];
  readonly branding: BrandingModel;
  readonly capabilities: CapabilitiesModel;
  readonly triggers: readonly TriggerModel[];
  readonly unknownProperties: 'reject' | 'allow';
  readonly extensions?: Extensions;
  /** Root `tags`. */
  readonly tags?: readonly TagDefinition[];
  readonly externalDocs?: ExternalDocs;
  /** Extensions of path items, including ones with no operation. */
  readonly pathExtensions?: Readonly<Record<string, Extensions>>;
  /** Whether `policyTemplateInstances` is written when empty (declared so, as declared). */
  readonly policiesDeclared?: boolean;
  /** True when the connector is emitted as declared (`asDeclared`), without Flowport's additions. */
  readonly asDeclared: boolean;
  /** Warnings found while resolving (errors throw). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Where an operation came from: a controller method, or a trigger declaration. */
export type OperationSource =
  | { readonly kind: 'method'; readonly controller: Class; readonly method: string }
  | { readonly kind: 'webhookRegister' | 'webhookDelete'; readonly trigger: WebhookTriggerDeclaration }
  | { readonly kind: 'polling'; readonly trigger: PollingTriggerDeclaration };

/** One operation of the definition: where it is served, what it takes and answers, and where it came from. */
export interface OperationModel {
  readonly id: string;
  readonly method: HttpMethod;
  /** Path relative to `basePath`, with `{name}` variables. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly visibility?: Visibility;
  readonly deprecated: boolean;
  readonly annotation?: ApiAnnotation;
  readonly noGenericTest?: boolean;
  readonly openAiData?: Readonly<Record<string, unknown>>;
  /** `x-ms-operation-context`; `operationId` is filled when references are resolved. */
  readonly operationContext?: {
    readonly target: OperationRef;
    operationId: string;
    readonly parameters?: Readonly<Record<string, unknown>>;
  };
  readonly pageable?: { readonly nextLinkName: string };
  /** Long-running: seconds between polls and how long a finished job is kept. */
  readonly async?: { readonly retryAfter: number; readonly expiresAfter: number };
  readonly chunkTransfer?: boolean;
  readonly safe?: boolean;
  readonly consumes?: readonly string[];
  readonly produces?: readonly string[];
  readonly tags: readonly string[];
  readonly externalDocs?: ExternalDocs;
  readonly scopes: readonly string[];
  /** No connection auth (`security: []`). */
  readonly isPublic: boolean;
  /** The `security` requirement as declared, in place of the derived one. */
  readonly security?: readonly SecurityRequirement[];
  readonly parameters: readonly ParameterModel[];
  /** Handler argument that receives the verified caller identity (`@Identity()`). */
  readonly identityIndex?: number;
  /** `x-ms-agentic-protocol`: an MCP server operation, whose handler answers its exchange. */
  readonly agenticProtocol?: string;
  /** Handler argument that receives the HTTP exchange of such an operation (`@Exchange()`). */
  readonly exchangeIndex?: number;
  readonly responses: readonly ResponseModel[];
  readonly trigger?: { readonly kind: 'single' | 'batch'; readonly hint?: string; readonly pollingMetadata?: boolean };
  readonly notificationContent?: { readonly description?: string; readonly schema: SchemaModel };
  readonly extensions?: Extensions;
  readonly pathExtensions?: Extensions;
  readonly source: OperationSource;
  readonly at: SourceLocation;
}

/** One parameter of an operation (path, query, header, body or form field), as published and validated. */
export interface ParameterModel {
  readonly name: string;
  readonly in: ParameterIn;
  readonly required: boolean;
  /** Type, constraints and connector annotations (label, visibility, dynamic values…). */
  readonly schema: SchemaModel;
  readonly urlEncoding?: 'single' | 'double';
  readonly collectionFormat?: 'csv' | 'ssv' | 'tsv' | 'pipes' | 'multi';
  readonly allowEmptyValue?: boolean;
  /** A body parameter's own label, help text, visibility and test value (its schema has its own). */
  readonly annotations?: {
    readonly summary?: string;
    readonly description?: string;
    readonly visibility?: Visibility;
    readonly testValue?: unknown;
  };
  /** Position in the handler's arguments; undefined for generated operations' parameters. */
  readonly index?: number;
  /**
   * The class of query parameters (`@Query() query: ListQuery`) of which this parameter is the
   * field of its name: the handler's argument at `index` is an instance of it.
   */
  readonly memberOf?: Class;
  readonly at: SourceLocation;
}

/** A header a response declares. */
export interface HeaderModel {
  readonly type: 'string' | 'integer' | 'number' | 'boolean';
  readonly format?: string;
  readonly description?: string;
  readonly summary?: string;
  readonly visibility?: Visibility;
  readonly extensions?: Extensions;
}

/** One declared answer of an operation, by status. */
export interface ResponseModel {
  /** `'200'`, `'202'`, `'default'`. */
  readonly status: string;
  readonly description: string;
  readonly schema?: SchemaModel;
  readonly summary?: string;
  readonly headers: Readonly<Record<string, HeaderModel>>;
  readonly examples?: Readonly<Record<string, unknown>>;
  readonly extensions?: Extensions;
  /** An error answer the runtime gives (problem+json), added by `resolve()`, not declared. */
  readonly generated?: boolean;
}

/** The operations that share a path, with what the path item carries (a trigger's notification content). */
export interface PathItemModel {
  readonly path: string;
  readonly operations: readonly OperationModel[];
  readonly notificationContent?: { readonly description?: string; readonly schema: SchemaModel };
  readonly extensions?: Extensions;
}

/** A `securityDefinitions` entry, version-neutral. */
export type SecuritySchemeModel =
  | { readonly name: string; readonly type: 'apiKey'; readonly in: 'header' | 'query'; readonly parameter: string }
  | { readonly name: string; readonly type: 'basic' }
  | {
      readonly name: string;
      readonly type: 'oauth2';
      readonly authorizationUrl: string;
      readonly tokenUrl: string;
      readonly scopes: readonly string[];
    };

/** How callers authenticate: the security schemes, the declaration the adapter enforces, and the connection's parameters. */
export interface SecurityModel {
  readonly schemes: readonly SecuritySchemeModel[];
  /** The declaration itself: the adapter enforces it, apiProperties renders its parameters. */
  readonly auth?: AuthDeclaration | AuthChoice;
  /** Connection parameters besides the auth declaration's. */
  readonly connectionParameters: Readonly<Record<string, ConnectionParameterOptions>>;
  /** `securityDefinitions` and root `security` as written, when they differ from `schemes`. */
  readonly definitions?: Readonly<Record<string, SecurityDefinition>>;
  readonly requirement?: readonly SecurityRequirement[];
  /** The connection dialog as written, in place of the generated one. */
  readonly connection?: ConnectionDefinition;
}

/** One policy template instance of `apiProperties.json`. */
export interface PolicyModel {
  readonly templateId: string;
  readonly title: string;
  /** The instance's `type`, e.g. `PollingTrigger`. */
  readonly type?: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly section?: 'Request' | 'Response' | 'Failure';
  readonly operationIds?: readonly string[];
}

/** What `apiProperties.json` says of the connector's look and publisher. */
export interface BrandingModel {
  readonly brandColor: string;
  readonly publisher?: string;
  readonly stackOwner?: string;
  readonly website?: string;
  readonly privacyPolicy?: string;
  readonly categories?: readonly string[];
  readonly icon?: string;
}

/** The connector's capabilities, connection test, file picker and custom code, for `apiProperties.json`. */
export interface CapabilitiesModel {
  readonly capabilities: readonly string[];
  readonly testConnection?: { readonly operationId: string; readonly parameters?: Readonly<Record<string, unknown>> };
  readonly filePicker?: Readonly<Record<string, unknown>>;
  readonly script?: { readonly file: string; readonly operationIds: readonly string[] };
}

/** A declared trigger with the ids of the operations generated for it. */
export type TriggerModel =
  | {
      readonly kind: 'webhook';
      readonly declaration: WebhookTriggerDeclaration;
      readonly registerId: string;
      readonly deleteId: string;
    }
  | { readonly kind: 'polling'; readonly declaration: PollingTriggerDeclaration; readonly operationId: string };

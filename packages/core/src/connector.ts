import type { AuthChoice, AuthDeclaration } from './auth/auth';
import type { ConnectionParameter } from './auth/connection-parameters';
import type { PolicyDeclaration } from './policies/templates';
import type { TriggerDeclaration } from './triggers/declarations';
import { isObject, shown } from './diagnostics/option-checks';
import type { Class, Extensions, ExternalDocs, OperationRef } from './types';

/** The certification categories (`x-ms-connector-metadata` → `Categories`, at most two). */
export const CONNECTOR_CATEGORIES = [
  'AI',
  'Business Management',
  'Business Intelligence',
  'Collaboration',
  'Commerce',
  'Communication',
  'Content and Files',
  'Finance',
  'Data',
  'Human Resources',
  'Internet of Things',
  'IT Operations',
  'Lifestyle and Entertainment',
  'Marketing',
  'Productivity',
  'Sales and CRM',
  'Security',
  'Social Media',
  'Website',
] as const;

/** One of the certification categories, as the platform names them (`x-ms-connector-metadata` → `Categories`). */
export type ConnectorCategory = (typeof CONNECTOR_CATEGORIES)[number];

/** `info` of the definition. */
export interface ConnectorInfo {
  /** ≤ 30 characters, no "API"/"Connector". */
  readonly title: string;
  /** 30–500 characters. */
  readonly description: string;
  readonly version: string;
  readonly contact?: { readonly name?: string; readonly url?: string; readonly email?: string };
  readonly termsOfService?: string;
  readonly license?: { readonly name: string; readonly url?: string };
  /** `info.x-ms-api-annotation.status`. */
  readonly status?: 'Preview' | 'Production';
  /** `info.x-ms-deployment-version`. */
  readonly deploymentVersion?: string;
  /** `info.x-ms-keywords` (Copilot). */
  readonly keywords?: readonly string[];
  readonly extensions?: Extensions;
}

/** `x-ms-capabilities.file-picker` at the root. */
export interface FilePickerCapability {
  readonly open: { readonly operation: OperationRef; readonly parameters?: Readonly<Record<string, unknown>> };
  readonly browse?: { readonly operation: OperationRef; readonly parameters?: Readonly<Record<string, unknown>> };
  readonly valueTitle?: string;
  readonly valueCollection?: string;
  readonly valueFolderProperty?: string;
  readonly valueMediaProperty?: string;
}

/** A Swagger 2.0 `securityDefinitions` entry, as written. */
export type SecurityDefinition =
  | { readonly type: 'apiKey'; readonly in: 'header' | 'query'; readonly name: string; readonly description?: string }
  | { readonly type: 'basic'; readonly description?: string }
  | {
      readonly type: 'oauth2';
      readonly flow: 'implicit' | 'password' | 'application' | 'accessCode';
      readonly authorizationUrl?: string;
      readonly tokenUrl?: string;
      /** Scope name → description. */
      readonly scopes: Readonly<Record<string, string>>;
      readonly description?: string;
    };

/** A Swagger 2.0 security requirement: scheme name → scopes. */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

/** A root `tags` entry: the description of a tag that operations use. */
export interface TagDefinition {
  readonly name: string;
  readonly description?: string;
  readonly externalDocs?: ExternalDocs;
}

/**
 * One `connectionParameters` entry as `apiProperties.json` stores it (reference §5.2). Flowport
 * builds these from `auth` and {@link connectionParameter}; write them out only for a connection
 * dialog that must keep its exact form (e.g. an imported connector).
 */
export interface ConnectionParameterDefinition {
  readonly type: 'string' | 'securestring' | 'int' | 'bool' | 'oauthSetting' | 'gatewaySetting' | (string & {});
  readonly uiDefinition?: Readonly<Record<string, unknown>>;
  readonly oAuthSettings?: Readonly<Record<string, unknown>>;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly allowedValues?: readonly unknown[];
  readonly defaultValue?: unknown;
  readonly gatewaySettings?: Readonly<Record<string, unknown>>;
}

/**
 * The connection dialog exactly as `apiProperties.json` stores it, in place of what `auth` and
 * `connectionParameters` would generate. `auth` still decides what the running API enforces.
 */
export interface ConnectionDefinition {
  readonly parameters?: Readonly<Record<string, ConnectionParameterDefinition>>;
  readonly parameterSets?: {
    readonly uiDefinition?: Readonly<Record<string, unknown>>;
    readonly values: readonly {
      readonly name: string;
      readonly uiDefinition?: Readonly<Record<string, unknown>>;
      readonly parameters: Readonly<Record<string, ConnectionParameterDefinition>>;
    }[];
  };
}

/** Everything that describes one connector. */
export interface ConnectorOptions {
  readonly info: ConnectorInfo;
  /** Production host, `host[:port]` without scheme. */
  readonly host?: string;
  readonly basePath?: string;
  readonly schemes?: readonly ('http' | 'https')[];
  readonly consumes?: readonly string[];
  readonly produces?: readonly string[];
  /** `iconBrandColor`, `#rrggbb`. */
  readonly brandColor: string;
  readonly publisher?: string;
  readonly stackOwner?: string;
  /** `x-ms-connector-metadata`. */
  readonly metadata?: {
    readonly website?: string;
    readonly privacyPolicy?: string;
    readonly categories?: readonly ConnectorCategory[];
  };
  /** `apiProperties.json` → `capabilities`, e.g. `['actions', 'triggers']`. */
  readonly capabilities?: readonly string[];
  /** `x-ms-capabilities.testConnection`: a GET run when a connection is created. */
  readonly testConnection?: {
    readonly operation: OperationRef;
    readonly parameters?: Readonly<Record<string, unknown>>;
  };
  readonly filePicker?: FilePickerCapability;
  readonly auth?: AuthDeclaration | AuthChoice;
  /** Connection parameters besides those of the auth declaration. */
  readonly connectionParameters?: Readonly<Record<string, ConnectionParameter>>;
  readonly policies?: readonly PolicyDeclaration[];
  readonly controllers: readonly Class[];
  readonly triggers?: readonly TriggerDeclaration[];
  /** Path of a PNG icon, copied next to the definition by `flowport build`. */
  readonly icon?: string;
  /** `script.csx` and the operations it handles (`scriptOperations`; all when omitted). */
  readonly script?: { readonly file: string; readonly operations?: readonly OperationRef[] };
  /**
   * What to do with body properties no DTO declares: `reject` (default; emitted as
   * `additionalProperties: false`) or `allow` (kept, and the schema says nothing).
   */
  readonly unknownProperties?: 'reject' | 'allow';
  /** Root-level extensions (e.g. `x-ms-openai-manifest`). */
  readonly extensions?: Extensions;
  /**
   * Extensions of path items by path, for a path item that has no operation of its own (e.g.
   * notification content left behind by a removed webhook in an imported definition).
   */
  readonly pathExtensions?: Readonly<Record<string, Extensions>>;
  /** Root `tags`: descriptions of the tags operations use. */
  readonly tags?: readonly TagDefinition[];
  /** Root `externalDocs`: where the API is documented beyond this definition. */
  readonly externalDocs?: ExternalDocs;
  /** DTO classes to publish under `definitions` even when no operation uses them. */
  readonly schemas?: readonly Class[];
  /**
   * `securityDefinitions` as written, in place of the ones `auth` yields, for a definition whose
   * security section disagrees with its connection (reference §5.5). The lint judges it.
   */
  readonly securityDefinitions?: Readonly<Record<string, SecurityDefinition>>;
  /** The root `security` requirement as written, in place of one entry per auth method. */
  readonly security?: readonly SecurityRequirement[];
  /** The connection dialog as written; see {@link ConnectionDefinition}. */
  readonly connection?: ConnectionDefinition;
  /**
   * Emit only what is declared. By default Flowport adds what a connector it serves needs: the
   * problem+json error responses, `x-ms-url-encoding: single` on path parameters,
   * `x-ms-dynamic-list`/`-properties` beside their legacy forms, an `updatenextlink` policy for
   * pageable operations, "(deprecated)" on older revisions, `application/json` as the default
   * media type and the `actions`/`triggers` capabilities. `flowport import` sets this so that an
   * existing connector keeps its own shape.
   */
  readonly asDeclared?: boolean;
}

const BRAND = Symbol.for('flowport.connector');

/**
 * One connector: its info, auth and controllers. Two connectors in one process do not see each
 * other; nothing is registered globally.
 *
 * @example
 * ```ts
 * export const connector = new Connector({ info: { title: 'Text Sentiment', … }, brandColor: '#3A7BD5',
 *   auth: apiKey({ in: 'header', name: 'Ocp-Apim-Subscription-Key', label: 'API key' }),
 *   controllers: [SentimentController] });
 * ```
 */
export class Connector {
  readonly [BRAND] = true;

  constructor(readonly options: ConnectorOptions) {
    // Everything else about the options is checked, and reported by name, when it resolves.
    if (!isObject(options)) {
      throw new TypeError(
        `new Connector(options): options must be an object with info, brandColor and controllers, not ${shown(options)}`,
      );
    }
  }

  /** True for a `Connector` from any copy of this package (the CLI and the app may load two). */
  static isConnector(value: unknown): value is Connector {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

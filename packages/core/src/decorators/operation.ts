import { classOf, methodRecord } from '../metadata/store';
import type { Extensions, ExternalDocs, OperationRef, TypeRef, Visibility } from '../types';

/** `x-ms-api-annotation` on an operation: versioning by family and revision. */
export interface ApiAnnotation {
  /** Shared name across revisions; defaults to the operationId. */
  readonly family?: string;
  /** 1, 2, …; a newer revision gets its own operationId (convention `Name_V2`). */
  readonly revision?: number;
  readonly status?: 'Preview' | 'Production';
  /** For deprecated operations: what replaces them. */
  readonly replacement?: { readonly api: string; readonly operationId: string };
}

/**
 * The agent protocols an operation may speak (`x-ms-agentic-protocol`): MCP's Streamable HTTP
 * transport, which Copilot Studio calls through the connector. Its SSE transport is not offered:
 * Copilot Studio stopped taking it in August 2025.
 */
export const AGENTIC_PROTOCOLS = ['mcp-streamable-1.0'] as const;

/** One of {@link AGENTIC_PROTOCOLS}. */
export type AgenticProtocol = (typeof AGENTIC_PROTOCOLS)[number];

/** Whether a value, as a definition or an option holds it, is one of {@link AGENTIC_PROTOCOLS}. */
export function isAgenticProtocol(v: unknown): v is AgenticProtocol {
  return (AGENTIC_PROTOCOLS as readonly unknown[]).includes(v);
}

/** Operation-level metadata for {@link Action}. */
export interface ActionOptions {
  /** operationId; defaults to the method name in PascalCase (`score` → `Score`). */
  readonly id?: string;
  /** The action's title in the designer: sentence case, ≤ 80 characters, no final punctuation. */
  readonly summary: string;
  /** Help text: full sentences, different from the summary. */
  readonly description?: string;
  readonly visibility?: Visibility;
  readonly deprecated?: boolean;
  readonly annotation?: ApiAnnotation;
  /** `x-ms-no-generic-test`: exclude from the platform's generic tests. */
  readonly noGenericTest?: boolean;
  /** `x-ms-openai-data`, e.g. `{ 'openai-enabled': true }`. */
  readonly openAiData?: Readonly<Record<string, unknown>>;
  /** `x-ms-operation-context`: the operation the designer calls to simulate a trigger. */
  readonly operationContext?: {
    readonly simulate: { readonly operation: OperationRef; readonly parameters?: Readonly<Record<string, unknown>> };
  };
  /** `x-ms-pageable`: the root response property holding the next page's URL. */
  readonly pageable?: { readonly nextLinkName: 'nextLink' | '@odata.nextLink' };
  /**
   * A long-running action: answers 202 with the Location of a status resource at once, and the
   * platform polls it until the declared result is ready.
   */
  readonly async?: { readonly retryAfter?: number; readonly expiresAfter?: number };
  /** `x-ms-capabilities.chunkTransfer` on the operation. */
  readonly chunkTransfer?: boolean;
  /** `x-ms-safe-operation`. */
  readonly safe?: boolean;
  /**
   * `x-ms-agentic-protocol`: the operation is an MCP server that Copilot Studio agents call (over
   * MCP's Streamable HTTP transport), not an action. Its handler takes `@Exchange()` and answers
   * the protocol's messages itself, usually by handing the exchange to the MCP SDK's transport.
   */
  readonly agenticProtocol?: AgenticProtocol;
  readonly consumes?: readonly string[];
  readonly produces?: readonly string[];
  readonly tags?: readonly string[];
  /** `externalDocs`: where the operation is documented beyond this definition. */
  readonly externalDocs?: ExternalDocs;
  /** OAuth scopes the caller's token must hold. */
  readonly scopes?: readonly string[];
  /** No connection auth for this operation (`security: []`). */
  readonly public?: boolean;
  /** The operation's `security` requirement as written (an imported definition's own). */
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly extensions?: Extensions;
  /** Extensions for the path item that holds this operation. */
  readonly pathExtensions?: Extensions;
}

/** `x-ms-notification-content`: the payload the service posts to the callback URL. */
export interface NotificationContent {
  readonly type: TypeRef;
  readonly description?: string;
}

/** Trigger metadata for {@link Trigger}. */
export interface TriggerOptions extends ActionOptions {
  /** `x-ms-trigger`: `single` (one object per run) or `batch` (an array). */
  readonly kind: 'single' | 'batch';
  /** `x-ms-trigger-hint`: how to make the trigger fire. */
  readonly hint?: string;
  /** `x-ms-trigger-metadata` `{ kind: 'query', mode: 'polling' }` for polling triggers. */
  readonly pollingMetadata?: boolean;
  /** For a hand-written webhook registration: the payload schema, emitted on the path item. */
  readonly notificationContent?: NotificationContent;
}

/**
 * Declares the method an action (operation) of the connector.
 *
 * @example
 * ```ts
 * @Post('/sentiment')
 * @Action({ id: 'DetectSentiment', summary: 'Detect sentiment', description: 'Scores each document.' })
 * score(@Body() body: SentimentRequest) { … }
 * ```
 */
export function Action(options: ActionOptions): MethodDecorator {
  return (target, key) => {
    const rec = methodRecord(classOf(target, key, '@Action'), String(key));
    rec.applied.push('@Action');
    rec.operation = { kind: 'action', options };
  };
}

/**
 * Declares the method a trigger operation written by hand (`x-ms-trigger`). Most connectors use
 * `webhookTrigger()` / `pollingTrigger()` declarations instead, which generate the operations.
 */
export function Trigger(options: TriggerOptions): MethodDecorator {
  return (target, key) => {
    const rec = methodRecord(classOf(target, key, '@Trigger'), String(key));
    rec.applied.push('@Trigger');
    rec.operation = { kind: 'trigger', options };
  };
}

/** Makes the operation callable without connection credentials (`security: []`). */
export function Public(): MethodDecorator {
  return (target, key) => {
    methodRecord(classOf(target, key, '@Public'), String(key)).isPublic = true;
  };
}

/**
 * @flowport/core — decorators, the resolved model, triggers and jobs, and the connector
 * definition (Swagger 2.0 + `x-ms-*`): what a serving app needs. The other documents
 * (apiProperties.json, settings.json, OpenAPI 3) and the lint are in `@flowport/core/documents`.
 * @packageDocumentation
 */
import 'reflect-metadata';

export * from './types';
export { Controller, type ControllerOptions } from './decorators/controller';
export { Get, Post, Put, Patch, Delete, Head, Options } from './decorators/http';
export {
  Action,
  Trigger,
  Public,
  AGENTIC_PROTOCOLS,
  isAgenticProtocol,
  type AgenticProtocol,
  type ActionOptions,
  type TriggerOptions,
  type ApiAnnotation,
  type NotificationContent,
} from './decorators/operation';
export { Returns, type ResponseOptions, type HeaderOptions, type HeaderType } from './decorators/returns';
export {
  Path,
  Query,
  Header,
  Body,
  FormField,
  FormFile,
  Identity,
  Exchange,
  type ParameterOptions,
  type ParameterIn,
} from './decorators/params';
export {
  Field,
  Summary,
  Description,
  Visibility,
  Schema,
  type FieldOptions,
  type SchemaOptions,
} from './decorators/field';
export * from './decorators/constraints';

export * from './auth/auth';
export * from './auth/connection-parameters';
export * from './policies/templates';
export * from './triggers/declarations';
export type { Subscription, Delivery, TriggerStore } from './triggers/store';
export { MemoryTriggerStore } from './triggers/memory-store';
export type { TriggerLogger } from './triggers/logger';
export {
  TriggerRuntime,
  InvalidCursorError,
  InvalidPayloadError,
  SubscriptionLimitError,
  type PayloadCheck,
  type TriggerRuntimeOptions,
  type PollAnswer,
  type EmitOptions,
} from './triggers/runtime';
export {
  checkCallbackUrl,
  isPublicAddress,
  CallbackRefusedError,
  CallbackLookupError,
  type CallbackPolicy,
} from './triggers/callback-url';
export { signCursor, readCursor, type CursorState } from './triggers/cursor';
export { DEFAULT_DELIVERY, type DeliveryOptions } from './triggers/delivery-options';
export {
  DELIVERY_HEADERS,
  signatureOf,
  verifySignature,
  type SignatureCheckOptions,
} from './triggers/notification-signature';
export { retryAfterMs } from './triggers/retry-after';
export {
  Connector,
  CONNECTOR_CATEGORIES,
  type ConnectorOptions,
  type ConnectorInfo,
  type ConnectorCategory,
  type FilePickerCapability,
  type SecurityDefinition,
  type SecurityRequirement,
  type TagDefinition,
  type ConnectionDefinition,
  type ConnectionParameterDefinition,
} from './connector';

export { resolve } from './model/resolve';
export { PARAMETER_CONSTRAINTS, parameterIdentity } from './model/parameter-placement';
export { PROBLEM_MEDIA_TYPE } from './model/problems';
export { Page } from './paging';
export { MemoryJobStore, type Job, type JobStore } from './jobs/store';
export type * from './model/types';
export type * from './schema/model';
export { converters, type Converter } from './schema/converters';
export { toJsonSchema, DEFINITIONS_ID } from './schema/swagger-json-schema';
export { SCHEMA_FORMATS, type SchemaFormat } from './schema/formats';
export { MULTIPLE_OF_PRECISION, isMultipleOf } from './schema/multiple-of';
export { patternRegExp } from './schema/pattern';
export { headerValueRefused, isCheckedHeaderType } from './schema/header-values';
export { isBinarySchema, isBytesSchema } from './schema/bytes';
export { refEntry, refTo } from './schema/refs';
export { misnamedOptions } from './diagnostics/option-checks';
export {
  declaredFormTypes,
  FORM_MEDIA_TYPES,
  isFileField,
  isJsonMediaType,
  isTextMediaType,
  listsMediaType,
} from './model/media-types';
export { COLLECTION_SEPARATORS } from './model/collection-format';
export { isBuiltInConstraint, loadClassValidator } from './schema/class-validator-metadata';

export { catalog, catalogEntries, type CatalogEntry, type Severity } from './diagnostics/catalog';
export { DiagnosticError, formatDiagnostic, type Diagnostic } from './diagnostics/diagnostic';
export { formatLocation, type SourceLocation } from './diagnostics/location';

// The connector definition is here, not in `./documents`: the adapter checks requests against
// its schemas at start-up. The other documents and the lint are in `@flowport/core/documents`.
export { connectorDefinition } from './emit/connector/swagger';
export { toJson } from './emit/json';
export { jsonText } from './json-text';

import type { ConnectorInfo, ConnectorOptions, FilePickerCapability, TagDefinition } from '../connector';
import type { ControllerOptions } from '../decorators/controller';
import type { FieldOptions, SchemaOptions } from '../decorators/field';
import type { ActionOptions, ApiAnnotation, TriggerOptions } from '../decorators/operation';
import type { ParameterOptions } from '../decorators/params';
import type { HeaderOptions, ResponseOptions } from '../decorators/returns';
import type { PollingTriggerDeclaration, WebhookTriggerDeclaration } from '../triggers/declarations';
import type { DescribedOptions, ExternalDocs } from '../types';
import { every } from '../diagnostics/option-checks';
import { PARAMETER_CONSTRAINTS } from './parameter-placement';

/*
 * The names of each declaration's options. `flowport build` compiles without checking types, and
 * JavaScript has none: an option of no such name (`maxium: 5`, `@Query('q', { multipleOf: 2 })`,
 * `unknownProperty: 'allow'`) was ignored without a word, and the constraint or setting it meant
 * was never applied. Each list must name every option of its type: one added to the type and not
 * here fails to compile ({@link every}).
 */

const DESCRIBED = [
  'summary',
  'description',
  'visibility',
  'default',
  'enum',
  'enumValues',
  'testValue',
  'example',
  'format',
  'dynamicValues',
  'dynamicSchema',
  'dynamicTree',
  'dynamicList',
  'dynamicProperties',
  'extensions',
] as const satisfies readonly (keyof DescribedOptions)[];

const PARAMETER = [
  ...DESCRIBED,
  'type',
  'items',
  'required',
  'urlEncoding',
  'collectionFormat',
  ...PARAMETER_CONSTRAINTS,
  'allowEmptyValue',
] as const satisfies readonly (keyof ParameterOptions)[];

const FIELD = [
  ...DESCRIBED,
  'type',
  'required',
  'nullable',
  'readOnly',
  'title',
  'mediaKind',
  'editor',
  'additionalProperties',
  'notificationUrl',
] as const satisfies readonly (keyof FieldOptions)[];

const SCHEMA = [
  'name',
  'description',
  'summary',
  'title',
  'visibility',
  'additionalProperties',
  'inline',
  'type',
  'schema',
  'extensions',
] as const satisfies readonly (keyof SchemaOptions)[];

const ACTION = [
  'id',
  'summary',
  'description',
  'visibility',
  'deprecated',
  'annotation',
  'noGenericTest',
  'openAiData',
  'operationContext',
  'pageable',
  'async',
  'chunkTransfer',
  'safe',
  'agenticProtocol',
  'consumes',
  'produces',
  'tags',
  'externalDocs',
  'scopes',
  'public',
  'security',
  'extensions',
  'pathExtensions',
] as const satisfies readonly (keyof ActionOptions)[];

const TRIGGER = [
  ...ACTION,
  'kind',
  'hint',
  'pollingMetadata',
  'notificationContent',
] as const satisfies readonly (keyof TriggerOptions)[];

const RESPONSE = [
  'description',
  'summary',
  'mediaKind',
  'headers',
  'examples',
  'extensions',
] as const satisfies readonly (keyof ResponseOptions)[];

const CONTROLLER = [
  'tags',
  'visibility',
  'public',
  'extensions',
] as const satisfies readonly (keyof ControllerOptions)[];

const CONNECTOR = [
  'info',
  'host',
  'basePath',
  'schemes',
  'consumes',
  'produces',
  'brandColor',
  'publisher',
  'stackOwner',
  'metadata',
  'capabilities',
  'testConnection',
  'filePicker',
  'auth',
  'connectionParameters',
  'policies',
  'controllers',
  'triggers',
  'icon',
  'script',
  'unknownProperties',
  'extensions',
  'pathExtensions',
  'tags',
  'externalDocs',
  'schemas',
  'securityDefinitions',
  'security',
  'connection',
  'asDeclared',
] as const satisfies readonly (keyof ConnectorOptions)[];

const WEBHOOK = [
  'kind',
  'id',
  'path',
  'summary',
  'description',
  'payload',
  'payloadDescription',
  'filters',
  'hint',
  'visibility',
  'callbackField',
  'deleteId',
  'matches',
] as const satisfies readonly (keyof WebhookTriggerDeclaration)[];

const POLLING = [
  'kind',
  'id',
  'path',
  'summary',
  'description',
  'batch',
  'item',
  'filters',
  'hint',
  'visibility',
  'retryAfter',
  'poll',
] as const satisfies readonly (keyof PollingTriggerDeclaration)[];

type Contact = NonNullable<ConnectorInfo['contact']>;
type License = NonNullable<ConnectorInfo['license']>;
type Metadata = NonNullable<ConnectorOptions['metadata']>;
type Async = NonNullable<ActionOptions['async']>;
type Pageable = NonNullable<ActionOptions['pageable']>;
type TestConnection = NonNullable<ConnectorOptions['testConnection']>;
type PickerCall = FilePickerCapability['open'];
type Script = NonNullable<ConnectorOptions['script']>;

/** The options each declaration takes, by the name it is written with. */
export const OPTION_NAMES = {
  parameter: every<ParameterOptions>()(PARAMETER),
  // `@Body({ name })`: the name of the body parameter, which the others take as their first argument.
  body: new Set<string>([...PARAMETER, 'name']),
  field: every<FieldOptions>()(FIELD),
  schema: every<SchemaOptions>()(SCHEMA),
  action: every<ActionOptions>()(ACTION),
  trigger: every<TriggerOptions>()(TRIGGER),
  response: every<ResponseOptions>()(RESPONSE),
  header: every<HeaderOptions>()(['type', 'format', 'description', 'summary', 'visibility', 'extensions']),
  controller: every<ControllerOptions>()(CONTROLLER),
  connector: every<ConnectorOptions>()(CONNECTOR),
  info: every<ConnectorInfo>()([
    'title',
    'description',
    'version',
    'contact',
    'termsOfService',
    'license',
    'status',
    'deploymentVersion',
    'keywords',
    'extensions',
  ]),
  contact: every<Contact>()(['name', 'url', 'email']),
  license: every<License>()(['name', 'url']),
  metadata: every<Metadata>()(['website', 'privacyPolicy', 'categories']),
  async: every<Async>()(['retryAfter', 'expiresAfter']),
  pageable: every<Pageable>()(['nextLinkName']),
  annotation: every<ApiAnnotation>()(['family', 'revision', 'status', 'replacement']),
  externalDocs: every<ExternalDocs>()(['url', 'description']),
  tag: every<TagDefinition>()(['name', 'description', 'externalDocs']),
  testConnection: every<TestConnection>()(['operation', 'parameters']),
  pickerCall: every<PickerCall>()(['operation', 'parameters']),
  filePicker: every<FilePickerCapability>()([
    'open',
    'browse',
    'valueTitle',
    'valueCollection',
    'valueFolderProperty',
    'valueMediaProperty',
  ]),
  script: every<Script>()(['file', 'operations']),
  webhook: every<WebhookTriggerDeclaration>()(WEBHOOK),
  polling: every<PollingTriggerDeclaration>()(POLLING),
} as const;

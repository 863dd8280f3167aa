import type { ConnectorInfo, ConnectorOptions, FilePickerCapability, TagDefinition } from '../connector';
import type { ControllerOptions } from '../decorators/controller';
import type { FieldOptions, SchemaOptions } from '../decorators/field';
import type { ActionOptions, ApiAnnotation, TriggerOptions } from '../decorators/operation';
import type { ParameterOptions } from '../decorators/params';
import type { HeaderOptions, ResponseOptions } from '../decorators/returns';
import type { PollingTriggerDeclaration, WebhookTriggerDeclaration } from '../triggers/declarations';
import type { DescribedOptions, ExternalDocs } from '../types';
import { PARAMETER_CONSTRAINTS } from './parameter-placement';

/*
 * The names of each declaration's options. `flowport build` compiles without checking types, and
 * JavaScript has none: an option of no such name (`maxium: 5`, `@Query('q', { multipleOf: 2 })`,
 * `unknownProperty: 'allow'`) was ignored without a word, and the constraint or setting it meant
 * was never applied. Each list must name every option of its type: one added to the type and not
 * here fails to compile (the checks at the end of this file).
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

const HEADER = [
  'type',
  'format',
  'description',
  'summary',
  'visibility',
  'extensions',
] as const satisfies readonly (keyof HeaderOptions)[];

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

const INFO = [
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
] as const satisfies readonly (keyof ConnectorInfo)[];

type Contact = NonNullable<ConnectorInfo['contact']>;
const CONTACT = ['name', 'url', 'email'] as const satisfies readonly (keyof Contact)[];

type License = NonNullable<ConnectorInfo['license']>;
const LICENSE = ['name', 'url'] as const satisfies readonly (keyof License)[];

type Metadata = NonNullable<ConnectorOptions['metadata']>;
const METADATA = ['website', 'privacyPolicy', 'categories'] as const satisfies readonly (keyof Metadata)[];

type Async = NonNullable<ActionOptions['async']>;
const ASYNC = ['retryAfter', 'expiresAfter'] as const satisfies readonly (keyof Async)[];

type Pageable = NonNullable<ActionOptions['pageable']>;
const PAGEABLE = ['nextLinkName'] as const satisfies readonly (keyof Pageable)[];

const ANNOTATION = ['family', 'revision', 'status', 'replacement'] as const satisfies readonly (keyof ApiAnnotation)[];

const EXTERNAL_DOCS = ['url', 'description'] as const satisfies readonly (keyof ExternalDocs)[];

const TAG = ['name', 'description', 'externalDocs'] as const satisfies readonly (keyof TagDefinition)[];

type TestConnection = NonNullable<ConnectorOptions['testConnection']>;
const TEST_CONNECTION = ['operation', 'parameters'] as const satisfies readonly (keyof TestConnection)[];

type PickerCall = FilePickerCapability['open'];
const PICKER_CALL = ['operation', 'parameters'] as const satisfies readonly (keyof PickerCall)[];

const FILE_PICKER = [
  'open',
  'browse',
  'valueTitle',
  'valueCollection',
  'valueFolderProperty',
  'valueMediaProperty',
] as const satisfies readonly (keyof FilePickerCapability)[];

type Script = NonNullable<ConnectorOptions['script']>;
const SCRIPT = ['file', 'operations'] as const satisfies readonly (keyof Script)[];

/** The options each declaration takes, by the name it is written with. */
export const OPTION_NAMES = {
  parameter: new Set<string>(PARAMETER),
  // `@Body({ name })`: the name of the body parameter, which the others take as their first argument.
  body: new Set<string>([...PARAMETER, 'name']),
  field: new Set<string>(FIELD),
  schema: new Set<string>(SCHEMA),
  action: new Set<string>(ACTION),
  trigger: new Set<string>(TRIGGER),
  response: new Set<string>(RESPONSE),
  header: new Set<string>(HEADER),
  controller: new Set<string>(CONTROLLER),
  connector: new Set<string>(CONNECTOR),
  info: new Set<string>(INFO),
  contact: new Set<string>(CONTACT),
  license: new Set<string>(LICENSE),
  metadata: new Set<string>(METADATA),
  async: new Set<string>(ASYNC),
  pageable: new Set<string>(PAGEABLE),
  annotation: new Set<string>(ANNOTATION),
  externalDocs: new Set<string>(EXTERNAL_DOCS),
  tag: new Set<string>(TAG),
  testConnection: new Set<string>(TEST_CONNECTION),
  pickerCall: new Set<string>(PICKER_CALL),
  filePicker: new Set<string>(FILE_PICKER),
  script: new Set<string>(SCRIPT),
  webhook: new Set<string>(WEBHOOK),
  polling: new Set<string>(POLLING),
} as const;

// Each list names every option of its type: an option added to the type and not here fails to compile.
const complete: [
  Exclude<keyof ParameterOptions, (typeof PARAMETER)[number]>,
  Exclude<keyof FieldOptions, (typeof FIELD)[number]>,
  Exclude<keyof SchemaOptions, (typeof SCHEMA)[number]>,
  Exclude<keyof TriggerOptions, (typeof TRIGGER)[number]>,
  Exclude<keyof ResponseOptions, (typeof RESPONSE)[number]>,
  Exclude<keyof HeaderOptions, (typeof HEADER)[number]>,
  Exclude<keyof ControllerOptions, (typeof CONTROLLER)[number]>,
  Exclude<keyof ConnectorOptions, (typeof CONNECTOR)[number]>,
  Exclude<keyof WebhookTriggerDeclaration, (typeof WEBHOOK)[number]>,
  Exclude<keyof PollingTriggerDeclaration, (typeof POLLING)[number]>,
  Exclude<keyof ConnectorInfo, (typeof INFO)[number]>,
  Exclude<keyof Contact, (typeof CONTACT)[number]>,
  Exclude<keyof License, (typeof LICENSE)[number]>,
  Exclude<keyof Metadata, (typeof METADATA)[number]>,
  Exclude<keyof Async, (typeof ASYNC)[number]>,
  Exclude<keyof Pageable, (typeof PAGEABLE)[number]>,
  Exclude<keyof ApiAnnotation, (typeof ANNOTATION)[number]>,
  Exclude<keyof ExternalDocs, (typeof EXTERNAL_DOCS)[number]>,
  Exclude<keyof TagDefinition, (typeof TAG)[number]>,
  Exclude<keyof TestConnection, (typeof TEST_CONNECTION)[number]>,
  Exclude<keyof PickerCall, (typeof PICKER_CALL)[number]>,
  Exclude<keyof FilePickerCapability, (typeof FILE_PICKER)[number]>,
  Exclude<keyof Script, (typeof SCRIPT)[number]>,
] extends [
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
  never,
]
  ? true
  : false = true;
void complete;

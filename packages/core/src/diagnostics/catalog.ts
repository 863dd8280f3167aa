/**
 * The one diagnostics catalog. Every problem Flowport reports — while resolving decorators,
 * emitting, linting or importing — has a stable code here, a message template and a hint that
 * says how to fix it in Flowport code. Codes never change meaning; retired codes are not reused.
 *
 * Templates use `{name}` placeholders filled from the diagnostic's arguments.
 */
export type Severity = 'error' | 'warning';

export interface CatalogEntry {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly message: string;
  readonly hint: string;
}

function entry(code: string, name: string, severity: Severity, message: string, hint: string): CatalogEntry {
  return { code, name, severity, message, hint };
}

export const catalog = {
  // FP10xx — controllers, routes and operations
  duplicateOperationId: entry(
    'FP1001',
    'duplicate-operation-id',
    'error',
    'operationId "{id}" is used by {first} and {second}',
    'Give one of them an explicit id: @Action({ id: "…" }).',
  ),
  pathVariableWithoutParameter: entry(
    'FP1002',
    'path-variable-without-parameter',
    'error',
    'path "{path}" has the variable {{name}} but the handler declares no @Path("{name}") parameter',
    'Add a parameter decorated with @Path("{name}") or remove the variable from the route.',
  ),
  pathParameterNotInTemplate: entry(
    'FP1003',
    'path-parameter-not-in-template',
    'error',
    '@Path("{name}") does not appear in the route "{path}"',
    'Add {{name}} to the route passed to @Get/@Post/…, or use @Query for this parameter.',
  ),
  multipleBodies: entry(
    'FP1004',
    'multiple-bodies',
    'error',
    'the operation declares {count} body parameters; a request has one body',
    'Merge the bodies into one DTO class and keep a single @Body().',
  ),
  bodyOnGet: entry(
    'FP1005',
    'body-on-get',
    'error',
    'a {method} operation cannot take a body or form data',
    'Use @Query parameters, or change the route to @Post/@Put/@Patch.',
  ),
  fileOutsideFormData: entry(
    'FP1006',
    'file-outside-form-data',
    'error',
    'type "file" is only allowed for form-data parameters and as a whole response',
    'Use @FormFile("name") for uploads, or format "binary" for a raw body.',
  ),
  bodyAndFormData: entry(
    'FP1007',
    'body-and-form-data',
    'error',
    'the operation mixes @Body() with form-data parameters',
    'Send either a JSON body or multipart/form-data fields, not both.',
  ),
  undecoratedParameter: entry(
    'FP1008',
    'undecorated-parameter',
    'error',
    'handler parameter #{index} has no Flowport parameter decorator',
    'Decorate it with @Path, @Query, @Header, @Body, @FormField, @FormFile or @Identity.',
  ),
  enumValueNotInEnum: entry(
    'FP1009',
    'enum-value-not-in-enum',
    'error',
    'enumValues names {value}, which is not one of the allowed values',
    'Give a display name only to values listed in `enum`.',
  ),
  missingHttpMethod: entry(
    'FP1010',
    'missing-http-method',
    'error',
    '{what} is declared but the method has no @Get/@Post/@Put/@Patch/@Delete route',
    'Add a route decorator such as @Get("/items").',
  ),
  noSuccessResponse: entry(
    'FP1011',
    'no-success-response',
    'error',
    'the operation declares no 2xx response',
    'Add @Returns(200, Type) (or 201/202/204) to the method.',
  ),
  invalidOperationId: entry(
    'FP1012',
    'invalid-operation-id',
    'error',
    'operationId "{id}" must start with a letter and contain only letters, digits and "_"',
    'Pass an id such as "GetItems" to @Action({ id }).',
  ),
  invalidPath: entry(
    'FP1013',
    'invalid-path',
    'error',
    'route "{path}" is not a valid connector path: {reason}',
    'Routes start with "/", use {name} for variables (one per segment part) and contain no "?", "#" or "*".',
  ),
  duplicateRoute: entry(
    'FP1014',
    'duplicate-route',
    'error',
    '{method} {path} is declared by {first} and {second}',
    'Give each operation its own method and path.',
  ),
  duplicateParameter: entry(
    'FP1015',
    'duplicate-parameter',
    'error',
    'parameter "{name}" in {in} is declared twice',
    'Each wire parameter may be bound once per operation.',
  ),
  reservedParameterName: entry(
    'FP1016',
    'reserved-parameter-name',
    'error',
    'a parameter may not be named "{name}": the platform reserves it',
    'Rename the wire name, e.g. @Query("connectorConnectionId").',
  ),
  headerParameterForbidden: entry(
    'FP1017',
    'header-parameter-forbidden',
    'error',
    'header "{name}" is set by the platform or the connection and cannot be an operation parameter',
    'Read it from the request context instead of declaring it as @Header.',
  ),

  // FP11xx — references between operations (dynamic values, capabilities, policies)
  referenceOutsideConnector: entry(
    'FP1101',
    'reference-outside-connector',
    'error',
    '{what} references {target}, which is not an operation of this connector',
    'Reference a decorated method of a controller listed in the Connector: () => Controller.prototype.method.',
  ),
  referencePathMissing: entry(
    'FP1102',
    'reference-path-missing',
    'error',
    '{what} reads "{path}" but the response of {target} has no such {kind}',
    "Point the path at a property of the target operation's 200/201 response schema.",
  ),
  referenceParameterUnknown: entry(
    'FP1103',
    'reference-parameter-unknown',
    'error',
    '{what} binds "{name}", which is not a parameter of {target}',
    'Bind only parameters that {target} declares: {known}.',
  ),
  referenceSourceUnknown: entry(
    'FP1104',
    'reference-source-unknown',
    'error',
    '{what} takes "{name}" from the calling operation, which declares no such parameter',
    'Name a parameter of this operation (or "body/<property>" for a body field): {known}.',
  ),
  testConnectionHasParameters: entry(
    'FP1105',
    'test-connection-parameters',
    'error',
    'testConnection operation {target} must be a GET callable with literal parameters only; "{name}" is required and has no literal',
    'Pass a literal for every required parameter: testConnection: { operation, parameters: { {name}: … } }.',
  ),
  unknownOperationRef: entry(
    'FP1106',
    'unknown-operation-ref',
    'error',
    '{what} is not a method reference',
    'Write a thunk that returns the method: () => Controller.prototype.method.',
  ),

  // FP12xx — triggers
  notificationUrlNotRequired: entry(
    'FP1201',
    'notification-url-not-required',
    'error',
    'the notification URL field "{name}" must be required at every level of the body',
    'Remove @IsOptional() from the callback field and from every parent object.',
  ),
  notificationUrlNotInternal: entry(
    'FP1202',
    'notification-url-not-internal',
    'error',
    'the notification URL field "{name}" (or a parent) must have visibility "internal"',
    'Add @Visibility("internal") to the callback field.',
  ),
  webhookWithoutDelete: entry(
    'FP1203',
    'webhook-without-delete',
    'error',
    'webhook trigger {id} has no DELETE operation for its subscriptions',
    'Declare a DELETE operation on the Location path returned by the registration, or use webhookTrigger(), which generates it.',
  ),
  webhookWithoutNotificationUrl: entry(
    'FP1204',
    'webhook-without-notification-url',
    'error',
    'trigger {id} declares notification content but its body has no field marked notificationUrl',
    'Mark the callback field with @Field({ notificationUrl: true }).',
  ),
  notificationUrlWithoutContent: entry(
    'FP1205',
    'notification-url-without-content',
    'error',
    'operation {id} has a notification URL field but no notification content',
    'Declare the payload: @Trigger({ kind: "single", notificationContent: Payload }).',
  ),
  webhookNotSingle: entry(
    'FP1206',
    'webhook-not-single',
    'error',
    'webhook trigger {id} must be x-ms-trigger "single" to appear in the designer',
    'Use kind: "single" for webhook registrations.',
  ),
  notificationUrlNotString: entry(
    'FP1207',
    'notification-url-not-string',
    'error',
    'the notification URL field "{name}" must be a string',
    'Declare the callback field as a string property.',
  ),

  // FP13xx — parameters and text
  internalRequiredWithoutDefault: entry(
    'FP1301',
    'internal-required-without-default',
    'error',
    '"{name}" is internal and required but has no default, so the platform cannot fill it',
    'Give it a default value, make it optional, or change its visibility.',
  ),
  summaryTooLong: entry(
    'FP1302',
    'summary-too-long',
    'error',
    'summary of {id} has {length} characters; the limit is 80',
    'Shorten the summary and move the details into description.',
  ),
  urlEncodingOnQuery: entry(
    'FP1303',
    'url-encoding-on-query',
    'error',
    'x-ms-url-encoding is only for path parameters ("{name}" is in {in})',
    'Remove urlEncoding from this parameter.',
  ),

  // FP14xx — schemas from DTO classes
  unsupportedConstraint: entry(
    'FP1401',
    'unsupported-constraint',
    'error',
    'class-validator constraint {constraint} has no JSON Schema form, so the published schema could not promise it',
    'Replace it with a constraint the table supports (see the README), or express the rule with @Matches/@Min/@Max.',
  ),
  untypedProperty: entry(
    'FP1402',
    'untyped-property',
    'error',
    'the type of this property cannot be read from its declaration ({found})',
    "Say the type: @Field({ type: String }), @Type(() => Item) or @IsString() on a property; { type: Number } in a parameter decorator's options.",
  ),
  schemaNameCollision: entry(
    'FP1403',
    'schema-name-collision',
    'error',
    'two different classes are both named "{name}"',
    'Give one a distinct schema name: @Schema({ name: "…" }).',
  ),
  untypedArray: entry(
    'FP1404',
    'untyped-array',
    'error',
    'the element type of this array is unknown',
    'Add @Type(() => Item), @IsString({ each: true }) or @Field({ type: [Item] }).',
  ),
  invalidPattern: entry(
    'FP1405',
    'invalid-pattern',
    'error',
    'pattern {pattern} uses regular-expression flags ({flags}) that JSON Schema cannot carry',
    'Write the pattern without flags, e.g. [a-zA-Z] instead of /[a-z]/i.',
  ),
  conflictingTypes: entry(
    'FP1406',
    'conflicting-constraints',
    'error',
    'constraints disagree about the type: {first} and {second}',
    'Keep the constraints of one type.',
  ),
  editorNeedsDictionary: entry(
    'FP1407',
    'editor-needs-additional-properties',
    'error',
    'x-ms-editor "dictionary" needs an object schema that allows additional properties',
    'Declare the field as a dictionary: @Field({ editor: "dictionary", additionalProperties: String }).',
  ),

  // FP15xx — connector-level declarations
  invalidConnector: entry('FP1501', 'invalid-connector', 'error', '{what}', 'Fix the Connector declaration.'),
  invalidHost: entry(
    'FP1502',
    'invalid-host',
    'error',
    'host "{host}" must be host[:port] without scheme or path',
    'Write host: "api.example.com"; put the path in basePath and the scheme in schemes.',
  ),
  invalidBrandColor: entry(
    'FP1503',
    'invalid-brand-color',
    'error',
    'brandColor "{color}" is not a #rrggbb colour',
    'Use a six-digit hex colour such as "#3A7BD5".',
  ),
  controllerNotDecorated: entry(
    'FP1504',
    'controller-not-decorated',
    'error',
    'class {class} is listed as a controller but has no @Controller decorator',
    'Add @Controller("/base-path") to the class.',
  ),
  noOperations: entry(
    'FP1505',
    'no-operations',
    'error',
    'the connector has no operations',
    'List at least one controller with a routed method, or a trigger.',
  ),
  invalidConnectionParameter: entry(
    'FP1506',
    'invalid-connection-parameter',
    'error',
    'connection parameter "{name}": {reason}',
    'Connection parameter names use letters, digits and "_" (or "name:sub"); each is declared once.',
  ),
  invalidPolicy: entry(
    'FP1507',
    'invalid-policy',
    'error',
    'policy "{title}" ({templateId}): {reason}',
    "Fix the policy helper's arguments.",
  ),
} as const satisfies Record<string, CatalogEntry>;

export type CatalogKey = keyof typeof catalog;

/** Every entry, ordered by code — for documentation and for tests that cover the whole catalog. */
export function catalogEntries(): CatalogEntry[] {
  return Object.values(catalog as Record<string, CatalogEntry>).sort((a, b) => a.code.localeCompare(b.code));
}

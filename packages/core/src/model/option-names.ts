import type { ConnectorOptions } from '../connector';
import type { ControllerOptions } from '../decorators/controller';
import type { FieldOptions, SchemaOptions } from '../decorators/field';
import type { ActionOptions, TriggerOptions } from '../decorators/operation';
import type { ParameterOptions } from '../decorators/params';
import type { ResponseOptions } from '../decorators/returns';
import type { PollingTriggerDeclaration, WebhookTriggerDeclaration } from '../triggers/declarations';
import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type { DescribedOptions } from '../types';
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
  controller: new Set<string>(CONTROLLER),
  connector: new Set<string>(CONNECTOR),
  webhook: new Set<string>(WEBHOOK),
  polling: new Set<string>(POLLING),
} as const;

/**
 * Reports each option of `o` that `known` does not name, at `at` (or where `at` places the option),
 * naming `decorator` as it is written. Every
 * operation, parameter and property of a build passes here: nothing is allocated unless one is
 * reported.
 */
export function checkOptionNames(
  o: object,
  known: ReadonlySet<string>,
  decorator: string,
  at: SourceLocation | ((option: string) => SourceLocation),
  bag: DiagnosticBag,
): void {
  for (const option in o) {
    if (!Object.hasOwn(o, option) || known.has(option)) continue;
    const near = nearest(option, known);
    bag.report('unknownOption', typeof at === 'function' ? at(option) : at, {
      decorator,
      option,
      fix: near
        ? `Rename it ${near}, the option it looks like`
        : `Remove it, or give it the name of an option ${decorator} takes (tsc lists them)`,
    });
  }
}

/**
 * The known name `name` is most likely a misspelling of: another case, or a letter off for each
 * four letters (one at least, three at most: `tag` for tags, `unknownProperty` for unknownProperties).
 */
function nearest(name: string, known: ReadonlySet<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.max(1, Math.floor(name.length / 4)));
  for (const k of known) {
    if (k.toLowerCase() === lower) return k;
    const d = distance(lower, k.toLowerCase());
    if (d <= bestDistance) [best, bestDistance] = [k, d - 1];
  }
  return best;
}

/** Levenshtein distance: the fewest letters added, removed or changed to make `a` into `b`. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

// Each list names every option of its type: an option added to the type and not here fails to compile.
const complete: [
  Exclude<keyof ParameterOptions, (typeof PARAMETER)[number]>,
  Exclude<keyof FieldOptions, (typeof FIELD)[number]>,
  Exclude<keyof SchemaOptions, (typeof SCHEMA)[number]>,
  Exclude<keyof TriggerOptions, (typeof TRIGGER)[number]>,
  Exclude<keyof ResponseOptions, (typeof RESPONSE)[number]>,
  Exclude<keyof ControllerOptions, (typeof CONTROLLER)[number]>,
  Exclude<keyof ConnectorOptions, (typeof CONNECTOR)[number]>,
  Exclude<keyof WebhookTriggerDeclaration, (typeof WEBHOOK)[number]>,
  Exclude<keyof PollingTriggerDeclaration, (typeof POLLING)[number]>,
] extends [never, never, never, never, never, never, never, never, never]
  ? true
  : false = true;
void complete;

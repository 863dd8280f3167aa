import { code, quote, type Code } from './code';
import { bagReason } from './extensions';
import { entry, isObject, type Json } from './read';

/** Finds the handler of an operationId, as a method-reference thunk (`() => X.prototype.m`). */
export type OperationLookup = (operationId: unknown) => Code | undefined;

/**
 * Where a schema's annotations go: DTO fields take the most keys, `described()` types add a
 * title to what parameters take.
 */
export type Place = 'field' | 'parameter' | 'type';

/** The first-class options read from a schema, the bag of the rest, and the reason for each bag key. */
export interface Annotations {
  readonly options: Json;
  readonly extensions: Json;
  readonly notes: string[];
  /** Keys that have no place here; the caller writes the schema literally instead. */
  readonly leftovers: string[];
}

const VISIBILITY = new Set(['important', 'advanced', 'internal']);

type Reader = (value: unknown, s: Json, place: Place, ops: OperationLookup) => Json | undefined;

const text =
  (option: string): Reader =>
  (v) =>
    typeof v === 'string' ? { [option]: v } : undefined;
const any =
  (option: string): Reader =>
  (v) => ({ [option]: v });
const fieldOnly =
  (read: Reader): Reader =>
  (v, s, place, ops) =>
    place === 'field' ? read(v, s, place, ops) : undefined;

/** Each annotation key and how it becomes an option; `undefined` sends it to the bag. */
const READERS: Record<string, Reader> = {
  description: text('description'),
  'x-ms-summary': text('summary'),
  'x-ms-visibility': (v) => (typeof v === 'string' && VISIBILITY.has(v) ? { visibility: v } : undefined),
  default: any('default'),
  enum: (v) => (Array.isArray(v) && v.length > 0 && v.every(isEnumMember) ? { enum: v } : undefined),
  'x-ms-enum-values': (v, s) => (enumValuesFit(v, s) ? { enumValues: v } : undefined),
  'x-ms-test-value': any('testValue'),
  example: any('example'),
  format: text('format'),
  title: (v, _s, place) => (place !== 'parameter' && typeof v === 'string' ? { title: v } : undefined),
  readOnly: fieldOnly((v) => (v === true ? { readOnly: true } : undefined)),
  'x-nullable': fieldOnly((v) => (v === true ? { nullable: true } : undefined)),
  'x-ms-media-kind': fieldOnly((v, s) =>
    (v === 'image' || v === 'audio') && s.format === 'binary' ? { mediaKind: v } : undefined,
  ),
  'x-ms-editor': fieldOnly((v, s) =>
    v === 'dictionary' &&
    s.type === 'object' &&
    s.additionalProperties !== undefined &&
    s.additionalProperties !== false
      ? { editor: v }
      : undefined,
  ),
  'x-ms-notification-url': fieldOnly((v) => (v === true ? { notificationUrl: true } : undefined)),
  'x-ms-dynamic-values': (v, _s, _p, ops) => dynamicValues(v, ops),
  'x-ms-dynamic-list': (v, _s, _p, ops) => dynamicList(v, ops),
  'x-ms-dynamic-schema': (v, _s, _p, ops) => dynamicSchema(v, ops),
  'x-ms-dynamic-properties': (v, _s, _p, ops) => dynamicProperties(v, ops),
  'x-ms-dynamic-tree': (v, _s, _p, ops) => dynamicTree(v, ops),
};

function isEnumMember(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function enumValuesFit(v: unknown, s: Json): boolean {
  if (!Array.isArray(v) || v.length === 0) return false;
  const members = Array.isArray(s.enum) ? s.enum : undefined;
  return v.every(
    (e) =>
      isObject(e) &&
      Object.keys(e).length === 2 &&
      isEnumMember(e.value) &&
      typeof e.displayName === 'string' &&
      (members === undefined || members.includes(e.value)),
  );
}

/**
 * Reads a schema's annotations (label, help text, visibility, dynamic sources, …) into options.
 * `structural` keys are the caller's own (type, items, constraints…). A documented key whose value
 * has no first-class form, and every other `x-` key, goes to the extensions bag with a note.
 */
export function annotations(s: Json, structural: ReadonlySet<string>, place: Place, ops: OperationLookup): Annotations {
  const out: Annotations = { options: {}, extensions: {}, notes: [], leftovers: [] };
  for (const [k, v] of Object.entries(s)) {
    if (structural.has(k)) continue;
    const read = entry(READERS, k);
    const option = read?.(v, s, place, ops);
    if (option) Object.assign(out.options, option);
    else if (k.startsWith('x-')) {
      out.extensions[k] = v;
      out.notes.push(bagReason(k, v));
    } else out.leftovers.push(k);
  }
  return out;
}

/** Adds the bag to the options when it has keys. */
export function withExtensions(a: Annotations): Json {
  return Object.keys(a.extensions).length > 0 ? { ...a.options, extensions: a.extensions } : a.options;
}

function exactKeys(o: Json, allowed: readonly string[], required: readonly string[] = []): boolean {
  return Object.keys(o).every((k) => allowed.includes(k)) && required.every((k) => o[k] !== undefined);
}

const optionalText = (v: unknown) => v === undefined || typeof v === 'string';

/** Legacy arguments: literals, or `{ parameter }` naming a plain parameter of the caller. */
function legacyArguments(v: unknown): Json | undefined {
  if (v === undefined) return {};
  if (!isObject(v)) return undefined;
  const out: Json = {};
  for (const [k, a] of Object.entries(v)) {
    if (isObject(a)) {
      if (!exactKeys(a, ['parameter'], ['parameter']) || typeof a.parameter !== 'string' || a.parameter.includes('/'))
        return undefined;
      out[k] = code(`param(${quote(a.parameter)})`);
    } else if (isEnumMember(a) || a === null) out[k] = a;
    else if (Array.isArray(a) && a.every(isEnumMember)) out[k] = a;
    else return undefined;
  }
  return out;
}

/** Newer arguments: `{ value }` or `{ parameterReference }`, written as they are. */
function listArguments(v: unknown): Json | undefined {
  if (v === undefined) return {};
  if (!isObject(v)) return undefined;
  for (const a of Object.values(v)) {
    if (!isObject(a) || Object.keys(a).length !== 1) return undefined;
    if (!('value' in a) && typeof a.parameterReference !== 'string') return undefined;
  }
  return v;
}

/** Adds `parameters` when the source declares them, even as `{}` (kept as written). */
function withParameters(args: Json | undefined, rest: Json, declared: unknown): Json {
  return args && declared !== undefined ? { ...rest, parameters: args } : rest;
}

function dynamicValues(v: unknown, ops: OperationLookup): Json | undefined {
  const keys = ['operationId', 'capability', 'parameters', 'value-collection', 'value-path', 'value-title'];
  if (!isObject(v) || !exactKeys(v, keys)) return undefined;
  // The values come from an operation of the connector, or from the platform's file picker.
  const source =
    v.operationId === undefined && v.capability === 'file-picker'
      ? { capability: 'file-picker' }
      : v.capability === undefined && ops(v.operationId)
        ? { operation: ops(v.operationId) }
        : undefined;
  const args = legacyArguments(v.parameters);
  const paths = [v['value-collection'], v['value-title']];
  if (!source || !args || typeof v['value-path'] !== 'string' || !paths.every(optionalText)) return undefined;
  return {
    dynamicValues: withParameters(
      args,
      { ...source, collection: v['value-collection'], value: v['value-path'], title: v['value-title'] },
      v.parameters,
    ),
  };
}

function dynamicList(v: unknown, ops: OperationLookup): Json | undefined {
  if (!isObject(v) || !exactKeys(v, ['operationId', 'parameters', 'itemsPath', 'itemValuePath', 'itemTitlePath']))
    return undefined;
  const operation = ops(v.operationId);
  const args = listArguments(v.parameters);
  if (!operation || !args || ![v.itemsPath, v.itemValuePath, v.itemTitlePath].every(optionalText)) return undefined;
  return {
    dynamicList: withParameters(
      args,
      { operation, itemsPath: v.itemsPath, itemValuePath: v.itemValuePath, itemTitlePath: v.itemTitlePath },
      v.parameters,
    ),
  };
}

function dynamicSchema(v: unknown, ops: OperationLookup): Json | undefined {
  if (!isObject(v) || !exactKeys(v, ['operationId', 'parameters', 'value-path'])) return undefined;
  const operation = ops(v.operationId);
  const args = legacyArguments(v.parameters);
  if (!operation || !args || !optionalText(v['value-path'])) return undefined;
  return { dynamicSchema: withParameters(args, { operation, valuePath: v['value-path'] }, v.parameters) };
}

function dynamicProperties(v: unknown, ops: OperationLookup): Json | undefined {
  if (!isObject(v) || !exactKeys(v, ['operationId', 'parameters', 'itemValuePath'])) return undefined;
  const operation = ops(v.operationId);
  const args = listArguments(v.parameters);
  if (!operation || !args || !optionalText(v.itemValuePath)) return undefined;
  return { dynamicProperties: withParameters(args, { operation, itemValuePath: v.itemValuePath }, v.parameters) };
}

const TREE_CALL = ['operationId', 'parameters', 'itemsPath', 'itemValuePath', 'itemTitlePath', 'itemFullTitlePath'];

/**
 * One side of a tree, when its paths are text as the option takes them; otherwise the extension is
 * kept as written. Before, a path of another type was written into `dynamicTree`, and the imported
 * project failed to build (FP1018).
 */
function treeCall(v: unknown, ops: OperationLookup): Json | undefined {
  if (!isObject(v) || !exactKeys(v, [...TREE_CALL, 'itemIsParent'], ['itemValuePath', 'itemTitlePath']))
    return undefined;
  const operation = ops(v.operationId);
  if (!operation || (v.parameters !== undefined && !isObject(v.parameters))) return undefined;
  const paths = [v.itemsPath, v.itemValuePath, v.itemTitlePath, v.itemFullTitlePath, v.itemIsParent];
  if (!paths.every(optionalText)) return undefined;
  const { operationId: _id, ...rest } = v;
  return { operation, ...rest };
}

const optionalFlag = (v: unknown) => v === undefined || typeof v === 'boolean';

function dynamicTree(v: unknown, ops: OperationLookup): Json | undefined {
  if (!isObject(v) || !exactKeys(v, ['settings', 'open', 'browse'], ['open'])) return undefined;
  const open = treeCall(v.open, ops);
  const browse = v.browse === undefined ? undefined : treeCall(v.browse, ops);
  if (!open || (v.browse !== undefined && !browse)) return undefined;
  const settings = v.settings;
  if (settings !== undefined) {
    if (!isObject(settings) || !exactKeys(settings, ['canSelectParentNodes', 'canSelectLeafNodes'])) return undefined;
    if (!optionalFlag(settings.canSelectParentNodes) || !optionalFlag(settings.canSelectLeafNodes)) return undefined;
  }
  return { dynamicTree: { settings, open, browse } };
}

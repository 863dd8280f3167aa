import { refEntry } from '../schema/refs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** The files of one connector, as `flowport validate` reads them. */
export interface ConnectorDocuments {
  readonly definition: Json;
  readonly properties?: Json;
  /** Size of apiDefinition.swagger.json in bytes. */
  readonly bytes: number;
  /** The files beside the definition that the connector has: its icon and custom code. */
  readonly assets?: ConnectorAssets;
}

/** The icon (`icon.png`) and custom code (`script.csx`) of a connector. */
export interface ConnectorAssets {
  readonly icon?: ConnectorFile;
  readonly script?: ConnectorFile;
}

/** A file of a connector: its name as the user gave it (a module's `icon: 'logo.png'`), and its bytes. */
export interface ConnectorFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Where a finding in a connector's icon or custom code is: the file's name, as a pointer. */
export const ASSET_POINTERS = { icon: 'icon.png', script: 'script.csx' } as const;

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/** A value a rule reads as a list, or none: a schema inside an extension is not checked for shape. */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The objects of a list with their indexes, for a value a rule reads as a list of objects: an
 * extension of another type, or entries that are not objects, are the shape checks' concern, and
 * a rule that threw on them ended `flowport validate`.
 */
export function objectsIn(value: unknown): [number, Json][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown, i) => (isObject(v) ? [[i, v]] : []));
}

/** A JSON object: not null, not an array. */
export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 6901 escaping of one pointer segment. */
export const seg = (s: string | number): string => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

export interface OperationEntry {
  readonly path: string;
  readonly method: string;
  readonly op: Json;
  readonly item: Json;
  readonly pointer: string;
  readonly id: string;
}

/** Every operation with its pointer, in document order. */
export function operations(def: Json): OperationEntry[] {
  const out: OperationEntry[] = [];
  for (const [path, item] of Object.entries((def.paths ?? {}) as Json)) {
    if (!item || typeof item !== 'object') continue;
    for (const method of METHODS) {
      const op = (item as Json)[method];
      if (op && typeof op === 'object') {
        out.push({
          path,
          method,
          op,
          item,
          pointer: `/paths/${seg(path)}/${method}`,
          id: String(op.operationId ?? `${method} ${path}`),
        });
      }
    }
  }
  return out;
}

/** The operations by operationId. */
export function operationsById(def: Json): Map<unknown, OperationEntry> {
  return new Map(operations(def).map((e) => [e.op.operationId, e]));
}

/**
 * Every operation's parameters, references resolved, with their pointers; and each path item's
 * own (which Swagger 2.0 applies to each of its operations) once, with the first of them.
 */
export function eachParameter(def: Json, visit: (p: Json, pointer: string, e: OperationEntry) => void): void {
  let item: Json | undefined;
  for (const e of operations(def)) {
    if (e.item !== item) {
      item = e.item;
      for (const [i, raw] of listOf(item.parameters).entries())
        visit(parameter(def, raw as Json), `/paths/${seg(e.path)}/parameters/${i}`, e);
    }
    for (const [i, raw] of ((e.op.parameters ?? []) as Json[]).entries())
      visit(parameter(def, raw), `${e.pointer}/parameters/${i}`, e);
  }
}

/**
 * The parameters an operation takes, references resolved, each with its pointer: its path item's
 * first, then its own. (Swagger 2.0 lets an operation's own override its path item's of the same
 * name and location; rules that judge each parameter read both.)
 */
export function operationParameters(def: Json, e: OperationEntry): { p: Json; at: string }[] {
  return [
    ...listOf(e.item.parameters).map((raw, i) => ({
      p: parameter(def, raw as Json),
      at: `/paths/${seg(e.path)}/parameters/${i}`,
    })),
    ...listOf(e.op.parameters).map((raw, i) => ({
      p: parameter(def, raw as Json),
      at: `${e.pointer}/parameters/${i}`,
    })),
  ];
}

/** Every node that carries field annotations: each schema, then each operation parameter. */
export function eachField(def: Json, visit: (node: Json, pointer: string) => void): void {
  eachSchema(def, visit);
  eachParameter(def, visit);
}

/** A parameter with `$ref` to `#/parameters/…` resolved. */
export function parameter(def: Json, p: Json): Json {
  const name = refEntry(p?.$ref, '#/parameters/');
  if (name !== undefined) return entryOf(def.parameters, name) ?? {};
  return p ?? {};
}

/** The entry `name` of a section of the definition, if it has one of its own. */
function entryOf(section: unknown, name: string): Json | undefined {
  return typeof section === 'object' && section !== null && Object.hasOwn(section, name)
    ? ((section as Json)[name] as Json)
    : undefined;
}

/** Follows `#/definitions/…` references (cycle-safe). */
export function deref(def: Json, schema: Json | undefined): Json {
  let s = schema ?? {};
  for (let i = 0; typeof s.$ref === 'string' && i < 32; i++) {
    const name = refEntry(s.$ref);
    s = (name === undefined ? undefined : entryOf(def.definitions, name)) ?? {};
  }
  return s;
}

/** Calls `visit` for `schema` at `pointer` and each schema inside it, without following `$ref`. */
export function eachSchemaIn(schema: unknown, pointer: string, visit: (schema: Json, pointer: string) => void): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  const s = schema as Json;
  visit(s, pointer);
  for (const [k, v] of Object.entries((s.properties ?? {}) as Json))
    eachSchemaIn(v, `${pointer}/properties/${seg(k)}`, visit);
  if (s.items && typeof s.items === 'object') eachSchemaIn(s.items, `${pointer}/items`, visit);
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    eachSchemaIn(s.additionalProperties, `${pointer}/additionalProperties`, visit);
  for (const [i, x] of listOf(s.allOf).entries()) eachSchemaIn(x, `${pointer}/allOf/${i}`, visit);
}

/**
 * Calls `visit` for `schema` at `pointer` and each schema inside it, following `#/definitions/…`
 * references once each (`seen` holds the names taken): a definition's schemas at its own pointers.
 */
export function eachSchemaThrough(
  def: Json,
  schema: unknown,
  pointer: string,
  seen: Set<string>,
  visit: (schema: Json, pointer: string) => void,
): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  const s = schema as Json;
  const name = refEntry(s.$ref);
  if (name !== undefined) {
    if (seen.has(name)) return;
    seen.add(name);
    eachSchemaThrough(def, deref(def, s), `/definitions/${seg(name)}`, seen, visit);
    return;
  }
  visit(s, pointer);
  for (const [k, v] of Object.entries((s.properties ?? {}) as Json))
    eachSchemaThrough(def, v, `${pointer}/properties/${seg(k)}`, seen, visit);
  eachSchemaThrough(def, s.items, `${pointer}/items`, seen, visit);
  eachSchemaThrough(def, s.additionalProperties, `${pointer}/additionalProperties`, seen, visit);
  for (const [i, part] of listOf(s.allOf).entries()) eachSchemaThrough(def, part, `${pointer}/allOf/${i}`, seen, visit);
}

/**
 * Calls `visit` for every schema node reachable from the documents once: definitions at their own
 * pointers, and the inline schemas of parameters, responses and notification content.
 */
export function eachSchema(def: Json, visit: (schema: Json, pointer: string) => void): void {
  const walk = (s: Json, pointer: string) => eachSchemaIn(s, pointer, visit);
  for (const [name, s] of Object.entries((def.definitions ?? {}) as Json)) walk(s as Json, `/definitions/${seg(name)}`);
  eachParameter(def, (p, pointer) => {
    if (p.in === 'body') walk(p.schema as Json, `${pointer}/schema`);
  });
  // A shared response's schema where it is written; before, no rule read one.
  for (const [name, r] of Object.entries((def.responses ?? {}) as Json)) {
    if ((r as Json)?.schema) walk((r as Json).schema as Json, `/responses/${seg(name)}/schema`);
  }
  for (const e of operations(def)) {
    for (const [status, r] of Object.entries((e.op.responses ?? {}) as Json)) {
      if ((r as Json)?.schema) walk((r as Json).schema as Json, `${e.pointer}/responses/${seg(status)}/schema`);
    }
  }
  for (const [path, item] of Object.entries((def.paths ?? {}) as Json)) {
    const content = (item as Json)?.['x-ms-notification-content'];
    if (content?.schema) walk(content.schema as Json, `/paths/${seg(path)}/x-ms-notification-content/schema`);
  }
}

/**
 * `pointer` with each step into a `$ref` taken where it leads: a finding in a shared parameter,
 * response or definition that an operation uses (`/paths/…/parameters/1/x-ms-summary`, whose
 * parameter is a `$ref`) is where its text is (`/parameters/Id/x-ms-summary`), which a reader and
 * an editor can find. A pointer that leads nowhere either way is kept as it is.
 */
export function throughReferences(definition: Json, pointer: string): string {
  if (!pointer.startsWith('/')) return pointer;
  let node: unknown = definition;
  let at = '';
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    for (let hops = 0; hops < 32 && !has(node, key); hops++) {
      const target = referenced(definition, node);
      if (!target) break;
      ({ node, pointer: at } = target);
    }
    if (!has(node, key)) return pointer;
    node = (node as Json)[key];
    at += `/${raw}`;
  }
  return at;
}

const has = (node: unknown, key: string): boolean =>
  typeof node === 'object' && node !== null && Object.hasOwn(node, key);

/** The entry of this file a `$ref` names, and its pointer: the only references the platform follows. */
function referenced(definition: Json, node: unknown): { node: Json; pointer: string } | undefined {
  if (!has(node, '$ref')) return undefined;
  for (const section of ['definitions', 'parameters', 'responses']) {
    const name = refEntry((node as Json).$ref, `#/${section}/`);
    const entry = name === undefined ? undefined : entryOf(definition[section], name);
    if (entry !== undefined) return { node: entry, pointer: `/${section}/${seg(name!)}` };
  }
  return undefined;
}

import { refEntry } from '@flowport/core';

/** A part of a Swagger 2.0 definition, read as JSON. */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One operation of a definition, with its path and the path item it sits in. */
export interface DefinedOperation {
  readonly path: string;
  readonly method: string;
  readonly op: Json;
  readonly item: Json;
}

/**
 * A connector definition as FlowHost reads it: operations by id, their parameters as Swagger 2.0
 * applies them, and references followed.
 */
export class Definition {
  /** The query parameters an API key travels in (`securityDefinitions` of `type: apiKey, in: query`). */
  readonly queryCredentials: ReadonlySet<string>;

  constructor(readonly json: Json) {
    const schemes = Object.values((json.securityDefinitions ?? {}) as Json) as Json[];
    this.queryCredentials = new Set(
      schemes.filter((s) => s?.type === 'apiKey' && s.in === 'query').map((s) => String(s.name)),
    );
  }

  /** The operation of this id, or an error naming it. */
  operation(operationId: string): DefinedOperation {
    for (const [path, item] of Object.entries(this.json.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        if ((op as Json)?.operationId === operationId) return { path, method, op: op as Json, item: item as Json };
      }
    }
    throw new Error(`the definition has no operation ${operationId}`);
  }

  /**
   * The parameters an operation takes, as Swagger 2.0 applies them: its own, then those of its
   * path item that it does not declare again (by name and location), references followed.
   */
  parametersOf(op: Json, item: Json): Json[] {
    const own = ((op.parameters ?? []) as Json[]).map((p) => this.parameter(p));
    const shared = ((item.parameters ?? []) as Json[])
      .map((p) => this.parameter(p))
      .filter((p) => !own.some((o) => o.name === p.name && o.in === p.in));
    return [...own, ...shared];
  }

  /** A parameter given as a reference to the definition's shared `parameters`, followed. */
  parameter(p: Json): Json {
    const name = refEntry(p.$ref, '#/parameters/');
    return name === undefined ? p : (this.json.parameters?.[name] ?? p);
  }

  /** A schema given as a reference to `definitions`, followed to the schema it names. */
  schema(s: Json): Json {
    const name = refEntry(s.$ref);
    return name === undefined ? s : this.schema(this.json.definitions[name]);
  }

  /**
   * A body as the platform sends it: where the flow leaves out a required internal property that
   * has a default, the default, at any depth of objects and their lists (an optional one is left
   * out, default or not). The value given is not changed.
   */
  withInternalDefaults(schema: Json, value: unknown): unknown {
    const s = this.schema(schema);
    if (Array.isArray(value))
      return s.items ? value.map((item) => this.withInternalDefaults(s.items as Json, item)) : value;
    if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return value;
    const out: Json = { ...(value as Json) };
    const required = Array.isArray(s.required) ? (s.required as unknown[]) : [];
    for (const [name, declared] of Object.entries((s.properties ?? {}) as Json)) {
      const field = this.schema(declared as Json);
      const internal = ((declared as Json)['x-ms-visibility'] ?? field['x-ms-visibility']) === 'internal';
      const fallback = (declared as Json).default ?? field.default;
      if (out[name] === undefined && internal && required.includes(name) && fallback !== undefined)
        out[name] = structuredClone(fallback);
      if (out[name] !== undefined) out[name] = this.withInternalDefaults(declared as Json, out[name]);
    }
    return out;
  }

  /**
   * The path (its keys) of the body field flagged `x-ms-notification-url`. A definition met again
   * below itself (`Filter.not: Filter`) is not searched again: it holds no field its first visit
   * did not find. Before, such a property ahead of the field recursed until the stack ran out.
   */
  notificationField(
    schema: Json,
    prefix: string[] = [],
    within: ReadonlySet<string> = new Set(),
  ): string[] | undefined {
    const name = refEntry(schema.$ref);
    if (name !== undefined && within.has(name)) return undefined;
    const s = this.schema(schema);
    const visited = name === undefined ? within : new Set([...within, name]);
    for (const [k, v] of Object.entries((s.properties ?? {}) as Json)) {
      if ((v as Json)['x-ms-notification-url']) return [...prefix, k];
      const inner = this.notificationField(v as Json, [...prefix, k], visited);
      if (inner) return inner;
    }
    return undefined;
  }
}

import { PARAMETER_CONSTRAINTS } from '@flowport/core';
import { annotations, withExtensions } from './annotations';
import { code, literal, type Code } from './code';
import { bagReason } from './extensions';
import { camelCase, Namer, pascalCase } from './names';
import { agenticProtocolOf, EXCHANGE_PARAMETER } from './agentic';
import { OPERATION_KEYS, TRIGGER_KEYS } from './operation-keys';
import { responseOf } from './responses';
import { appliedParameters, METHODS, parameterKey, type OperationSite } from './sites';
import { entry, isObject, type Json } from './read';
import type { SchemaWriter } from './schemas';

/** A decorator call: its name and arguments, written with `literal()`. */
export interface Call {
  readonly name: string;
  readonly args: readonly unknown[];
}

/** One handler parameter: its decorator, variable name and TypeScript type. */
export interface ParameterSpec {
  readonly call: Call;
  readonly name: string;
  readonly ts: string;
}

/** One handler method of a generated controller. */
export interface HandlerSpec {
  readonly site: OperationSite;
  readonly decorators: Call[];
  readonly parameters: ParameterSpec[];
  readonly returns: string;
  readonly notes: string[];
}

const PARAMETER_DECORATOR: Record<string, string> = {
  path: 'Path',
  query: 'Query',
  header: 'Header',
  formData: 'FormField',
};

/** Keys of a non-body parameter that are its structure rather than annotations. */
const PARAMETER_KEYS = ['name', 'in', 'required', 'type', 'items'];
/** Keys written as parameter options of the same name (`x-ms-url-encoding` is handled apart). */
const PARAMETER_OPTIONS = ['collectionFormat', 'allowEmptyValue', ...PARAMETER_CONSTRAINTS];
const PARAMETER_STRUCTURE = [...PARAMETER_KEYS, ...PARAMETER_OPTIONS, 'x-ms-url-encoding'];

/** Writes the decorators and signature of each operation's handler. */
export class OperationWriter {
  /** Problems no option can express; reported by the CLI, and none in the corpus. */
  readonly losses: string[] = [];
  readonly decoratorsUsed = new Set<string>();

  constructor(
    private readonly schemas: SchemaWriter,
    private readonly lookup: (operationId: unknown) => Code | undefined,
  ) {}

  handler(site: OperationSite): HandlerSpec {
    const op = site.operation;
    const notes: string[] = [];
    // The operation's identity and text first, then the rest in the definition's order.
    const options: Json = { id: site.operationId, summary: op.summary, description: op.description };
    const extensions: Json = {};
    const isTrigger =
      op['x-ms-trigger'] !== undefined && TRIGGER_KEYS['x-ms-trigger'](op['x-ms-trigger']) !== undefined;
    const agentic = agenticProtocolOf(site, (e) => this.schemas.deref(e));
    for (const [k, v] of Object.entries(op)) {
      if (k === 'parameters' || k === 'responses') continue;
      if (k === 'x-ms-agentic-protocol' && agentic) {
        options.agenticProtocol = agentic;
        continue;
      }
      const read = entry(OPERATION_KEYS, k) ?? (isTrigger ? entry(TRIGGER_KEYS, k) : undefined);
      const option = read?.(v);
      if (option) Object.assign(options, option);
      else if (k.startsWith('x-')) {
        extensions[k] = v;
        notes.push(bagReason(k, v));
      } else this.losses.push(`${site.operationId}: operation key "${k}" has no Flowport form`);
    }
    if (options.summary === undefined) options.summary = '';
    const pathExtensions: Json = {};
    for (const [k, v] of Object.entries(site.pathItem)) {
      // A path item's parameters are declared on each of its operations (appliedParameters).
      if ((METHODS as readonly string[]).includes(k) || k === 'parameters') continue;
      if (k === 'x-ms-notification-content' && isTrigger && this.ownsNotification(site)) {
        const content = this.notificationContent(v, `${pascalCase(site.operationId)}Notification`);
        if (content) options.notificationContent = content;
        else pathExtensions[k] = v;
      } else if (this.ownsPathItem(site)) {
        if (k.startsWith('x-')) pathExtensions[k] = v;
        else this.losses.push(`${site.path}: path item key "${k}" has no Flowport form`);
      }
    }
    if (Object.keys(extensions).length > 0) options.extensions = extensions;
    if (Object.keys(pathExtensions).length > 0) {
      options.pathExtensions = pathExtensions;
      for (const [k, v] of Object.entries(pathExtensions)) notes.push(`path item ${bagReason(k, v)}`);
    }
    const kind = isTrigger ? 'Trigger' : 'Action';
    this.decoratorsUsed.add(kind);
    const verb = site.verb[0].toUpperCase() + site.verb.slice(1);
    this.decoratorsUsed.add(verb);
    const decorators: Call[] = [
      { name: verb, args: [site.path] },
      { name: kind, args: [options] },
    ];
    const responses = isObject(op.responses) ? op.responses : {};
    let returns: string | undefined;
    for (const [status, raw] of Object.entries(responses)) {
      const suffix = status === '200' ? '' : pascalCase(status);
      const r = responseOf(this.schemas, this.losses, raw, `${pascalCase(site.operationId)}Response${suffix}`);
      const code = /^\d+$/.test(status) ? Number(status) : status;
      decorators.push({ name: 'Returns', args: r.options ? [code, r.type, r.options] : [code, r.type] });
      if (r.ts && returns === undefined && /^2/.test(status)) returns = r.ts;
      notes.push(...r.notes);
    }
    if (Object.keys(responses).length > 0) this.decoratorsUsed.add('Returns');
    const parameters = this.parameters(site);
    // An MCP server answers the protocol's messages through its exchange.
    if (agentic) {
      const taken = parameters.some((p) => p.name === EXCHANGE_PARAMETER.name);
      parameters.unshift(taken ? { ...EXCHANGE_PARAMETER, name: 'httpExchange' } : EXCHANGE_PARAMETER);
      this.decoratorsUsed.add('Exchange');
    }
    // Its handler answers through the exchange, not by what it returns.
    return { site, decorators, parameters, returns: agentic ? 'void' : (returns ?? 'void'), notes };
  }

  /** The trigger that carries the path item's notification content: the first trigger on it. */
  private ownsNotification(site: OperationSite): boolean {
    const first = METHODS.find((m) => isObject(site.pathItem[m]) && (site.pathItem[m] as Json)['x-ms-trigger']);
    return first === site.verb;
  }

  /** The operation that carries the path item's other keys: the first on it. */
  private ownsPathItem(site: OperationSite): boolean {
    return METHODS.find((m) => isObject(site.pathItem[m])) === site.verb;
  }

  private notificationContent(v: unknown, hint: string): Json | undefined {
    if (!isObject(v) || !Object.keys(v).every((k) => k === 'schema' || k === 'description') || !isObject(v.schema))
      return undefined;
    if (v.description !== undefined && typeof v.description !== 'string') return undefined;
    const type = this.schemas.typeOf(v.schema, hint);
    return { type: type.ref, description: v.description };
  }

  /**
   * The handler's parameters. A path item's are declared on each of its operations, so that the
   * definition Flowport emits lists them per operation; before, they were not imported ("has no
   * Flowport form").
   */
  private parameters(site: OperationSite): ParameterSpec[] {
    const names = new Namer();
    const out: ParameterSpec[] = [];
    const taken = new Set<string>();
    for (const entry of appliedParameters(site.pathItem, site.operation, (e) => this.schemas.deref(e))) {
      const p = this.schemas.deref(entry);
      if (!isObject(p) || typeof p.name !== 'string') {
        this.losses.push(`${site.operationId}: a parameter without a name`);
        continue;
      }
      // Swagger 2.0 allows each once; a second could not be bound, and the build refuses it (FP1015).
      if (taken.has(parameterKey(p))) {
        this.losses.push(
          `${site.operationId}: parameter ${p.name} in "${String(p.in)}" is listed twice; the second is left out`,
        );
        continue;
      }
      taken.add(parameterKey(p));
      const variable = names.unique(camelCase(p.name, 'value'));
      out.push(p.in === 'body' ? this.body(p, variable, site) : this.parameter(p, variable, site));
    }
    return out;
  }

  private body(p: Json, variable: string, site: OperationSite): ParameterSpec {
    const options: Json = {};
    if (p.name !== 'body') options.name = p.name;
    if (p.required !== true) options.required = false;
    const a = annotations(p, new Set(['name', 'in', 'required', 'schema']), 'parameter', this.lookup);
    const own = ['description', 'summary', 'visibility', 'testValue'];
    for (const [k, v] of Object.entries(a.options)) {
      if (own.includes(k)) options[k] = v;
      else this.losses.push(`${site.operationId}: body parameter key for ${k} has no Flowport form`);
    }
    if (Object.keys(a.extensions).length > 0) this.losses.push(`${site.operationId}: extensions on the body parameter`);
    for (const k of a.leftovers) this.losses.push(`${site.operationId}: body parameter key "${k}"`);
    const type = this.schemas.typeOf(p.schema, `${pascalCase(site.operationId)}Body`);
    // A primitive declared as the TypeScript type needs no `type` option; a class gets a thunk,
    // so that the decorator reads the class when the connector resolves, not when this file loads.
    if (type.ref && !['String', 'Number', 'Boolean'].includes(type.ref.text)) options.type = type.ref;
    this.decoratorsUsed.add('Body');
    // Raw bytes reach the handler as a stream, whatever schema wrapper describes them.
    const schema = this.schemas.deref(p.schema);
    const stream = isObject(schema) && schema.type === 'string' && schema.format === 'binary';
    return {
      call: { name: 'Body', args: Object.keys(options).length > 0 ? [options] : [] },
      name: variable,
      ts: stream ? 'NodeJS.ReadableStream' : type.ts,
    };
  }

  private parameter(p: Json, variable: string, site: OperationSite): ParameterSpec {
    const where = typeof p.in === 'string' ? p.in : '';
    const file = where === 'formData' && p.type === 'file';
    const decorator = file ? 'FormFile' : entry(PARAMETER_DECORATOR, where);
    if (!decorator) this.losses.push(`${site.operationId}: parameter ${String(p.name)} in "${where}"`);
    const a = annotations(p, new Set(PARAMETER_STRUCTURE), 'parameter', this.lookup);
    for (const k of a.leftovers) this.losses.push(`${site.operationId}: parameter ${String(p.name)} key "${k}"`);
    const options: Json = {};
    const required = where === 'path' || p.required === true;
    if (where !== 'path' && p.required === true) options.required = true;
    let ts = 'string';
    let typeRef: Code | undefined;
    switch (p.type) {
      case 'string':
        // A binary form field arrives as an uploaded file, as a `file` one does.
        if (p.format === 'binary' && where === 'formData') {
          typeRef = code("'binary'");
          ts = 'FormFile';
          this.decoratorsUsed.add('FormFile'); // the type of what it binds
        } else if (!required) typeRef = code('String');
        break;
      case 'integer':
        ts = 'number';
        typeRef = code("'integer'");
        break;
      case 'number':
        ts = 'number';
        if (!required) typeRef = code('Number');
        break;
      case 'boolean':
        ts = 'boolean';
        if (!required) typeRef = code('Boolean');
        break;
      case 'array': {
        const item = this.schemas.typeOf(p.items, `${pascalCase(site.operationId)}${pascalCase(String(p.name))}Item`);
        ts = /^\w+$/.test(item.ts) ? `${item.ts}[]` : `Array<${item.ts}>`;
        options.items = item.ref ?? code('String');
        break;
      }
      case 'file':
        // Outside a form, FP1006 refuses it, and the handler never runs.
        ts = where === 'formData' ? 'FormFile' : 'unknown';
        break;
      default:
        ts = 'unknown';
        typeRef = code("'any'");
    }
    // `items` beside a non-array type (a quirk of some real files) is kept by a literal type.
    if (p.items !== undefined && p.type !== 'array') {
      typeRef = code(literal({ schema: { type: p.type, items: p.items } }));
      this.schemas.literalCode.add(typeRef.text);
    }
    if (typeRef) options.type = typeRef;
    if (p['x-ms-url-encoding'] === 'single' || p['x-ms-url-encoding'] === 'double')
      options.urlEncoding = p['x-ms-url-encoding'];
    else if (p['x-ms-url-encoding'] !== undefined) a.extensions['x-ms-url-encoding'] = p['x-ms-url-encoding'];
    for (const k of PARAMETER_OPTIONS) if (p[k] !== undefined) options[k] = p[k];
    Object.assign(options, withExtensions(a));
    this.decoratorsUsed.add(decorator ?? 'Query');
    const args = Object.keys(options).length > 0 ? [p.name, options] : [p.name];
    return { call: { name: decorator ?? 'Query', args }, name: variable, ts: required ? ts : `${ts} | undefined` };
  }
}

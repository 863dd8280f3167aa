import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { code, literal, type Code } from './code';
import { connectionSpec, metadataOption, policyCall } from './connection';
import { classNamer } from './names';
import { METHODS, OperationWriter, operationSites, type HandlerSpec } from './operations';
import { ImportError, isObject, readDefinition, readProperties, type Json } from './read';
import { importLine, orderClasses, renderClass, renderHandler } from './render';
import { SchemaWriter } from './schemas';

/** Options of {@link importConnector}. */
export interface ImportOptions {
  /** `apiDefinition.swagger.json`. */
  readonly definition: string;
  /** `apiProperties.json`; without it the connector gets no connection parameters or policies. */
  readonly properties?: string;
  /** Folder to create; it must not exist or be empty. */
  readonly out: string;
}

/** What an import wrote, and what it could not express (nothing, for every corpus connector). */
export interface ImportResult {
  readonly files: readonly string[];
  readonly operations: number;
  readonly controllers: number;
  readonly classes: number;
  /** Schemas written as literals because no class shape reproduces them. */
  readonly literals: number;
  readonly losses: readonly string[];
}

const CORE_NAMES = [
  'Action',
  'Body',
  'Connector',
  'Controller',
  'Delete',
  'Field',
  'FormField',
  'FormFile',
  'Get',
  'Head',
  'Header',
  'Options',
  'Patch',
  'Path',
  'Post',
  'Put',
  'Query',
  'Returns',
  'Schema',
  'Trigger',
  'param',
  'described',
  'policy',
  'apiKey',
  'basic',
  'oauth2',
  'NotImplementedError',
];
const VALIDATOR_NAMES = [
  'IsOptional',
  'MinLength',
  'MaxLength',
  'Min',
  'Max',
  'ArrayMinSize',
  'ArrayMaxSize',
  'IsDivisibleBy',
];

/**
 * Turns a connector definition (and its apiProperties.json) into decorated TypeScript: DTO classes
 * for definitions and inline objects, controllers grouped by tag, and `src/connector.ts`. Writes
 * everything or nothing.
 */
export function importConnector(o: ImportOptions): ImportResult {
  const doc = readDefinition(o.definition);
  const properties = o.properties ? readProperties(o.properties) : {};
  const out = resolve(o.out);
  if (existsSync(out) && readdirSync(out).length > 0) {
    throw new ImportError(o.out, '', 'exists and is not empty; choose a new folder');
  }
  const namer = classNamer([...CORE_NAMES, ...VALIDATOR_NAMES]);
  const sites = operationSites(doc, namer);
  const byId = new Map(sites.map((s) => [s.operationId, s]));
  const lookup = (id: unknown): Code | undefined => {
    const site = typeof id === 'string' ? byId.get(id) : undefined;
    return site ? code(`() => ${site.controller}.prototype.${site.method}`) : undefined;
  };
  const schemas = new SchemaWriter(doc, namer, lookup);
  schemas.declareDefinitions();
  const writer = new OperationWriter(schemas, lookup);
  const handlers = sites.map((s) => writer.handler(s));
  const controllers = [...new Set(sites.map((s) => s.controller))];
  const files = new Map<string, string>();
  const names = { controllers, models: schemas.classes.map((c) => c.name) };
  const fileOf = (controller: string) => `controllers/${kebab(controller)}`;

  const modelBody = orderClasses(schemas.classes).flatMap((c, i) =>
    i === 0 ? renderClass(c) : ['', ...renderClass(c)],
  );
  files.set('src/models.ts', modelsFile(modelBody, schemas, names, fileOf));
  // Models that name operations import controllers, and swc's CommonJS exports are getters that
  // throw while a module is still loading: a body then names its class as `Readonly<X>`, which
  // leaves the decorator metadata without a load-time reference (its `type` thunk says the class).
  if (controllers.some((c) => used(modelBody, c))) {
    for (const p of handlers.flatMap((h) => h.parameters)) {
      if (p.call.name === 'Body' && names.models.includes(p.ts)) (p as { ts: string }).ts = `Readonly<${p.ts}>`;
    }
  }
  for (const controller of controllers) {
    const own = handlers.filter((h) => h.site.controller === controller);
    files.set(`src/${fileOf(controller)}.ts`, controllerFile(controller, own, writer, names, fileOf));
  }
  const connector = connectorSource(doc, properties, lookup, controllers, schemas, o.definition);
  files.set('src/connector.ts', module(connector.lines, connector.imports, names, { root: '.' }, fileOf));
  for (const [name, content] of connector.assets) files.set(name, content);
  files.set('tsconfig.json', `${JSON.stringify(TSCONFIG, null, 2)}\n`);

  writeAll(out, files);
  return {
    files: [...files.keys()].map((f) => join(out, f)),
    operations: handlers.length,
    controllers: controllers.length,
    classes: schemas.classes.length,
    literals: literalsIn([...files.values()], schemas),
    losses: writer.losses,
  };
}

type Names = { readonly controllers: readonly string[]; readonly models: readonly string[] };

function modelsFile(body: string[], schemas: SchemaWriter, names: Names, fileOf: (c: string) => string): string {
  const core = ['Field', 'Schema', 'param', 'described'].filter((n) => used(body, n));
  const validators = [...schemas.validatorsUsed].filter((n) => used(body, n));
  const external = [...importLine(core, '@flowport/core'), ...importLine(validators, 'class-validator')];
  return module(body, external, names, { root: '.', isModels: true }, fileOf);
}

function controllerFile(
  controller: string,
  handlers: readonly HandlerSpec[],
  writer: OperationWriter,
  names: Names,
  fileOf: (c: string) => string,
): string {
  const body = [
    `@Controller()`,
    `export class ${controller} {`,
    ...handlers.flatMap((h, i) => (i === 0 ? renderHandler(h) : ['', ...renderHandler(h)])),
    '}',
  ];
  const core = ['Controller', ...writer.decoratorsUsed, 'param', 'described'].filter((n) => used(body, n));
  const external = [
    ...importLine(core, '@flowport/core'),
    ...importLine(['NotImplementedError'], '@flowport/express-adapter'),
  ];
  return module(body, external, names, { own: controller, root: '..' }, fileOf);
}

/** `{ schema }` literals the written code keeps, and `@Schema({ schema })` definitions. */
function literalsIn(texts: readonly string[], schemas: SchemaWriter): number {
  const flat = (t: string) => t.replace(/\s+/g, '');
  const all = texts.map(flat).join('\n');
  let n = schemas.classes.filter((c) => c.schemaOptions.schema !== undefined).length;
  for (const text of schemas.literalCode) n += all.split(flat(text)).length - 1;
  return n;
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'commonjs',
    moduleResolution: 'node',
    strict: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    useDefineForClassFields: false,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ['src'],
};

function kebab(name: string): string {
  return name
    .replace(/Controller$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/^_/, '');
}

function used(lines: readonly string[], name: string): boolean {
  const re = new RegExp(`(^|[^\\w$.'])${name.replace(/\$/g, '\\$')}\\b`);
  return lines.some((l) => !l.trimStart().startsWith('//') && re.test(l));
}

/**
 * A module: external imports, then the generated controllers and models its body names.
 * Controllers come first: models name controllers only inside thunks, so loading a controller
 * first lets every class exist before a decorator reads it.
 */
function module(
  body: readonly string[],
  external: readonly string[],
  names: Names,
  from: { readonly own?: string; readonly root: string; readonly isModels?: boolean },
  fileOf: (controller: string) => string,
): string {
  const controllers = names.controllers.filter((c) => c !== from.own && used(body, c));
  const models = from.isModels ? [] : names.models.filter((m) => used(body, m));
  const lines = [
    ...external,
    ...controllers.flatMap((c) => importLine([c], `${from.root}/${fileOf(c)}`)),
    ...importLine(models, `${from.root}/models`),
  ];
  return `${lines.join('\n')}\n\n${body.join('\n')}\n`;
}

/** `src/connector.ts`: the one `Connector`, and any asset (script) the definition needs. */
function connectorSource(
  doc: Json,
  properties: Json,
  lookup: (id: unknown) => Code | undefined,
  controllers: readonly string[],
  schemas: SchemaWriter,
  definitionFile: string,
): { lines: string[]; imports: string[]; assets: Map<string, string> } {
  const notes: string[] = [];
  const coreNames = new Set(['Connector']);
  const options: Json = { info: info(doc.info as Json, notes) };
  for (const k of ['host', 'basePath', 'schemes', 'consumes', 'produces'] as const) {
    if (doc[k] !== undefined) options[k] = doc[k];
  }
  if (doc.consumes === undefined) options.consumes = [];
  if (doc.produces === undefined) options.produces = [];
  options.brandColor = typeof properties.iconBrandColor === 'string' ? properties.iconBrandColor : '#da3b01';
  for (const k of ['publisher', 'stackOwner', 'capabilities'] as const) {
    if (properties[k] !== undefined) options[k] = properties[k];
  }
  if (properties.capabilities === undefined) options.capabilities = [];
  const extensions: Json = {};
  const metadata = metadataOption(doc['x-ms-connector-metadata']);
  if (metadata) options.metadata = metadata;
  else if (doc['x-ms-connector-metadata'] !== undefined) {
    extensions['x-ms-connector-metadata'] = doc['x-ms-connector-metadata'];
    notes.push('x-ms-connector-metadata: spelled or ordered unlike the documented form, kept as written');
  }
  const capabilities = doc['x-ms-capabilities'];
  const mapped = capabilitiesOption(capabilities, lookup);
  if (mapped) Object.assign(options, mapped);
  else if (capabilities !== undefined) {
    extensions['x-ms-capabilities'] = capabilities;
    notes.push('x-ms-capabilities: a form with no first-class option, kept as written');
  }
  const connection = connectionSpec(doc, properties);
  if (connection.auth) {
    coreNames.add(connection.auth.helper);
    options.auth = code(`${connection.auth.helper}(${literal(connection.auth.args)})`);
  }
  Object.assign(options, connection.options);
  const policies = Array.isArray(properties.policyTemplateInstances) ? properties.policyTemplateInstances : undefined;
  if (policies) {
    options.policies = policies.map((p) => {
      const call = policyCall(p, lookup);
      if (!call)
        throw new ImportError(
          'apiProperties.json',
          '/properties/policyTemplateInstances',
          'an instance has keys beyond templateId, title and parameters',
        );
      coreNames.add(call.helper);
      return code(`${call.helper}(${call.args.map((a) => literal(a)).join(', ')})`);
    });
  }
  const assets = new Map<string, string>();
  if (Array.isArray(properties.scriptOperations)) {
    const script = join(dirname(definitionFile), 'script.csx');
    assets.set('script.csx', existsSync(script) ? readFileSync(script, 'utf8') : PASS_THROUGH_SCRIPT);
    options.script = { file: '../script.csx', operations: properties.scriptOperations.map((id) => lookup(id) ?? id) };
  }
  for (const k of Object.keys(properties)) {
    if (!KNOWN_PROPERTIES.has(k))
      throw new ImportError('apiProperties.json', `/properties/${k}`, 'has no Flowport form');
  }
  if (Array.isArray(doc.tags) && doc.tags.length > 0) options.tags = doc.tags;
  const orphans = orphanPathItems(doc, definitionFile);
  if (Object.keys(orphans).length > 0) {
    options.pathExtensions = orphans;
    notes.push('pathExtensions: path items without an operation, kept as written');
  }
  options.controllers = controllers.map((c) => code(c));
  const definitions = [...schemas.definitions.values()];
  if (definitions.length > 0) options.schemas = definitions.map((c) => code(c));
  options.unknownProperties = 'allow';
  options.asDeclared = true;
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'x-ms-connector-metadata' || k === 'x-ms-capabilities') continue;
    if (k.startsWith('x-')) {
      extensions[k] = v;
      notes.push(`${k}: no first-class option, kept as written`);
    } else if (!ROOT_KEYS.has(k)) throw new ImportError(definitionFile, `/${k}`, 'has no Flowport form');
  }
  if (Object.keys(extensions).length > 0) options.extensions = extensions;
  const lines = [...notes.map((n) => `// ${n}`), `export const connector = new Connector(${literal(options)});`];
  return { lines, imports: importLine(coreNames, '@flowport/core'), assets };
}

const ROOT_KEYS = new Set([
  'swagger',
  'info',
  'host',
  'basePath',
  'schemes',
  'consumes',
  'produces',
  'paths',
  'definitions',
  'parameters',
  'responses',
  'securityDefinitions',
  'security',
  'tags',
]);

const KNOWN_PROPERTIES = new Set([
  'connectionParameters',
  'connectionParameterSets',
  'iconBrandColor',
  'capabilities',
  'policyTemplateInstances',
  'publisher',
  'stackOwner',
  'scriptOperations',
]);

const PASS_THROUGH_SCRIPT = `// The original script.csx was not beside the imported definition. This one forwards each
// request unchanged; replace it with the connector's own code.
public class Script : ScriptBase
{
    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken).ConfigureAwait(false);
    }
}
`;

/** Path items that hold extensions but no operation. */
function orphanPathItems(doc: Json, file: string): Json {
  const out: Json = {};
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item) || Object.keys(item).length === 0) continue;
    if (Object.keys(item).some((k) => (METHODS as readonly string[]).includes(k))) continue;
    for (const k of Object.keys(item)) {
      if (!k.startsWith('x-')) throw new ImportError(file, `/paths/${path}/${k}`, 'has no Flowport form');
    }
    out[path] = item;
  }
  return out;
}

function info(i: Json, notes: string[]): Json {
  const out: Json = {};
  const extensions: Json = {};
  for (const [k, v] of Object.entries(i)) {
    if (['title', 'description', 'version', 'contact', 'termsOfService', 'license'].includes(k)) out[k] = v;
    else if (
      k === 'x-ms-api-annotation' &&
      isObject(v) &&
      Object.keys(v).length === 1 &&
      (v.status === 'Preview' || v.status === 'Production')
    )
      out.status = v.status;
    else if (k === 'x-ms-deployment-version' && typeof v === 'string') out.deploymentVersion = v;
    else if (k === 'x-ms-keywords' && Array.isArray(v) && v.every((w) => typeof w === 'string')) out.keywords = v;
    else if (k.startsWith('x-')) {
      extensions[k] = v;
      notes.push(`info ${k}: no first-class option for this form, kept as written`);
    } else throw new ImportError('apiDefinition', `/info/${k}`, 'has no Flowport form');
  }
  if (Object.keys(extensions).length > 0) out.extensions = extensions;
  return out;
}

function capabilitiesOption(v: unknown, lookup: (id: unknown) => Code | undefined): Json | undefined {
  if (!isObject(v)) return undefined;
  const out: Json = {};
  for (const [k, c] of Object.entries(v)) {
    if (
      k === 'testConnection' &&
      isObject(c) &&
      Object.keys(c).every((x) => x === 'operationId' || x === 'parameters')
    ) {
      const operation = lookup(c.operationId);
      if (!operation) return undefined;
      out.testConnection = { operation, parameters: c.parameters };
    } else if (k === 'file-picker' && isObject(c)) {
      const picker = filePicker(c, lookup);
      if (!picker) return undefined;
      out.filePicker = picker;
    } else return undefined;
  }
  return out;
}

function filePicker(c: Json, lookup: (id: unknown) => Code | undefined): Json | undefined {
  const call = (x: unknown) => {
    if (!isObject(x) || !Object.keys(x).every((k) => k === 'operationId' || k === 'parameters')) return undefined;
    const operation = lookup(x.operationId);
    return operation ? { operation, parameters: x.parameters } : undefined;
  };
  const names: Record<string, string> = {
    'value-title': 'valueTitle',
    'value-collection': 'valueCollection',
    'value-folder-property': 'valueFolderProperty',
    'value-media-property': 'valueMediaProperty',
  };
  const out: Json = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === 'open' || k === 'browse') {
      const mapped = call(v);
      if (!mapped) return undefined;
      out[k] = mapped;
    } else if (names[k] && typeof v === 'string' && v !== '') out[names[k]] = v;
    else return undefined;
  }
  return out.open ? out : undefined;
}

/** Writes every file into a fresh sibling folder, then moves it into place: all or nothing. */
function writeAll(out: string, files: ReadonlyMap<string, string>): void {
  const staging = `${out}.import-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [name, content] of files) {
      const path = join(staging, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    if (existsSync(out)) rmSync(out, { recursive: true });
    mkdirSync(dirname(out), { recursive: true });
    renameSync(staging, out);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

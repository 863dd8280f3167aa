import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { code, type Code } from './code';
import { connectorSource } from './connector-source';
import { classNamer } from './names';
import { OperationWriter, type HandlerSpec } from './operations';
import { operationSites } from './sites';
import { swaggerSchemaProblems } from '../swagger-schema';
import { ImportError, readDefinition, readProperties, type Json } from './read';
import { importLine, orderClasses, renderClass, renderHandler } from './render';
import { SchemaWriter } from './schemas';
import { makeFolder } from '../folders';

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
  'Exchange',
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
  // A project without one would not build (FP1505 no-operations); before, it was written.
  if (sites.length === 0) throw new ImportError(o.definition, '/paths', 'has no operation, and a connector needs one');
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
  const files = new Map<string, string | Buffer>();
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
  const connector = connectorSource(doc, properties, lookup, controllers, schemas, o);
  files.set('src/connector.ts', module(connector.lines, connector.imports, names, { root: '.' }, fileOf));
  for (const [name, content] of connector.assets) files.set(name, content);
  files.set('tsconfig.json', `${JSON.stringify(TSCONFIG, null, 2)}\n`);

  // Everything the result reports is worked out before the first file is written: before, a check
  // that failed after writeAll left a half-written project behind.
  const result: ImportResult = {
    files: [...files.keys()].map((f) => join(out, f)),
    operations: handlers.length,
    controllers: controllers.length,
    classes: schemas.classes.length,
    literals: literalsIn(
      [...files.values()].filter((f): f is string => typeof f === 'string'),
      schemas,
    ),
    losses: [...notImported(doc), ...writer.losses],
  };
  writeAll(out, files);
  return result;
}

/**
 * Where the definition is not Swagger 2.0: such a place is imported as far as the importer can
 * read it, or not at all, so it is reported rather than dropped without a word. Keys the format
 * does not have are left out here: the writers report each of those with what became of it.
 */
function notImported(doc: Json): string[] {
  return swaggerSchemaProblems(doc)
    .filter((p) => p.keyword !== 'additionalProperties')
    .map((p) => `${p.pointer || '/'}: not Swagger 2.0, ${p.problem}`);
}

type Names = { readonly controllers: readonly string[]; readonly models: readonly string[] };

function modelsFile(body: string[], schemas: SchemaWriter, names: Names, fileOf: (c: string) => string): string {
  // Constraints come from Flowport's own decorators, so an imported project never loads class-validator.
  const core = ['Field', 'Schema', 'param', 'described', ...schemas.validatorsUsed].filter((n) => used(body, n));
  const external = importLine(core, '@flowport/core');
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

/**
 * The imported project's compiler options. No `moduleResolution`: each TypeScript takes its own
 * for CommonJS, and "node" (node10), which 5.x took, is an error in TypeScript 7.
 */
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'commonjs',
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

/** Writes every file into a fresh sibling folder, then moves it into place: all or nothing. */
function writeAll(out: string, files: ReadonlyMap<string, string | Buffer>): void {
  const staging = `${out}.import-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [name, content] of files) {
      const path = join(staging, name);
      makeFolder(dirname(path));
      writeFileSync(path, content);
    }
    if (existsSync(out)) rmSync(out, { recursive: true });
    makeFolder(dirname(out));
    renameSync(staging, out);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

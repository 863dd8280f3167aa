import { readFileSync } from 'node:fs';
import { isFile } from '../folders';
import { dirname, join } from 'node:path';
import { code, literal, type Code } from './code';
import { connectionSpec, metadataOption, policyCall } from './connection';
import { externalDocsFit } from './operation-keys';
import { METHODS } from './sites';
import { entry, ImportError, isObject, pointerToken, type Json } from './read';
import { importLine } from './render';
import type { SchemaWriter } from './schemas';

/** `src/connector.ts`: the one `Connector`, and the assets beside the definition (icon, script). */
export function connectorSource(
  doc: Json,
  properties: Json,
  lookup: (id: unknown) => Code | undefined,
  controllers: readonly string[],
  schemas: SchemaWriter,
  source: { readonly definition: string; readonly properties?: string },
): { lines: string[]; imports: string[]; assets: Map<string, string | Buffer> } {
  const definitionFile = source.definition;
  const propertiesFile = source.properties ?? 'apiProperties.json';
  const notes: string[] = [];
  const coreNames = new Set(['Connector']);
  const options: Json = { info: info(doc.info as Json, notes, definitionFile) };
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
          propertiesFile,
          '/properties/policyTemplateInstances',
          'an instance has keys beyond templateId, title and parameters',
        );
      coreNames.add(call.helper);
      return code(`${call.helper}(${call.args.map((a) => literal(a)).join(', ')})`);
    });
  }
  const assets = new Map<string, string | Buffer>();
  // The icon goes with the connector, byte for byte: before, an imported folder's icon.png was
  // left behind, and the project's build published none.
  const icon = join(dirname(definitionFile), 'icon.png');
  if (isFile(icon)) {
    assets.set('icon.png', readFileSync(icon));
    options.icon = '../icon.png';
  }
  if (Array.isArray(properties.scriptOperations)) {
    const script = join(dirname(definitionFile), 'script.csx');
    assets.set('script.csx', isFile(script) ? readFileSync(script) : PASS_THROUGH_SCRIPT);
    options.script = { file: '../script.csx', operations: properties.scriptOperations.map((id) => lookup(id) ?? id) };
  }
  for (const k of Object.keys(properties)) {
    if (!KNOWN_PROPERTIES.has(k))
      throw new ImportError(propertiesFile, `/properties/${pointerToken(k)}`, 'has no Flowport form');
  }
  if (Array.isArray(doc.tags) && doc.tags.length > 0) options.tags = doc.tags;
  if (externalDocsFit(doc.externalDocs)) options.externalDocs = doc.externalDocs;
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
    } else if (!ROOT_KEYS.has(k) && !(k === 'externalDocs' && options.externalDocs))
      throw new ImportError(definitionFile, `/${pointerToken(k)}`, 'has no Flowport form');
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
      const at = `/paths/${pointerToken(path)}/${pointerToken(k)}`;
      // Swagger 2.0 allows it; the platform resolves no reference for a path item ([D-rules]).
      if (k === '$ref')
        throw new ImportError(
          file,
          at,
          'stands for a path item, which the platform does not read: write its operations in place',
        );
      if (!k.startsWith('x-')) throw new ImportError(file, at, 'has no Flowport form');
    }
    out[path] = item;
  }
  return out;
}

function info(i: Json, notes: string[], file: string): Json {
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
    } else throw new ImportError(file, `/info/${pointerToken(k)}`, 'has no Flowport form');
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
      Object.keys(c).every((x) => x === 'operationId' || x === 'parameters') &&
      hasParameters(c)
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

/**
 * Whether a call's `parameters` are absent or an object of values by name, as the options that
 * take them are typed; other values are kept as written. Before, `parameters: 5` was imported
 * into `testConnection`, and the project did not build (FP1018).
 */
function hasParameters(call: Json): boolean {
  return call.parameters === undefined || isObject(call.parameters);
}

function filePicker(c: Json, lookup: (id: unknown) => Code | undefined): Json | undefined {
  const call = (x: unknown) => {
    if (!isObject(x) || !Object.keys(x).every((k) => k === 'operationId' || k === 'parameters') || !hasParameters(x))
      return undefined;
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
    const name = entry(names, k);
    if (k === 'open' || k === 'browse') {
      const mapped = call(v);
      if (!mapped) return undefined;
      out[k] = mapped;
    } else if (name && typeof v === 'string' && v !== '') out[name] = v;
    else return undefined;
  }
  return out.open ? out : undefined;
}

import type * as Core from '@flowport/core';
import type * as Documents from '@flowport/core/documents';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { declaredAssets } from './build';
import { isFile } from './folders';
import { diagnosticsOf } from './diagnostics';
import { sourcePositions } from './source-positions';
import { connectorFiles } from './connector-files';
import { readJson } from './import/read';
import { swaggerShapeProblems } from './swagger-guard';
import { loadConnector } from './load';
import { positionsInFile, type Position } from './positions';
import type * as ApiPropertiesSchema from './api-properties-schema';

/** What `flowport validate` checked and found. */
export interface ValidationResult {
  /** The file the findings refer to (the module, or the definition file of a folder). */
  readonly file: string;
  readonly diagnostics: readonly Core.Diagnostic[];
  /** Where a finding stands in the file it is about, for those located by JSON pointer in a file. */
  readonly positionOf?: (d: Core.Diagnostic) => Position | undefined;
}

/**
 * Lints a connector: a module that exports a `Connector` (findings located in the TypeScript
 * source), a folder holding `apiDefinition.swagger.json` and, optionally, `apiProperties.json`, or
 * such a definition file itself, with the `apiProperties.json` beside it if there is one (findings
 * located by JSON pointer).
 */
export function validate(target: string, level: Documents.Level): ValidationResult {
  const given = connectorFiles(target, true);
  if (given) return validateFiles(given.definition, given.properties, level);
  const { connector, core, documents, file } = loadConnector(target);
  // Each finding at its line of the TypeScript: a CI annotation lands on the class or member.
  const placed = sourcePositions(file);
  const positionOf = (d: Core.Diagnostic) => placed(d.at);
  let model: Core.ApiModel;
  try {
    model = core.resolve(connector);
  } catch (err) {
    // Judged as findings, so that JSON and SARIF carry them: before, they went to stderr as text,
    // and a CI's SARIF file was empty when the module had errors.
    const found = diagnosticsOf(err);
    if (!found) throw err;
    return { file, diagnostics: found, positionOf };
  }
  const files = documents.emitFiles(model);
  const docs = {
    definition: JSON.parse(files['apiDefinition.swagger.json']) as Record<string, unknown>,
    properties: JSON.parse(files['apiProperties.json']) as Record<string, unknown>,
    bytes: Buffer.byteLength(files['apiDefinition.swagger.json']),
    assets: declaredAssets(model, dirname(file), 'present'),
  };
  // The rules read the definition as having Swagger 2.0's shape, so they run once it does.
  const shape = swaggerShapeProblems(docs.definition, documents);
  if (shape.length > 0) return { file, diagnostics: shape };
  return {
    file,
    diagnostics: documents.withoutRestated(
      model.diagnostics,
      documents.lint(docs, { level, locate: documents.locator(model) }),
    ),
    positionOf,
  };
}

/** Lints a definition file (and its apiProperties.json) by JSON pointer. */
function validateFiles(file: string, propertiesFile: string | undefined, level: Documents.Level): ValidationResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const documents = require('@flowport/core/documents') as typeof Documents;
  // The importer's reader: a byte order mark is dropped, and a syntax error says its line and column.
  const docs = {
    definition: readJson(file) as Record<string, unknown>,
    properties: propertiesFile ? (readJson(propertiesFile) as Record<string, unknown>) : undefined,
    bytes: statSync(file).size,
    assets: assetsBeside(file, documents.CONNECTOR_FILES),
  };
  // Loaded here only: a module's build and validation never read an apiProperties.json.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { apiPropertiesProblems } = require('./api-properties-schema') as typeof ApiPropertiesSchema;
  // The rules read both files as having their shapes, so they run once both do.
  const shape = [
    ...swaggerShapeProblems(docs.definition, documents),
    ...(propertiesFile ? documents.notApiProperties(apiPropertiesProblems(docs.properties)) : []),
  ];
  const positionOf = positionsOf(file, propertiesFile);
  if (shape.length > 0) return { file, diagnostics: shape, positionOf };
  return { file, diagnostics: documents.lint(docs, { level }), positionOf };
}

/** The icon and custom code beside a definition file, under the names a connector folder gives them. */
function assetsBeside(
  file: string,
  names: { readonly icon: string; readonly script: string },
): Documents.ConnectorAssets {
  const read = (name: string) => {
    const path = join(dirname(file), name);
    return isFile(path) ? { name, bytes: readFileSync(path) } : undefined;
  };
  return { icon: read(names.icon), script: read(names.script) };
}

/** The position of a finding in the definition, or in the apiProperties.json its pointer names. */
function positionsOf(file: string, propertiesFile: string | undefined): (d: Core.Diagnostic) => Position | undefined {
  const inDefinition = positionsInFile(file);
  const inProperties = propertiesFile ? positionsInFile(propertiesFile) : undefined;
  return (d) => {
    const pointer = d.at.pointer;
    if (pointer === undefined) return undefined;
    if (pointer.startsWith('/') || pointer === '') return inDefinition(pointer);
    // The icon or the custom code: the file itself, from its start.
    if (!pointer.startsWith(PROPERTIES_POINTER)) return { file: join(dirname(file), pointer), line: 1, column: 1 };
    return inProperties?.(pointer.slice(PROPERTIES_POINTER.length));
  };
}

/** How a pointer into `apiProperties.json` starts (`notApiProperties`, the lint rules). */
const PROPERTIES_POINTER = 'apiProperties.json#';

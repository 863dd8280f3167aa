import type { ApiModel } from '@flowport/core';
import type * as Documents from '@flowport/core/documents';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { swaggerShapeProblems } from './swagger-guard';
import { LoadError, loadConnector } from './load';
import { isFile, makeFolder } from './folders';

/** What happened to one output file. */
export interface BuiltFile {
  readonly name: string;
  readonly path: string;
  /**
   * `written`, `unchanged` or `removed` (an icon or script the connector no longer declares) when
   * building; `fresh`, `stale` or `missing` with `check` (such a leftover is stale).
   */
  readonly status: 'written' | 'unchanged' | 'removed' | 'fresh' | 'stale' | 'missing';
}

/** Options of {@link build}, as `flowport build` takes them. */
export interface BuildOptions {
  /** Output folder. */
  readonly out: string;
  /** Write nothing; report which files differ from what a build would write. */
  readonly check?: boolean;
  /**
   * Also write the request validators, compiled, to this file (a CommonJS module for the
   * adapter's `precompiledValidators` option).
   */
  readonly validators?: string;
}

/**
 * Loads the module, resolves its connector and writes `apiDefinition.swagger.json`,
 * `apiProperties.json`, `settings.json` and `openapi.json` (plus the icon and script when
 * declared, resolved relative to the module). Throws the `DiagnosticError` of `resolve()`.
 */
export function build(modulePath: string, options: BuildOptions): BuiltFile[] {
  const { connector, file, core, documents } = loadConnector(modulePath);
  const model = core.resolve(connector);
  const emitted = documents.emitFiles(model);
  // What import into Power Platform would reject stops the build, with the same diagnostics.
  const definition = emitted['apiDefinition.swagger.json'];
  const parsed = JSON.parse(definition) as Record<string, unknown>;
  const shape = swaggerShapeProblems(parsed, documents);
  if (shape.length > 0) throw new core.DiagnosticError(shape);
  // The icon and custom code are copied as they are, and judged as the platform judges them.
  const assets = declaredAssets(model, dirname(file));
  const platform = documents.lint(
    { definition: parsed, bytes: Buffer.byteLength(definition), assets },
    { level: 'platform', locate: documents.locator(model) },
  );
  if (platform.some((d) => d.severity === 'error')) throw new core.DiagnosticError(platform);
  const out = resolve(options.out);
  const outputs: [string, Buffer][] = Object.entries(emitted).map(([name, text]) => [
    join(out, name),
    Buffer.from(text as string, 'utf8'),
  ]);
  // Copied as they were read.
  const bytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (assets.icon) outputs.push([join(out, documents.CONNECTOR_FILES.icon), bytes(assets.icon.bytes)]);
  if (assets.script) outputs.push([join(out, documents.CONNECTOR_FILES.script), bytes(assets.script.bytes)]);
  if (options.validators) {
    outputs.push([resolve(options.validators), Buffer.from(validatorsModule(file, model), 'utf8')]);
  }
  if (!options.check && existsSync(out) && !statSync(out).isDirectory()) {
    throw new Error(`--out ${options.out} is a file; name a folder`);
  }
  const icon = model.branding.icon ? join(out, documents.CONNECTOR_FILES.icon) : undefined;
  const results = outputs.map(([path, bytes]): BuiltFile => {
    const name = basename(path);
    // A folder in a file's place would make its rename fail after others succeeded.
    const folder = existsSync(path) && statSync(path).isDirectory();
    if (folder && !options.check) throw new Error(`${path} is a folder; a file goes there`);
    const exists = existsSync(path);
    const same = !folder && exists && holds(path, bytes, path !== icon);
    if (options.check) return { name, path, status: same ? 'fresh' : exists ? 'stale' : 'missing' };
    return { name, path, status: same ? 'unchanged' : 'written' };
  });
  // An icon or script an earlier build copied (its settings.json names it), which the connector no
  // longer declares: left in the folder, it would pass for part of the connector. A file the last
  // build did not write is someone else's, and is left alone.
  const leftovers = earlierCopies(out, documents.CONNECTOR_FILES)
    .map((name) => join(out, name))
    .filter((path) => !outputs.some(([written]) => written === path) && isFile(path));
  for (const path of leftovers) {
    results.push({ name: basename(path), path, status: options.check ? 'stale' : 'removed' });
  }
  if (!options.check) {
    writeTogether(outputs.filter((_, i) => results[i].status === 'written'));
    for (const path of leftovers) rmSync(path);
  }
  return results;
}

/**
 * Whether the file at `path` holds what a build would write. A text file that Git checked out
 * with CRLF line ends (`core.autocrlf` on Windows) holds the same text, which `--check` there
 * must not call stale, nor a build write again.
 */
function holds(path: string, bytes: Buffer, text: boolean): boolean {
  const existing = readFileSync(path);
  if (existing.equals(bytes)) return true;
  if (!text || !existing.includes('\r\n')) return false;
  return Buffer.from(existing.toString('utf8').replace(/\r\n/g, '\n'), 'utf8').equals(bytes);
}

/**
 * The icon and script (`files`, by their settings.json keys) that the settings.json of the last
 * build in `out` names, if it can be read. Only under the names a build writes: settings.json
 * may have been edited to name anything.
 */
function earlierCopies(out: string, files: { readonly icon: string; readonly script: string }): string[] {
  let settings: Record<string, unknown> | null;
  try {
    settings = JSON.parse(readFileSync(join(out, 'settings.json'), 'utf8')) as Record<string, unknown> | null;
  } catch {
    return [];
  }
  return (['icon', 'script'] as const).filter((key) => settings?.[key] === files[key]).map((key) => files[key]);
}

/**
 * Writes each file beside itself first, then renames them all into place: a build that fails
 * midway (a full disk, a folder it may not write) leaves the files as they were, none of them cut
 * short and none from a different build than its neighbours.
 */
function writeTogether(files: readonly (readonly [string, Buffer])[]): void {
  const staged: [string, string][] = [];
  try {
    for (const [path, bytes] of files) {
      makeFolder(dirname(path));
      const temporary = `${path}.${process.pid}.tmp`;
      staged.push([temporary, path]);
      writeFileSync(temporary, bytes);
    }
  } catch (err) {
    for (const [temporary] of staged) rmSync(temporary, { force: true });
    throw err;
  }
  for (const [temporary, path] of staged) renameSync(temporary, path);
}

/**
 * The compiled request validators, from the copy of `@flowport/express-adapter` the module
 * itself would serve with: the code requires that copy's ajv helpers and formats at run time.
 * Only its validation folder is loaded, never Express.
 */
function validatorsModule(file: string, model: ApiModel): string {
  let standalone: { validatorsModule(model: ApiModel): string };
  try {
    standalone = createRequire(file)('@flowport/express-adapter/dist/validation/standalone') as typeof standalone;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    throw new LoadError(
      `--validators compiles with @flowport/express-adapter, which ${display(file)} cannot resolve; install it beside the module`,
    );
  }
  return standalone.validatorsModule(model);
}

/** A path as the user would type it from the current directory. */
export function display(path: string): string {
  return relative(process.cwd(), path) || '.';
}

/**
 * A file the connector declares (`icon`, `script.file`), read relative to its module. Before, one
 * that was not there ended the build with Node's "ENOENT: no such file or directory, open …".
 */
/**
 * The icon and custom code file the connector declares, read relative to its module. A file that
 * is not there stops a build; `validate` passes `present` and judges the rest without it.
 */
export function declaredAssets(
  model: ApiModel,
  base: string,
  only: 'all' | 'present' = 'all',
): Documents.ConnectorAssets {
  const read = (option: string, name: string | undefined): Documents.ConnectorFile | undefined => {
    if (name === undefined) return undefined;
    if (only === 'present' && !isFile(resolve(base, name))) return undefined;
    return { name, bytes: declaredFile(base, option, name) };
  };
  return { icon: read('icon', model.branding.icon), script: read('script.file', model.capabilities.script?.file) };
}

function declaredFile(base: string, option: string, path: string): Buffer {
  const full = resolve(base, path);
  if (!existsSync(full) || statSync(full).isDirectory())
    throw new Error(`${option} "${path}" names no file: ${full} (read relative to the connector's module)`);
  return readFileSync(full);
}

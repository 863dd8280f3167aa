import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadConnector } from './load';

/** What happened to one output file. */
export interface BuiltFile {
  readonly name: string;
  readonly path: string;
  /** `written` or `unchanged` when building; `fresh` or `stale` with `check`. */
  readonly status: 'written' | 'unchanged' | 'fresh' | 'stale';
}

export interface BuildOptions {
  /** Output folder. */
  readonly out: string;
  /** Write nothing; report which files differ from what a build would write. */
  readonly check?: boolean;
}

/**
 * Loads the module, resolves its connector and writes `apiDefinition.swagger.json`,
 * `apiProperties.json`, `settings.json` and `openapi.json` (plus the icon and script when
 * declared, resolved relative to the module). Throws the `DiagnosticError` of `resolve()`.
 */
export function build(modulePath: string, options: BuildOptions): BuiltFile[] {
  const { connector, file, core } = loadConnector(modulePath);
  const model = core.resolve(connector);
  const emitted = core.emitFiles(model);
  // What import into Power Platform would reject stops the build, with the same diagnostics.
  const definition = emitted['apiDefinition.swagger.json'];
  const platform = core.lint(
    { definition: JSON.parse(definition) as Record<string, unknown>, bytes: Buffer.byteLength(definition) },
    { level: 'platform', locate: core.locator(model) },
  );
  if (platform.some((d) => d.severity === 'error')) throw new core.DiagnosticError(platform);
  const outputs: [string, Buffer][] = Object.entries(emitted).map(([name, text]) => [
    name,
    Buffer.from(text as string, 'utf8'),
  ]);
  const base = dirname(file);
  if (model.branding.icon) outputs.push([core.CONNECTOR_FILES.icon, readFileSync(resolve(base, model.branding.icon))]);
  if (model.capabilities.script) {
    outputs.push([core.CONNECTOR_FILES.script, readFileSync(resolve(base, model.capabilities.script.file))]);
  }
  const out = resolve(options.out);
  if (!options.check) mkdirSync(out, { recursive: true });
  return outputs.map(([name, bytes]) => {
    const path = join(out, name);
    const same = existsSync(path) && readFileSync(path).equals(bytes);
    if (options.check) return { name, path, status: same ? 'fresh' : 'stale' };
    if (!same) writeFileSync(path, bytes);
    return { name, path, status: same ? 'unchanged' : 'written' };
  });
}

/** A path as the user would type it from the current directory. */
export function display(path: string): string {
  return relative(process.cwd(), path) || '.';
}

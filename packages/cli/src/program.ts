import { Command } from 'commander';
import { resolve } from 'node:path';
import { build, display } from './build';
import { diagnosticsOf, printDiagnostics } from './diagnostics';
import { toSarif, toSarifFailure } from './sarif';
import { validate } from './validate';
import { connectorFiles } from './connector-files';
import { importConnector } from './import/import';
import { ImportError } from './import/read';
import { positionsInFile, type Position } from './positions';
import { sourcePositions } from './source-positions';
import type { Diagnostic } from '@flowport/core';

/** Output streams, injectable so tests can run the CLI in-process. */
export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const stdio: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** This package's version, as `flowport --version` prints it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION = (require('../package.json') as { version: string }).version;

/** Runs the `flowport` command line; resolves to the process exit code. */
export async function run(argv: readonly string[], io: Io = stdio): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('flowport')
    .description('Build Power Platform custom connectors and OpenAPI documents from decorated TypeScript.')
    .version(VERSION, '-V, --version', 'print the version of flowport')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command('build')
    .description('write apiDefinition.swagger.json, apiProperties.json, settings.json and openapi.json')
    .argument('<module>', 'TypeScript or JavaScript module that exports a Connector')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('--check', 'write nothing; exit 1 if any file is missing or stale')
    .option('--validators <file>', 'also write the compiled request validators (for precompiledValidators)')
    .action((module: string, opts: BuildCommandOptions) => {
      code = buildCommand(module, opts, io);
    });

  program
    .command('validate')
    .description('check a connector module, folder or definition against the platform or certification rules')
    .argument(
      '<target>',
      'module that exports a Connector, a folder with apiDefinition.swagger.json, or that file itself',
    )
    .option('--level <level>', 'platform (what import rejects) or certification (what review rejects)', 'certification')
    .option('--format <format>', 'text, json or sarif', 'text')
    .option('--max-warnings <n>', 'fail when there are more warnings than this')
    .action((target: string, opts: { level: string; format: string; maxWarnings?: string }) => {
      code = validateCommand(target, opts, io);
    });

  program
    .command('import')
    .description('turn an existing connector definition into decorated TypeScript')
    .argument('<definition>', 'apiDefinition.swagger.json (Swagger 2.0), or a folder holding it')
    .option('--properties <file>', 'apiProperties.json of the same connector (default: the one beside the definition)')
    .requiredOption('-o, --out <dir>', 'folder to create (must not exist or be empty)')
    .action((definition: string, opts: { properties?: string; out: string }) => {
      code = importCommand(definition, opts, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    const exit = (err as { exitCode?: number }).exitCode;
    if (typeof exit === 'number') return exit;
    throw err;
  }
  return code;
}

function validateCommand(
  target: string,
  opts: { level: string; format: string; maxWarnings?: string },
  io: Io,
): number {
  if (opts.maxWarnings !== undefined && !/^\d+$/.test(opts.maxWarnings)) {
    io.err(`flowport: --max-warnings must be a whole number of 0 or more, not ${opts.maxWarnings}`);
    return 2;
  }
  const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
  if (opts.level !== 'platform' && opts.level !== 'certification') {
    io.err(`flowport: --level must be platform or certification, not ${opts.level}`);
    return 2;
  }
  if (!['text', 'json', 'sarif'].includes(opts.format)) {
    io.err(`flowport: --format must be text, json or sarif, not ${opts.format}`);
    return 2;
  }
  try {
    const { file, diagnostics, positionOf } = validate(target, opts.level);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    if (opts.format === 'json') {
      const placed = diagnostics.map((d) => ({ ...d, position: positionOf?.(d) }));
      io.out(JSON.stringify(placed, null, 2));
    } else if (opts.format === 'sarif') io.out(JSON.stringify(toSarif(file, diagnostics, positionOf), null, 2));
    else {
      printDiagnostics(diagnostics, io.out, (d) => {
        const p = positionOf?.(d);
        return p && `${display(p.file)}:${p.line}:${p.column}`;
      });
      io.out(`${display(file)}: ${errors} error(s), ${warnings} warning(s) at ${opts.level} level`);
    }
    const tooMany = maxWarnings !== undefined && warnings > maxWarnings;
    // Said on stderr, so that JSON and SARIF on stdout stay documents.
    if (tooMany) io.err(`flowport: ${warnings} warning(s), more than --max-warnings ${maxWarnings} allows`);
    return errors > 0 || tooMany ? 1 : 0;
  } catch (err) {
    if (opts.format === 'sarif' && !diagnosticsOf(err)) {
      io.out(JSON.stringify(toSarifFailure(resolve(target), failureMessage(err, target)), null, 2));
    }
    return reportFailure(err, io, target);
  }
}

function reportFailure(err: unknown, io: Io, target: string, where?: (d: Diagnostic) => string | undefined): number {
  const diagnostics = diagnosticsOf(err);
  if (diagnostics) printDiagnostics(diagnostics, io.err, where);
  else io.err(`flowport: ${failureMessage(err, target)}`);
  return 1;
}

/**
 * A failure in words. The one error that names no cause is a stack that ran out: every reader and
 * check walks schemas recursively, and JavaScript's own message ("Maximum call stack size
 * exceeded") was all a user saw of schemas that reference one another too deep. (A module that
 * overflows while it loads is said by the loader, with its line.)
 */
function failureMessage(err: unknown, target: string): string {
  if (err instanceof RangeError && err.message === 'Maximum call stack size exceeded') {
    return (
      `${display(resolve(target))} nests too deeply to follow, and the call stack ran out. Schemas or classes ` +
      'that contain or reference one another several hundred levels deep are beyond Flowport; flatten the deepest chain.'
    );
  }
  return err instanceof Error ? err.message : String(err);
}

function importCommand(target: string, opts: { properties?: string; out: string }, io: Io): number {
  try {
    // Read as validate reads it: a folder, or a definition with the apiProperties.json beside it.
    const files = connectorFiles(target) ?? { definition: target };
    const properties = opts.properties ?? files.properties;
    const r = importConnector({ definition: files.definition, properties, out: opts.out });
    // Said once the definition has been read: before, it came ahead of the reason it could not be.
    if (!properties) {
      io.err('flowport: no apiProperties.json beside the definition; the connector gets no connection');
      io.err('  parameters, policies or brand colour of its own. Give the file with --properties.');
    }
    for (const loss of r.losses) io.err(`not imported: ${loss}`);
    io.out(
      `imported ${r.operations} operations into ${r.controllers} controllers and ${r.classes} classes` +
        ` (${r.literals} schemas as literals) in ${display(opts.out)}`,
    );
    io.out(`next: flowport build ${display(`${opts.out}/src/connector.ts`)} --out <folder>`);
    return r.losses.length > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof ImportError) {
      const place = positionOf(err);
      io.err(`flowport: ${err.message}${place ? ` (${display(place.file)}:${place.line}:${place.column})` : ''}`);
      return 1;
    }
    return reportFailure(err, io, target);
  }
}

/** Where in its file the place an import refused stands, when it is a JSON pointer of a file read. */
function positionOf(err: ImportError): Position | undefined {
  if (!err.where.startsWith('/')) return undefined;
  try {
    return positionsInFile(err.file)(err.where);
  } catch {
    return undefined;
  }
}

interface BuildCommandOptions {
  readonly out: string;
  readonly check?: boolean;
  readonly validators?: string;
}

function buildCommand(module: string, opts: BuildCommandOptions, io: Io): number {
  try {
    const files = build(module, opts);
    if (opts.check) {
      const stale = files.filter((f) => f.status === 'stale' || f.status === 'missing');
      for (const f of stale) io.err(`${f.status}: ${display(f.path)}`);
      const where = display(opts.out) + (opts.validators ? ` and ${display(resolve(opts.validators))}` : '');
      if (stale.length === 0) io.out(`up to date: ${files.length} files in ${where}`);
      else io.err('flowport: the connector files do not match the source; run the same build without --check');
      return stale.length === 0 ? 0 : 1;
    }
    for (const f of files) io.out(`${f.status === 'written' ? 'wrote' : f.status} ${display(f.path)}`);
    return 0;
  } catch (err) {
    // Findings of the module's declarations, each at its line of the TypeScript.
    const placed = sourcePositions(resolve(module));
    return reportFailure(err, io, module, (d) => {
      const p = placed(d.at);
      return p && `${display(p.file)}:${p.line}:${p.column}`;
    });
  }
}

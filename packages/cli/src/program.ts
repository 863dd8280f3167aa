import { Command } from 'commander';
import { build, display } from './build';
import { diagnosticsOf, printDiagnostics } from './diagnostics';

/** Output streams, injectable so tests can run the CLI in-process. */
export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const stdio: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs the `flowport` command line; resolves to the process exit code. */
export async function run(argv: readonly string[], io: Io = stdio): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('flowport')
    .description('Build Power Platform custom connectors and OpenAPI documents from decorated TypeScript.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command('build')
    .description('write apiDefinition.swagger.json, apiProperties.json, settings.json and openapi.json')
    .argument('<module>', 'TypeScript or JavaScript module that exports a Connector')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('--check', 'write nothing; exit 1 if any file is missing or stale')
    .action((module: string, opts: { out: string; check?: boolean }) => {
      code = buildCommand(module, opts, io);
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

function buildCommand(module: string, opts: { out: string; check?: boolean }, io: Io): number {
  try {
    const files = build(module, opts);
    if (opts.check) {
      const stale = files.filter((f) => f.status === 'stale');
      for (const f of stale) io.err(`stale: ${display(f.path)}`);
      if (stale.length === 0) io.out(`up to date: ${files.length} files in ${display(opts.out)}`);
      return stale.length === 0 ? 0 : 1;
    }
    for (const f of files) io.out(`${f.status === 'written' ? 'wrote' : 'unchanged'} ${display(f.path)}`);
    return 0;
  } catch (err) {
    const diagnostics = diagnosticsOf(err);
    if (diagnostics) {
      printDiagnostics(diagnostics, io.err);
      return 1;
    }
    io.err(`flowport: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

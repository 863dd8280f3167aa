/**
 * @flowport/cli — the `flowport` command, usable programmatically too.
 * @packageDocumentation
 */
export { build, type BuildOptions, type BuiltFile } from './build';
export { loadConnector, LoadError } from './load';
export { registerTypeScript } from './loader';
export { run, type Io } from './program';
export { validate, type ValidationResult } from './validate';
export { toSarif } from './sarif';
export { importConnector, type ImportOptions, type ImportResult } from './import/import';
export { compareDefinitions, compareProperties } from './import/compare';
export { ImportError } from './import/read';

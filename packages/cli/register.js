// `node --require @flowport/cli/register src/server.ts` runs a CommonJS TypeScript app as
// `flowport build` loads it: swc with the legacy decorators and `design:*` metadata Flowport reads
// (esbuild, which tsx runs on, emits no metadata), and the tsconfig.json `paths` of the current
// folder. Nothing is type-checked: run tsc for that. Add --enable-source-maps for TypeScript lines.
'use strict';
const { registerPathAliases, registerTypeScript } = require('./dist/loader');

registerTypeScript();
registerPathAliases(process.cwd());

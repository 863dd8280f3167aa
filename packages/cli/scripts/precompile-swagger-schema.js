// Writes the Swagger 2.0 schema as ajv's standalone code beside the compiled CLI, so that every
// `flowport build` checks what it wrote against the schema without compiling it (100–195 ms) first.
// Run by the root `npm run build`, after tsc, and before `npm pack` of the CLI (prepack).
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const standalone = require('ajv/dist/standalone').default;
const { compileSwaggerSchema, PRECOMPILED_SWAGGER_SCHEMA } = require('../dist/swagger-schema');

const { ajv, validate } = compileSwaggerSchema(true);
writeFileSync(join(__dirname, '..', 'dist', PRECOMPILED_SWAGGER_SCHEMA), standalone(ajv, validate));

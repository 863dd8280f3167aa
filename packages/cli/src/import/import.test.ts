import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importConnector } from './import';

// The module whose check runs last, replaced for one test by one that fails.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const swaggerSchema = require('../swagger-schema') as { swaggerSchemaProblems: (doc: unknown) => unknown[] };

describe('importConnector', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowport-import-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes nothing when a check of the definition fails after the files are rendered', () => {
    // Before, what an import reports (the places that are not Swagger 2.0) was worked out after the
    // files were written, so a failure there left a project that did not build.
    const definition = join(dir, 'apiDefinition.swagger.json');
    writeFileSync(
      definition,
      JSON.stringify({
        swagger: '2.0',
        info: { title: 'Late', description: 'A check that fails last.', version: '1.0' },
        host: 'late.example.com',
        paths: { '/ping': { get: { operationId: 'Ping', responses: { '204': { description: 'Pong' } } } } },
      }),
    );
    const out = join(dir, 'out');
    const original = swaggerSchema.swaggerSchemaProblems;
    swaggerSchema.swaggerSchemaProblems = () => {
      throw new Error('the check failed');
    };
    try {
      assert.throws(() => importConnector({ definition, out }), /the check failed/);
    } finally {
      swaggerSchema.swaggerSchemaProblems = original;
    }
    assert.equal(existsSync(out), false);
    assert.equal(importConnector({ definition, out }).operations, 1);
    assert.ok(existsSync(join(out, 'src', 'connector.ts')));
  });
});

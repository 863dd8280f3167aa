import { catalogEntries } from '@flowport/core';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/corpus';

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');

  it('lists every diagnostic of the catalog with its code and name', () => {
    // Prettier pads table cells, so match the row loosely.
    for (const e of catalogEntries()) {
      assert.match(readme, new RegExp(`^\\| ${e.code} +\\| \`${e.name}\` +\\|`, 'm'), e.code);
    }
  });

  it('.ci/run runs exactly the README test command', () => {
    const command = /^(npm ci && npm test)\s+#/m.exec(readme)?.[1];
    assert.equal(command, 'npm ci && npm test');
    assert.match(ci, /^npm ci && npm test$/m);
  });
});

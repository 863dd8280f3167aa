import { catalog, catalogEntries } from '@flowport/core';
import { rules } from '@flowport/core/documents';
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

  it('lists every rule of flowport validate with its level, severity and source', () => {
    // Before, fourteen rules were missing from the table (three older than the others), and one
    // source had changed.
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const rule of rules) {
      const e = catalog[rule.key];
      const row = `^\\| ${e.code} +\\| \`${e.name}\` +\\| ${rule.level} +\\| ${e.severity} +\\| ${escape(rule.source)} +\\|$`;
      assert.match(readme, new RegExp(row, 'm'), e.code);
    }
  });

  it('.ci/run runs exactly the README test command', () => {
    const command = /^(npm ci && npm test)\s+#/m.exec(readme)?.[1];
    assert.equal(command, 'npm ci && npm test');
    assert.match(ci, /^npm ci && npm test$/m);
  });
});

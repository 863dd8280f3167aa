import { lint } from '@flowport/core/documents';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, ROOT } from './support/corpus';
import { placeOf } from './support/pointers';

describe('flowport validate over the 30 real connectors', function () {
  this.timeout(60_000);
  const findings = new Map<string, Map<string, number>>();
  const platformErrors: string[] = [];
  const nowhere: string[] = [];

  before(function () {
    const dir = join(corpusDir(this), 'connectors');
    for (const name of readdirSync(dir).sort()) {
      const raw = readFileSync(join(dir, name, 'apiDefinition.swagger.json'));
      const properties = JSON.parse(readFileSync(join(dir, name, 'apiProperties.json'), 'utf8'));
      const docs = { definition: JSON.parse(raw.toString('utf8')), properties, bytes: raw.length };
      for (const d of lint(docs, { level: 'platform' })) platformErrors.push(`${name}: ${d.code} ${d.message}`);
      const result = lint(docs, { level: 'certification' });
      for (const d of result) {
        if (d.at.pointer === undefined || placeOf(docs.definition, properties, d.at.pointer) === undefined)
          nowhere.push(`${name}: ${d.code} at ${d.at.pointer}`);
        const byConnector = findings.get(d.code) ?? new Map<string, number>();
        byConnector.set(name, (byConnector.get(name) ?? 0) + 1);
        findings.set(d.code, byConnector);
      }
    }
  });

  it('the platform level reports no errors on any of them (Microsoft accepted all)', () => {
    assert.deepEqual(platformErrors, []);
  });

  it('places every finding at a place the files have, where validate gives its line', () => {
    // Before, 39 title-case findings named the use of a shared parameter (26 of them repeats, one
    // per use), and missing metadata a key that is not there: no line, and no CI annotation.
    assert.deepEqual(nowhere, []);
  });

  it('every certification rule that fires is in the README table, with a reason', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('### Findings on the real connectors'));
    const rows = [...findings].map(
      ([code, byConnector]) => `${code} ${[...byConnector].map(([c, n]) => `${c}:${n}`).join(', ')}`,
    );
    process.stdout.write(`      certification findings:\n${rows.map((r) => `        ${r}`).join('\n')}\n`);
    for (const [code] of findings) {
      const row = table.split('\n').find((l) => l.includes(code));
      assert.ok(row, `${code} fires on the corpus but has no row in the README table`);
      const reason =
        row
          .split('|')
          .map((c) => c.trim())
          .filter(Boolean)
          .pop() ?? '';
      assert.ok(reason.length > 20, `${code} has no reason`);
    }
  });
});

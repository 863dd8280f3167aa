import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/corpus';

/**
 * Root hook: after every suite, the scratch folders the tests made (`support/tmp`) are gone. A
 * suite that makes one outside a hook leaves it behind in a filtered run (--grep), which defines
 * the suite without running its hooks; 190 had piled up before this check.
 */
after('no test leaves a scratch folder behind', () => {
  const base = join(ROOT, '.flowport-tmp');
  assert.deepEqual(existsSync(base) ? readdirSync(base) : [], []);
});

import assert from 'node:assert/strict';
import { Validators } from './validators';

describe('Validators', () => {
  it('checks the formats the platform accepts', () => {
    const validate = new Validators({}).of({ type: 'string', format: 'date-time' });
    assert.equal(validate('2026-11-28T10:00:00Z'), undefined);
    assert.equal(validate('yesterday')?.[0]?.keyword, 'format');
  });

  it('takes a format outside that list, which a connector emitted as declared may keep, as a hint, silently', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      // Office 365 Groups writes format "guid"; ajv would warn once per compiled schema.
      const validate = new Validators({}).of({ type: 'string', format: 'guid' });
      assert.equal(validate('not a guid at all'), undefined);
      assert.equal(validate(5)?.[0]?.keyword, 'type');
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(warnings, []);
  });
});

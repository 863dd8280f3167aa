import assert from 'node:assert/strict';
import { FORMAT_CHECKS, meetsFormat } from './format-checks';
import { CHECKED_FORMATS, SCHEMA_FORMATS } from './formats';

describe('format checks', () => {
  it('check exactly the formats CHECKED_FORMATS names; the others are hints', () => {
    for (const format of SCHEMA_FORMATS) {
      assert.equal(FORMAT_CHECKS[format] !== true, CHECKED_FORMATS.has(format), format);
    }
  });

  it('judge values of their own type, as the request validators do', () => {
    assert.equal(meetsFormat('email', 'a@example.com'), true);
    assert.equal(meetsFormat('email', 'nobody'), false);
    assert.equal(meetsFormat('date-time', '2026-11-28T10:00:00Z'), true);
    assert.equal(meetsFormat('date-time', '2026-11-28'), false);
    assert.equal(meetsFormat('date', '2026-02-30'), false);
    assert.equal(meetsFormat('date-no-tz', '2026-11-28T10:00'), true);
    assert.equal(meetsFormat('date-no-tz', '2024-02-29T23:59:60.1234567'), true);
    // Before, the shape alone was checked: a month 13, a 30 February, hour 24 and minute 60 passed.
    for (const wrong of [
      '2026-13-01T10:00',
      '2026-02-30T10:00',
      '2026-11-28T24:00',
      '2026-11-28T10:60',
      '2026-11-28T10:00:60',
      '2026-11-28T10:00Z',
    ])
      assert.equal(meetsFormat('date-no-tz', wrong), false, wrong);
    assert.equal(meetsFormat('uuid', '1b4e28ba-2d7a-4c1c-9c4e-1d2f3a4b5c6d'), true);
    assert.equal(meetsFormat('byte', 'not base64!'), false);
    assert.equal(meetsFormat('int32', 2 ** 31 - 1), true);
    assert.equal(meetsFormat('int32', 2 ** 31), false);
    assert.equal(meetsFormat('int64', 1.5), false);
    // A value of another type, a hint, or a format outside the list: nothing to check.
    assert.equal(meetsFormat('email', 5), true);
    assert.equal(meetsFormat('int32', 'x'), true);
    assert.equal(meetsFormat('password', ''), true);
    assert.equal(meetsFormat('guid', 'not a guid'), true);
    assert.equal(meetsFormat('toString', 'x'), true);
  });
});

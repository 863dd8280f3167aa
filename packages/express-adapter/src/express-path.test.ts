import assert from 'node:assert/strict';
import { toExpressPath } from './express-path';

describe('toExpressPath', () => {
  it('maps {variables} to Express parameters and escapes path-to-regexp syntax', () => {
    assert.equal(toExpressPath('/items/{id}'), '/items/:id');
    assert.equal(toExpressPath('/v2.0/items({key})'), '/v2.0/items\\(:key\\)');
    assert.equal(toExpressPath('/files/{file-name}'), '/files/:"file-name"');
    assert.equal(toExpressPath('/a+b/*'), '/a\\+b/\\*');
  });
});

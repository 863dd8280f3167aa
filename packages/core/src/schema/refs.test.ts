import assert from 'node:assert/strict';
import { componentName } from '../emit/openapi3/schema';
import { refEntry, refTo } from './refs';

describe('references to entries of a definition', () => {
  it('writes a name as a JSON pointer in a URI fragment, and reads it back', () => {
    const names = ['Item', 'Microsoft.Graph.User', 'a/b', 'x~y', 'my item', 'List`1', 'Page[Item]', '100%', 'é'];
    assert.deepEqual(
      names.map((n) => refTo(n)),
      [
        '#/definitions/Item',
        '#/definitions/Microsoft.Graph.User',
        '#/definitions/a~1b',
        '#/definitions/x~0y',
        '#/definitions/my%20item',
        '#/definitions/List%601',
        '#/definitions/Page%5BItem%5D',
        '#/definitions/100%25',
        '#/definitions/%C3%A9',
      ],
    );
    for (const n of names) assert.equal(refEntry(refTo(n)), n);
    assert.equal(refEntry(refTo('top', '#/parameters/'), '#/parameters/'), 'top');
  });

  it('reads a name written as it is, and nothing that points elsewhere', () => {
    assert.equal(refEntry('#/definitions/my item'), 'my item');
    assert.equal(refEntry('#/definitions/100%'), '100%');
    assert.equal(refEntry('#/definitions/a/b'), undefined);
    assert.equal(refEntry('#/parameters/top'), undefined);
    assert.equal(refEntry('other.json#/definitions/Item'), undefined);
    assert.equal(refEntry(5), undefined);
  });

  it('keys OpenAPI 3 components with the characters it allows, one key per name', () => {
    assert.equal(componentName('Microsoft.Graph.User'), 'Microsoft.Graph.User');
    const odd = ['a/b', 'a b', 'a_b-x', 'a?b'].map(componentName);
    for (const k of odd) assert.match(k, /^[A-Za-z0-9._-]+$/);
    assert.equal(new Set(odd).size, odd.length);
    assert.equal(componentName('a/b'), componentName('a/b'));
  });
});

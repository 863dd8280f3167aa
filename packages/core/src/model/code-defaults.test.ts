import assert from 'node:assert/strict';
import { firstDefaultInCode } from './code-defaults';

/** Handlers whose parameter lists are what is tested. */
class Handlers {
  plain(_a: string, _b: number): void {}
  defaulted(_id: string, _top = 10, _q?: string): void {}
  rest(..._args: unknown[]): void {}
  tricky(_a: string, _b = '(,)', _c = [1, 2]): void {}
  async called(_a = Math.max(1, 2)): Promise<void> {}
  destructured(_a: string, { b: _b }: { b?: number } = {}): void {}
}

describe('firstDefaultInCode', () => {
  const p = Handlers.prototype;
  it('finds the first parameter with a default in code, whatever its default holds', () => {
    assert.equal(firstDefaultInCode(p.defaulted, 3), 1);
    assert.equal(firstDefaultInCode(p.tricky, 3), 1);
    assert.equal(firstDefaultInCode(p.called, 1), 0);
    assert.equal(firstDefaultInCode(p.destructured, 2), 1);
  });

  it('finds none without one, nor at a rest parameter, which also stops Function#length', () => {
    assert.equal(firstDefaultInCode(p.plain, 2), undefined);
    assert.equal(firstDefaultInCode(p.rest, 2), undefined);
    assert.equal(firstDefaultInCode(undefined, 1), undefined);
  });
});

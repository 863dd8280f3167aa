import assert from 'node:assert/strict';
import { invalidRequestDetail, MAX_LISTED_PROBLEMS, problemErrors } from './errors';
import { Validators } from './validators';

describe('problemErrors', () => {
  const strings = new Validators({}).of({ type: 'array', items: { type: 'string' } });

  it('lists at most the limit, MAX_LISTED_PROBLEMS by default', () => {
    const errors = strings(Array(1000).fill(7));
    assert.equal(errors?.length, 1000);
    const listed = problemErrors(errors, 'body');
    assert.equal(listed.length, MAX_LISTED_PROBLEMS);
    assert.deepEqual(listed[0], { pointer: '/body/0', message: 'must be string', code: 'type' });
    assert.equal(problemErrors(errors, 'body', undefined, 3).length, 3);
    assert.equal(problemErrors(strings([7, 'a', 8]), 'body').length, 2);
  });

  it('names the types of a nullable value in words, where ajv joins them with a comma', () => {
    const nullable = new Validators({}).of({ type: 'object', properties: { notes: { type: ['string', 'null'] } } });
    assert.deepEqual(problemErrors(nullable({ notes: 5 }), 'body'), [
      { pointer: '/body/notes', message: 'must be string or null', code: 'type' },
    ]);
  });

  it('says in the detail when problems were left out', () => {
    assert.equal(invalidRequestDetail(false), "The request does not match the operation's definition.");
    assert.match(invalidRequestDetail(true), new RegExp(`its first ${MAX_LISTED_PROBLEMS} problems are listed`));
  });
});

import assert from 'node:assert/strict';
import { requiredLoops, type LoopSchema } from './required-loops';

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
/** Schemas as a definition file holds them, with keywords the loops are not found by. */
const shown = (definitions: Record<string, object>) =>
  requiredLoops(Object.entries(definitions as Record<string, LoopSchema>)).map(
    (l) => `${l.owner} ${l.property ?? '-'}: ${l.shown}`,
  );

describe('requiredLoops: named schemas that must hold themselves', () => {
  it('finds a schema that requires itself, and one loop through three, each once at its first schema', () => {
    assert.deepEqual(
      shown({
        Person: { type: 'object', required: ['manager'], properties: { manager: ref('Person') } },
        A: { required: ['b'], properties: { b: ref('B') } },
        B: { required: ['c'], properties: { c: ref('C') } },
        C: { required: ['a', 'x'], properties: { a: ref('A'), x: ref('Person') } },
      }),
      ['Person manager: Person.manager → Person', 'A b: A.b → B.c → C.a → A'],
    );
  });

  it('follows non-empty lists, inline objects and allOf parts', () => {
    assert.deepEqual(
      shown({
        Node: { required: ['children'], properties: { children: { type: 'array', minItems: 1, items: ref('Node') } } },
        Owner: {
          required: ['address'],
          properties: { address: { type: 'object', required: ['owner'], properties: { owner: ref('Owner') } } },
        },
        Cat: { allOf: [ref('Pet'), { required: ['kind'], properties: { kind: { type: 'string' } } }] },
        Pet: { required: ['cat'], properties: { cat: ref('Cat') } },
      }),
      [
        'Node children: Node.children[] → Node',
        'Owner address: Owner.address.owner → Owner',
        'Cat -: Cat.allOf[0] → Pet.cat → Cat',
      ],
    );
  });

  it('finds none where the chain can end: null, left out, an empty list, a schema given as written', () => {
    assert.deepEqual(
      shown({
        Nullable: { required: ['m'], properties: { m: { ...ref('Nullable'), 'x-nullable': true } } },
        ModelNullable: { required: ['m'], properties: { m: { ref: 'ModelNullable', nullable: true } } },
        Optional: { properties: { m: ref('Optional') } },
        Tree: { required: ['children'], properties: { children: { type: 'array', items: ref('Tree') } } },
        Literal: { required: ['m'], properties: { m: { literal: { $ref: '#/definitions/Literal' } } } },
        // A loop to a schema the table does not have is none of these; its reference is judged apart.
        Dangling: { required: ['m'], properties: { m: ref('Nowhere') } },
        // A required name without its property, and odd keywords, are left to other rules.
        Odd: { required: ['gone', 7], properties: { list: 'not a schema' }, allOf: 'not a list' },
      }),
      [],
    );
  });

  it('follows a schema that is only a reference to another, as Swagger 2.0 reads it (siblings ignored)', () => {
    assert.deepEqual(
      shown({
        A: ref('B'),
        B: ref('A'),
        Item: { required: ['alias'], properties: { alias: ref('Alias') } },
        Alias: { ...ref('Item'), description: 'ignored beside $ref' },
        Model: { ref: 'Model' },
        // An alias that may be null, and one of a schema that ends, are no loops.
        Maybe: { ...ref('Maybe'), 'x-nullable': true },
        Named: ref('Person'),
        Person: { type: 'object', properties: { name: { type: 'string' } } },
      }),
      ['A -: A → B → A', 'Item alias: Item.alias → Alias → Item', 'Model -: Model → Model'],
    );
  });

  it('reads the model’s own references (ref) as it reads $ref', () => {
    assert.deepEqual(shown({ Person: { required: ['manager'], properties: { manager: { ref: 'Person' } } } }), [
      'Person manager: Person.manager → Person',
    ]);
  });
});

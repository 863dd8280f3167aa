import assert from 'node:assert/strict';
import { getMetadataStorage, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import type { Class } from '../types';
import { validationMetadatas, type RawMetadata } from './class-validator-metadata';

/** class-validator's own answer, which the prototype-chain lookup must equal. */
function publicAnswer(cls: Class): RawMetadata[] {
  return getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false) as unknown as RawMetadata[];
}

/** Runs `fn` and counts the calls to class-validator's scanning method meanwhile. */
function scansDuring(fn: () => void): number {
  const storage = getMetadataStorage();
  const original = storage.getTargetValidationMetadatas.bind(storage);
  let calls = 0;
  storage.getTargetValidationMetadatas = (...args) => {
    calls++;
    return original(...args);
  };
  try {
    fn();
  } finally {
    storage.getTargetValidationMetadatas = original;
  }
  return calls;
}

describe('class-validator metadata along the prototype chain', () => {
  class Base {
    @IsString({ groups: ['admin'] })
    @MaxLength(10)
    name!: string;

    @IsInt({ always: false })
    count!: number;
  }

  class Plain {
    @IsString()
    @IsOptional()
    note?: string;
  }

  /** Redeclares `name` (which replaces the base's constraints on it) and adds `age`. */
  class Child extends Base {
    @MaxLength(5)
    declare name: string;

    @Min(0)
    age!: number;
  }

  /** No decorators of its own, between a validated base and a validated subclass. */
  class Unvalidated extends Base {}

  class Grandchild extends Unvalidated {
    @IsString()
    extra!: string;
  }

  /** Two validated bases: their relative order is only known to class-validator's map. */
  class TwoBases extends Child {
    @IsString()
    more!: string;
  }

  /** A base whose prototype's `constructor` is not the base itself. */
  class Disguised extends Base {}
  Object.defineProperty(Disguised.prototype, 'constructor', { value: Plain });
  class BehindDisguise extends Disguised {
    @IsInt()
    n!: number;
  }

  const classes: [string, Class][] = Object.entries({
    Base,
    Plain,
    Child,
    Unvalidated,
    Grandchild,
    TwoBases,
    BehindDisguise,
  });

  for (const [name, cls] of classes) {
    it(`equals class-validator's own answer for ${name}`, () => {
      assert.deepEqual(validationMetadatas(cls), publicAnswer(cls));
    });
  }

  it("equals class-validator's own answer for every class registered in this process", () => {
    const registered = (getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, unknown> })
      .validationMetadatas;
    const checked = [...registered.keys()].filter((k): k is Class => typeof k === 'function');
    assert.ok(checked.length >= classes.length);
    for (const cls of checked) assert.deepEqual(validationMetadatas(cls), publicAnswer(cls), cls.name);
  });

  it('puts the base metadata of properties the subclass does not redeclare after its own', () => {
    const names = validationMetadatas(Child).map((m) => `${(m.target as Class).name}.${m.propertyName}:${m.name}`);
    // A redeclared property loses all its base constraints of the same type, and class-validator
    // records every built-in decorator with the type `customValidation`.
    assert.deepEqual(names, ['Child.name:maxLength', 'Child.age:min', 'Base.count:isInt']);
  });

  it('does not scan every registered class when there is at most one validated base', () => {
    assert.equal(
      scansDuring(() => [Base, Plain, Child, Unvalidated, Grandchild].forEach(validationMetadatas)),
      0,
    );
  });

  it('leaves two validated bases and a disguised base to class-validator', () => {
    assert.equal(
      scansDuring(() => [TwoBases, BehindDisguise].forEach(validationMetadatas)),
      2,
    );
  });
});

import { build, ImportError, importConnector, validate, type ImportResult } from '@flowport/cli';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from './support/corpus';
import { scratch } from './support/tmp';

type Json = Record<string, unknown>;

/** A fixed-seed generator (a linear congruential one), so that every run mutates alike. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** Every place in a document, as the keys leading to it. */
function places(value: unknown, at: string[] = [], out: string[][] = []): string[][] {
  if (at.length > 0) out.push(at);
  if (typeof value === 'object' && value !== null) {
    for (const k of Object.keys(value)) places((value as Json)[k], [...at, k], out);
  }
  return out;
}

/** What a place becomes: values of every JSON type, and shapes a reader might take for others. */
const REPLACEMENTS: unknown[] = [
  null,
  5,
  'x',
  [],
  {},
  true,
  [1],
  { $ref: '#/definitions/Nope' },
  { type: 'array' },
  { type: 'object', properties: 5 },
  -1,
  '',
  { in: 'body' },
];

/**
 * Real connector definitions with one to three places replaced, given to `flowport import` and
 * `flowport validate`: each must import or refuse with an ImportError, and validate must report,
 * never throw; what an import wrote without a word of loss, from a definition validate does not
 * refuse, must build. Mutations found four places where validate failed with a TypeError. The seed
 * is fixed (42); `FLOWPORT_SEED` explores others.
 */
describe('flowport import and validate on mutated real connectors', function () {
  this.timeout(120_000);
  const RUNS = 600;

  it(`never fail with anything but a named refusal (${RUNS} mutations, fixed seed)`, function () {
    const corpus = join(corpusDir(this), 'connectors');
    const names = readdirSync(corpus).sort();
    const random = generator(Number(process.env.FLOWPORT_SEED ?? 42));
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const tmp = scratch();
    const failures = new Map<string, string>();
    try {
      for (let i = 0; i < RUNS; i++) {
        const name = pick(names);
        const doc = JSON.parse(readFileSync(join(corpus, name, 'apiDefinition.swagger.json'), 'utf8')) as Json;
        const all = places(doc);
        const mutations = 1 + Math.floor(random() * 3);
        for (let m = 0; m < mutations; m++) {
          const path = pick(all);
          let parent: unknown = doc;
          for (const k of path.slice(0, -1)) parent = (parent as Json | undefined)?.[k];
          if (typeof parent === 'object' && parent !== null) {
            (parent as Json)[path[path.length - 1]] = structuredClone(pick(REPLACEMENTS));
          }
        }
        const dir = join(tmp.dir, String(i));
        const definition = join(dir, 'apiDefinition.swagger.json');
        const properties = join(dir, 'apiProperties.json');
        mkdirSync(dir);
        writeFileSync(definition, JSON.stringify(doc));
        copyFileSync(join(corpus, name, 'apiProperties.json'), properties);
        let imported: ImportResult | undefined;
        let judged: ReturnType<typeof validate> | undefined;
        const attempts: [string, () => unknown][] = [
          ['import', () => (imported = importConnector({ definition, properties, out: join(dir, 'out') }))],
          ['validate', () => (judged = validate(dir, 'certification'))],
        ];
        for (const [what, run] of attempts) {
          try {
            run();
          } catch (err) {
            if (err instanceof ImportError) continue;
            const first = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
            if (!failures.has(`${what} ${first}`)) failures.set(`${what} ${first}`, `${name}, mutation ${i}`);
          }
        }
        // What an import wrote builds, unless it said what it left out or the definition is one
        // the platform refuses. Before, a parameter listed twice, a dynamic tree's path of another
        // type and an empty `paths` each made a project that failed to build, said nothing.
        const refused = judged?.diagnostics.some((d) => d.severity === 'error') ?? true;
        if (imported && imported.losses.length === 0 && !refused) {
          try {
            build(join(dir, 'out', 'src', 'connector.ts'), { out: join(dir, 'out', 'connector') });
          } catch (err) {
            const first =
              err instanceof Error ? `${err.name}: ${err.message.split('\n')[1] ?? err.message}` : String(err);
            if (!failures.has(`build ${first}`)) failures.set(`build ${first}`, `${name}, mutation ${i}`);
          }
        }
        rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      tmp.cleanup();
    }
    assert.deepEqual(
      [...failures].map(([failure, where]) => `${where}: ${failure}`),
      [],
    );
  });
});

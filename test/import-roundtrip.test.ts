import {
  build,
  compareDefinitions,
  compareProperties,
  importConnector,
  loadConnector,
  type ImportResult,
} from '@flowport/cli';
import { createApp } from '@flowport/express-adapter';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import request from 'supertest';
import ts from 'typescript';
import { corpusDir } from './support/corpus';
import { scratch } from './support/tmp';

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A value of a parameter's declared type: what a flow author would fill in. */
function sample(p: Json | undefined): string {
  if (p?.enum) return String(p.enum[0]);
  return p?.type === 'integer' || p?.type === 'number' ? '1' : p?.type === 'boolean' ? 'true' : 'x';
}

/** One request per operation of a definition, with its path variables and required parameters filled. */
function sampleRequests(def: Json): { method: string; url: string; query: Json; headers: Json; body: boolean }[] {
  const shared = (p: Json): Json => (p.$ref ? def.parameters[String(p.$ref).split('/').pop()!] : p);
  return Object.entries(def.paths as Json).flatMap(([path, item]: [string, Json]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'].includes(method))
      .map(([method, op]: [string, Json]) => {
        const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(shared);
        const filled = (where: string) =>
          Object.fromEntries(params.filter((p) => p.in === where && p.required).map((p) => [p.name, sample(p)]));
        const base = def.basePath && def.basePath !== '/' ? def.basePath : '';
        const url = `${base}${path}`.replace(/\{([^}]+)\}/g, (_, name: string) =>
          encodeURIComponent(sample(params.find((p) => p.in === 'path' && p.name === name))),
        );
        return {
          method,
          url,
          query: filled('query'),
          headers: filled('header'),
          body: params.some((p) => p.in === 'body'),
        };
      }),
  );
}

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? typescriptFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Row {
  readonly connector: string;
  readonly operations: number;
  readonly literals: number;
  readonly result: 'equal' | 'different' | 'failed';
  readonly differences: string[];
}

/**
 * The proof that the model covers what real connectors use: every corpus connector goes through
 * import → strict `tsc --noEmit` → `flowport build` → comparison with the original, which must be
 * equal up to the normalisations the README lists.
 */
describe('flowport import round-trips the 30 real connectors', function () {
  this.timeout(240_000);
  let tmp: ReturnType<typeof scratch>;
  const rows: Row[] = [];
  const imported = new Map<string, { dir: string; result: ImportResult }>();
  let corpus: string;

  before(function () {
    corpus = join(corpusDir(this), 'connectors');
    tmp = scratch();
    for (const name of readdirSync(corpus).sort()) {
      const dir = join(tmp.dir, name.replace(/\W+/g, '-'));
      const result = importConnector({
        definition: join(corpus, name, 'apiDefinition.swagger.json'),
        properties: join(corpus, name, 'apiProperties.json'),
        out: dir,
      });
      imported.set(name, { dir, result });
    }
  });
  after(() => {
    tmp?.cleanup();
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.connector.length));
    const lines = rows.map(
      (r) =>
        `${r.connector.padEnd(width)}  ${String(r.operations).padStart(4)} ops  ${String(r.literals).padStart(3)} literals  ${r.result.padEnd(9)}  ${r.differences.length} differences${r.differences.length ? `: ${r.differences.slice(0, 3).join('; ')}` : ''}`,
    );
    process.stdout.write(`\n      connector round trip:\n${lines.map((l) => `        ${l}`).join('\n')}\n`);
  });

  it('imports every connector with nothing left out', () => {
    assert.equal(imported.size, 30);
    for (const [name, { result }] of imported) assert.deepEqual(result.losses, [], name);
  });

  it('the generated code passes strict tsc --noEmit with no errors', () => {
    const files = [...imported.values()].flatMap(({ dir }) => typescriptFiles(join(dir, 'src')));
    const config = ts.parseJsonConfigFileContent(
      readJson(join([...imported.values()][0].dir, 'tsconfig.json')),
      ts.sys,
      tmp.dir,
    );
    assert.equal(config.options.strict, true);
    const program = ts.createProgram(files, config.options);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${relative(tmp.dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
    assert.deepEqual(errors, []);
  });

  it('builds each one and emits what it was imported from: 30 of 30 equal', () => {
    for (const [name, { dir, result }] of imported) {
      let differences: string[];
      try {
        const out = join(dir, 'connector');
        build(join(dir, 'src', 'connector.ts'), { out });
        differences = [
          ...compareDefinitions(
            readJson(join(corpus, name, 'apiDefinition.swagger.json')),
            readJson(join(out, 'apiDefinition.swagger.json')),
          ),
          ...compareProperties(
            readJson(join(corpus, name, 'apiProperties.json')),
            readJson(join(out, 'apiProperties.json')),
          ).map((d) => `apiProperties${d}`),
        ];
      } catch (err) {
        differences = [String(err instanceof Error ? err.message : err).split('\n')[0]];
        rows.push({
          connector: name,
          operations: result.operations,
          literals: result.literals,
          result: 'failed',
          differences,
        });
        continue;
      }
      rows.push({
        connector: name,
        operations: result.operations,
        literals: result.literals,
        result: differences.length === 0 ? 'equal' : 'different',
        differences,
      });
    }
    const unequal = rows.filter((r) => r.result !== 'equal').map((r) => `${r.connector}: ${r.differences.join('; ')}`);
    assert.deepEqual(unequal, []);
    assert.equal(rows.filter((r) => r.result === 'equal').length, 30);
  });
  it('serves each one: every operation answers a filled-in request without a server error', async () => {
    const as = (method: 'apiKey' | 'basic' | 'oauth2') => ({ subject: 'tester', method, scopes: [], claims: {} });
    const failures: string[] = [];
    let requests = 0;
    for (const [name, { dir }] of imported) {
      const logged: string[] = [];
      const { connector } = loadConnector(join(dir, 'src', 'connector.ts'));
      const app = createApp(connector, {
        logger: { error: (message) => logged.push(message) },
        credentials: {
          verifyApiKey: () => as('apiKey'),
          verifyBasic: () => as('basic'),
          verifyToken: () => as('oauth2'),
          aad: { jwksUri: 'http://127.0.0.1:9/keys' },
        },
      });
      for (const r of sampleRequests(readJson(join(corpus, name, 'apiDefinition.swagger.json')))) {
        let call = request(app)
          [r.method as 'get'](r.url)
          .query(r.query)
          .set({ 'x-api-key': 'k', authorization: 'Basic dTpw', ...r.headers });
        if (r.body) call = call.set('content-type', 'application/json').send('{}');
        const res = await call;
        requests++;
        const problem = /^application\/problem\+json/.test(String(res.headers['content-type']));
        if ((res.status >= 500 && res.status !== 501) || (res.status >= 400 && r.method !== 'head' && !problem))
          failures.push(`${name} ${r.method.toUpperCase()} ${r.url}: ${res.status} ${res.text.slice(0, 160)}`);
      }
      if (logged.length > 0) failures.push(`${name} logged: ${logged.join('; ')}`);
    }
    assert.deepEqual(failures, []);
    assert.equal(requests, 717);
  });
});

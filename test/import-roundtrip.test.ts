import {
  build,
  compareDefinitions,
  compareProperties,
  importConnector,
  loadConnector,
  type ImportResult,
} from '@flowport/cli';
import { createApp, type AdapterOptions } from '@flowport/express-adapter';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import ts from 'typescript';
import { corpusDir } from './support/corpus';
import { validateWithSwaggerParser } from './support/oracles';
import { filledRequests, generatedRequests, type SampleRequest } from './support/requests';
import { arbitraryFor } from './support/schema-arbitrary';
import { scratch } from './support/tmp';
import { TYPESCRIPTS, tscSays } from './support/typescript';

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
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

  it('the project it writes compiles as written with TypeScript 5.0, the current one and 7', function () {
    // Its tsconfig.json named moduleResolution "node", which TypeScript 7 (what `npm install
    // typescript` gives) has removed: tsc -p stopped at the configuration (TS5108).
    this.timeout(60_000);
    const { dir } = imported.get('Datelist')!;
    for (const typescript of TYPESCRIPTS) assert.equal(tscSays(typescript, dir), '', typescript.version);
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
  it('the OpenAPI 3 document of each passes swagger-parser', async () => {
    const invalid: string[] = [];
    for (const [name, { dir }] of imported) {
      try {
        const { connector, core, documents } = loadConnector(join(dir, 'src', 'connector.ts'));
        await validateWithSwaggerParser(JSON.parse(documents.emitFiles(core.resolve(connector))['openapi.json']));
      } catch (err) {
        invalid.push(`${name}: ${String(err instanceof Error ? err.message : err).split('\n')[0]}`);
      }
    }
    assert.deepEqual(invalid, []);
  });

  /** Credentials where the definition's security definitions ask for them; the app accepts any. */
  function credentialsFor(definition: Record<string, unknown>): {
    headers: Record<string, string>;
    query: Record<string, string>;
  } {
    const headers: Record<string, string> = {};
    const query: Record<string, string> = {};
    const schemes = Object.values((definition.securityDefinitions ?? {}) as Record<string, Record<string, string>>);
    for (const s of schemes) if (s.type === 'apiKey') (s.in === 'query' ? query : headers)[s.name] = 'any key';
    // OAuth 2.0 may be declared in apiProperties.json alone, so a bearer token unless basic is declared.
    headers.authorization = schemes.some((s) => s.type === 'basic') ? 'Basic dXNlcjpwYXNz' : 'Bearer any-token';
    return { headers, query };
  }

  /** Serves each imported connector and sends it the requests `requestsOf` makes from its definition. */
  async function serveEach(
    requestsOf: (definition: Record<string, unknown>) => SampleRequest[],
    judge: (res: request.Response, r: SampleRequest) => boolean,
    extra: (loaded: ReturnType<typeof loadConnector>) => AdapterOptions = () => ({}),
  ): Promise<{ failures: string[]; sent: number }> {
    const as = (method: 'apiKey' | 'basic' | 'oauth2') => ({ subject: 'tester', method, scopes: [], claims: {} });
    const failures: string[] = [];
    let sent = 0;
    for (const [name, { dir }] of imported) {
      const logged: string[] = [];
      const loaded = loadConnector(join(dir, 'src', 'connector.ts'));
      const app = createApp(loaded.connector, {
        ...extra(loaded),
        logger: { error: (message) => logged.push(message) },
        credentials: {
          verifyApiKey: () => as('apiKey'),
          verifyBasic: () => as('basic'),
          verifyToken: () => as('oauth2'), // taken before AAD's own token checks
        },
      });
      const definition = readJson(join(corpus, name, 'apiDefinition.swagger.json'));
      const credentials = credentialsFor(definition);
      for (const r of requestsOf(definition)) {
        let call = request(app)
          [r.method as 'get'](r.url)
          .query({ ...r.query, ...credentials.query })
          .set({ ...r.headers, ...credentials.headers });
        if (r.body !== undefined) call = call.set('content-type', 'application/json').send(r.body);
        for (const name of r.form?.files ?? []) call = call.attach(name, Buffer.from('%PDF-1.7 sample'), 'sample.pdf');
        for (const [name, value] of Object.entries(r.form?.fields ?? {})) call = call.field(name, value);
        const res = await call;
        sent++;
        if (!judge(res, r))
          failures.push(`${name} ${r.method.toUpperCase()} ${r.path}: ${res.status} ${res.text.slice(0, 300)}`);
      }
      if (logged.length > 0) failures.push(`${name} logged: ${logged.join('; ')}`);
    }
    return { failures, sent };
  }

  it('serves each one: every operation answers a filled-in request without a server error', async () => {
    const { failures, sent } = await serveEach(filledRequests, (res, r) => {
      const problem = /^application\/problem\+json/.test(String(res.headers['content-type']));
      return !(res.status >= 500 && res.status !== 501) && (res.status < 400 || r.method === 'head' || problem);
    });
    assert.deepEqual(failures, []);
    assert.equal(sent, 717);
  });

  it('takes the uploads of the form operations (Cloudmersive, Experlogix): each reaches its unwritten handler', async () => {
    // Before, Cloudmersive's binary field refused the file part as "Unexpected file field (inputFile)".
    const forms = (definition: Record<string, unknown>) => filledRequests(definition).filter((r) => r.form);
    const { failures, sent } = await serveEach(forms, (res) => res.status === 501);
    assert.deepEqual(failures, []);
    assert.equal(sent, 3);
  });

  it('checks answers against what each definition declares: generated 2xx bodies pass the response validator', async () => {
    // Each handler returns a value generated from its operation's first 2xx schema.
    const answers = ({ connector, core, documents }: ReturnType<typeof loadConnector>): AdapterOptions => {
      const model = core.resolve(connector);
      const emitted = JSON.parse(documents.emitFiles(model)['apiDefinition.swagger.json']) as {
        paths: Record<string, Record<string, { responses?: Record<string, { schema?: { type?: string } }> }>>;
        definitions?: Record<string, unknown>;
      };
      const byHandler = new Map<string, unknown>();
      for (const op of model.operations) {
        if (op.source.kind !== 'method') continue;
        const [, success] =
          Object.entries(emitted.paths[op.path][op.method].responses ?? {}).find(([status]) => /^2/.test(status)) ?? [];
        if (!success?.schema || success.schema.type === 'file') continue;
        const [value] = fc.sample(arbitraryFor(success.schema, emitted.definitions ?? {}), { numRuns: 1, seed: 3 });
        byHandler.set(`${op.source.controller.name}.${op.source.method}`, value);
      }
      const handlers = (cls: Function) =>
        new Proxy({}, { get: (_, method) => () => byHandler.get(`${cls.name}.${String(method)}`) });
      return { validateResponses: true, controllers: handlers };
    };
    const { failures, sent } = await serveEach(filledRequests, (res) => res.status < 500, answers);
    assert.deepEqual(failures, []);
    assert.equal(sent, 717);
  });

  it('accepts what each definition allows: requests generated from the schemas of every operation pass', async () => {
    // Valid by construction, with credentials the app accepts: each reaches its unwritten handler (501).
    const { failures, sent } = await serveEach(
      (definition) => generatedRequests(definition, 4, 20261128),
      (res) => res.status === 501,
    );
    assert.deepEqual(failures, []);
    assert.ok(sent > 2500, `${sent} requests`);
  });
});

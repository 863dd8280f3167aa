import { loadConnector, run, type Io } from '@flowport/cli';
import { createApp, listen, urlOf, validatorsModule } from '@flowport/express-adapter';
import { FlowHost } from '@flowport/testing';
import request from 'supertest';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionHead, importedAndBuilt } from './support/imported';
import { scratch } from './support/tmp';

/**
 * A pattern the u flag refuses but ECMAScript without it reads, as .NET does: `\-` is an identity
 * escape. Before, ajv could not compile it, and every request of its operations was a 500.
 */
const PHONE = '^\\d{3}\\-\\d{4}$';
/** No regular expression in either reading. */
const BROKEN = '([a-z';

function definitionWith(pattern: string) {
  const phone = { type: 'string', pattern };
  return {
    ...definitionHead('Phone Book', 'Numbers written the way .NET patterns read them.', 'phones.example.com'),
    paths: {
      '/numbers': {
        get: {
          summary: 'Find numbers',
          description: 'Finds numbers.',
          operationId: 'FindNumbers',
          parameters: [{ name: 'number', in: 'query', required: true, 'x-ms-summary': 'Number', ...phone }],
          responses: { '200': { description: 'The number', schema: { $ref: '#/definitions/Entry' } } },
        },
        post: {
          summary: 'Add number',
          description: 'Adds a number.',
          operationId: 'AddNumber',
          parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Entry' } }],
          responses: { '200': { description: 'The number', schema: { $ref: '#/definitions/Entry' } } },
        },
      },
    },
    definitions: { Entry: { type: 'object', properties: { number: { ...phone, description: 'Number' } } } },
  };
}

async function validate(file: string): Promise<string[]> {
  const out: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => out.push(l) };
  await run(['validate', file, '--format', 'json'], io);
  const found = JSON.parse(out.join('\n')) as { code: string; message: string; at: { pointer: string } }[];
  return found.filter((d) => /pattern/.test(d.message)).map((d) => `${d.code} ${d.at.pointer}: ${d.message}`);
}

describe('an imported pattern that only ECMAScript without the u flag reads', () => {
  let tmp: ReturnType<typeof scratch>;
  let connector: ReturnType<typeof loadConnector>['connector'];
  before(() => {
    tmp = scratch();
    importedAndBuilt(definitionWith(PHONE), tmp.dir);
    connector = loadConnector(join(tmp.dir, 'imported', 'src', 'connector.ts')).connector;
  });
  after(() => tmp.cleanup());

  let answer = '555-0100';
  const handlers = () => ({ findNumbers: () => ({ number: answer }), addNumber: (e: unknown) => e });

  for (const precompiled of [false, true]) {
    it(`is served as written${precompiled ? ', by precompiled validators' : ''}: a match is taken, anything else is a 400`, async () => {
      let precompiledValidators: string | undefined;
      if (precompiled) {
        precompiledValidators = join(tmp.dir, 'validators.js');
        const { core } = loadConnector(join(tmp.dir, 'imported', 'src', 'connector.ts'));
        writeFileSync(precompiledValidators, validatorsModule(core.resolve(connector)));
      }
      const app = createApp(connector, {
        controllers: handlers,
        docs: false,
        validateResponses: true,
        ...(precompiledValidators ? { precompiledValidators } : {}),
      });
      assert.equal((await request(app).get('/numbers?number=555-0100')).status, 200);
      const refused = await request(app).get('/numbers?number=5550100');
      assert.equal(refused.status, 400);
      assert.match(refused.text, /must match pattern/);
      assert.equal((await request(app).post('/numbers').send({ number: '555-0100' })).status, 200);
      assert.equal((await request(app).post('/numbers').send({ number: '5550100' })).status, 400);
    });
  }

  it('is judged the same way by FlowHost, in the answer it checks', async () => {
    const server = await listen(createApp(connector, { controllers: handlers }), 0, '127.0.0.1');
    const host = await FlowHost.start({ api: urlOf(server) });
    try {
      const found = await host.action('FindNumbers', undefined, { number: '555-0100' });
      assert.deepEqual(found.body, { number: '555-0100' });
      answer = '5550100';
      await assert.rejects(host.action('FindNumbers', undefined, { number: '555-0100' }), /must match pattern/);
    } finally {
      await host.close();
      await new Promise((done) => server.close(done));
      answer = '555-0100';
    }
  });

  it('is no finding of flowport validate, where a pattern neither reading takes is', async () => {
    const taken = join(tmp.dir, 'apiDefinition.swagger.json');
    assert.deepEqual(await validate(taken), []);
    const broken = join(tmp.dir, 'broken.swagger.json');
    writeFileSync(broken, JSON.stringify(definitionWith(BROKEN)));
    assert.deepEqual(await validate(broken), [
      `FP2134 /definitions/Entry/properties/number: the schema has an invalid pattern ${BROKEN} (Unterminated character class)`,
      `FP2134 /paths/~1numbers/get/parameters/0: the schema has an invalid pattern ${BROKEN} (Unterminated character class)`,
    ]);
  });
});

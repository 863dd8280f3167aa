import { catalog } from '@flowport/core';
import { lint, rules, type ConnectorAssets, type ConnectorDocuments } from '@flowport/core/documents';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/corpus';
import { placeOf } from './support/pointers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dir = join(ROOT, 'examples', 'text-sentiment', 'connector');
const base = (): { definition: Json; properties: Json } => ({
  definition: JSON.parse(readFileSync(join(dir, 'apiDefinition.swagger.json'), 'utf8')),
  properties: JSON.parse(readFileSync(join(dir, 'apiProperties.json'), 'utf8')),
});
const SENTIMENT = '/text/analytics/v2.0/sentiment';
const LANGUAGES = '/text/analytics/v2.0/languages';
const HOOK = '/text/analytics/v2.0/hooks/negative-text';
const SCORED = '/text/analytics/v2.0/scored';

type Docs = { definition: Json; properties: Json; bytes?: number; assets?: ConnectorAssets };
type Mutation = [what: string, code: string, mutate: (d: Docs) => void];

const op = (d: Docs, path: string, method = 'post') => d.definition.paths[path][method];
const lang = (d: Docs) => d.definition.definitions.Document.properties.language;

/** One change each, breaking one rule, on the example's emitted definition (issue 7: ≥ 40). */
const MUTATIONS: Mutation[] = [
  ['swagger is 3.0', 'FP2001', (d) => (d.definition.swagger = '3.0')],
  ['host with a scheme', 'FP2002', (d) => (d.definition.host = 'https://sentiment.example.com')],
  ['host with a path', 'FP2002', (d) => (d.definition.host = 'sentiment.example.com/api')],
  ['basePath without a slash', 'FP2003', (d) => (d.definition.basePath = 'api')],
  ['schemes ws', 'FP2004', (d) => (d.definition.schemes = ['wss'])],
  ['schemes empty', 'FP2004', (d) => (d.definition.schemes = [])],
  ['operationId removed', 'FP2005', (d) => delete op(d, SENTIMENT).operationId],
  ['operationId duplicated', 'FP2006', (d) => (op(d, LANGUAGES, 'get').operationId = 'DetectSentiment')],
  [
    'path variable without parameter',
    'FP2007',
    (d) => (
      (d.definition.paths['/health/{probe}'] = d.definition.paths['/health']),
      delete d.definition.paths['/health']
    ),
  ],
  [
    'optional path parameter',
    'FP2008',
    (d) => (op(d, `${HOOK}/{subscriptionId}`, 'delete').parameters[0].required = false),
  ],
  [
    'two bodies',
    'FP2009',
    (d) => op(d, SENTIMENT).parameters.push({ name: 'more', in: 'body', schema: { type: 'object' } }),
  ],
  [
    'body and form data',
    'FP2009',
    (d) => op(d, SENTIMENT).parameters.push({ name: 'f', in: 'formData', type: 'string' }),
  ],
  [
    'body on GET',
    'FP2010',
    (d) => (op(d, LANGUAGES, 'get').parameters = [{ name: 'body', in: 'body', schema: { type: 'object' } }]),
  ],
  [
    'file in the query',
    'FP2011',
    (d) => (op(d, LANGUAGES, 'get').parameters = [{ name: 'f', in: 'query', type: 'file' }]),
  ],
  ['file inside a schema', 'FP2011', (d) => (d.definition.definitions.Document.properties.text.type = 'file')],
  ['undefined security requirement', 'FP2012', (d) => (d.definition.security = [{ nope: [] }])],
  [
    'parameter named connectionId',
    'FP2013',
    (d) => (op(d, LANGUAGES, 'get').parameters = [{ name: 'connectionId', in: 'query', type: 'string' }]),
  ],
  [
    '257 operations',
    'FP2014',
    (d) => {
      for (let i = 0; i < 257; i++)
        d.definition.paths[`/x${i}`] = { get: { operationId: `X${i}`, responses: { 200: { description: 'ok' } } } };
    },
  ],
  ['dynamic values to a missing operation', 'FP2015', (d) => (lang(d)['x-ms-dynamic-values'].operationId = 'Missing')],
  ['dynamic list to a missing operation', 'FP2015', (d) => (lang(d)['x-ms-dynamic-list'].operationId = 'Missing')],
  [
    'schema $ref to a definition of no such name',
    'FP2018',
    (d) => (op(d, SENTIMENT).parameters[0].schema.$ref = '#/definitions/SentimentRequests'),
  ],
  [
    'schema $ref to another file',
    'FP2018',
    (d) => (d.definition.definitions.SentimentRequest.properties.documents.items.$ref = 'common.json#/Document'),
  ],
  [
    'parameter $ref into definitions',
    'FP2018',
    (d) => {
      d.definition.parameters = { top: op(d, SCORED, 'get').parameters[0] };
      op(d, SCORED, 'get').parameters[0] = { $ref: '#/definitions/top' };
    },
  ],
  ['title over 30 characters', 'FP2101', (d) => (d.definition.info.title = 'Text Sentiment Scoring For Everyone')],
  ['title with "API"', 'FP2102', (d) => (d.definition.info.title = 'Sentiment API')],
  ['title with a product name', 'FP2102', (d) => (d.definition.info.title = 'Power Automate Sentiment')],
  ['title ending in "!"', 'FP2103', (d) => (d.definition.info.title = 'Text Sentiment!')],
  ['short description', 'FP2104', (d) => (d.definition.info.description = 'Scores text.')],
  ['contact without email', 'FP2105', (d) => delete d.definition.info.contact.email],
  ['contact with a bad email', 'FP2105', (d) => (d.definition.info.contact.email = 'not-an-email')],
  ['no contact', 'FP2105', (d) => delete d.definition.info.contact],
  ['summary removed', 'FP2106', (d) => delete op(d, SENTIMENT).summary],
  ['summary over 80 characters', 'FP2107', (d) => (op(d, SENTIMENT).summary = `Detect ${'very '.repeat(18)}sentiment`)],
  ['summary with "/"', 'FP2108', (d) => (op(d, SENTIMENT).summary = 'Detect sentiment/tone')],
  ['summary ending in "."', 'FP2108', (d) => (op(d, SENTIMENT).summary = 'Detect sentiment.')],
  ['description removed', 'FP2109', (d) => delete op(d, SENTIMENT).description],
  ['description equal to summary', 'FP2110', (d) => (op(d, SENTIMENT).description = 'Detect sentiment.')],
  [
    'label not in Title Case',
    'FP2111',
    (d) => (d.definition.definitions.Document.properties.text['x-ms-summary'] = 'text to score'),
  ],
  [
    'parameter label not in Title Case',
    'FP2111',
    (d) => (op(d, SENTIMENT).parameters[0]['x-ms-summary'] = 'documents'),
  ],
  [
    'label over 80 characters',
    'FP2112',
    (d) => (d.definition.definitions.Document.properties.text['x-ms-summary'] = `Text ${'Of The Document '.repeat(6)}`),
  ],
  ['operationId with "-"', 'FP2113', (d) => (op(d, SENTIMENT).operationId = 'Detect-Sentiment')],
  [
    'only a default response',
    'FP2114',
    (d) => (op(d, LANGUAGES, 'get').responses = { default: { description: 'Anything' } }),
  ],
  [
    'schema on default',
    'FP2115',
    (d) => (op(d, SENTIMENT).responses.default = { description: 'Error', schema: { type: 'object' } }),
  ],
  ['200 without a schema', 'FP2116', (d) => delete op(d, LANGUAGES, 'get').responses['200'].schema],
  [
    'internal required query without default',
    'FP2117',
    (d) =>
      (op(d, LANGUAGES, 'get').parameters = [
        { name: 'v', in: 'query', type: 'string', required: true, 'x-ms-visibility': 'internal' },
      ]),
  ],
  [
    'internal required property without default',
    'FP2117',
    (d) => (d.definition.definitions.Document.properties.id['x-ms-visibility'] = 'internal'),
  ],
  [
    'internal optional query with a default',
    'FP2143',
    (d) =>
      (op(d, LANGUAGES, 'get').parameters = [
        { name: 'v', in: 'query', type: 'string', default: '1', 'x-ms-visibility': 'internal' },
      ]),
  ],
  [
    'internal optional property with a default',
    'FP2143',
    (d) => Object.assign(lang(d), { 'x-ms-visibility': 'internal', default: 'en' }),
  ],
  [
    'notification URL not required',
    'FP2118',
    (d) => (d.definition.definitions.OnNegativeTextSubscription.required = []),
  ],
  [
    'notification URL not internal',
    'FP2118',
    (d) => delete d.definition.definitions.OnNegativeTextSubscription.properties.callbackUrl['x-ms-visibility'],
  ],
  [
    'notification URL field removed',
    'FP2118',
    (d) => delete d.definition.definitions.OnNegativeTextSubscription.properties.callbackUrl['x-ms-notification-url'],
  ],
  ['webhook without DELETE', 'FP2119', (d) => delete d.definition.paths[`${HOOK}/{subscriptionId}`]],
  ['dynamic values without dynamic list', 'FP2120', (d) => delete lang(d)['x-ms-dynamic-list']],
  [
    'dynamic values collection missing',
    'FP2121',
    (d) => (lang(d)['x-ms-dynamic-values']['value-collection'] = 'langs'),
  ],
  ['dynamic values value path missing', 'FP2121', (d) => (lang(d)['x-ms-dynamic-values']['value-path'] = 'iso')],
  ['pageable name "next"', 'FP2122', (d) => (op(d, LANGUAGES, 'get')['x-ms-pageable'] = { nextLinkName: 'next' })],
  ['no Website metadata', 'FP2123', (d) => d.definition['x-ms-connector-metadata'].shift()],
  ['three categories', 'FP2124', (d) => (d.definition['x-ms-connector-metadata'][2].propertyValue = 'AI;Data;Finance')],
  ['unknown category', 'FP2124', (d) => (d.definition['x-ms-connector-metadata'][2].propertyValue = 'Gardening')],
  ['brand colour Microsoft blue', 'FP2125', (d) => (d.properties.properties.iconBrandColor = '#007ee5')],
  ['brand colour not hex', 'FP2125', (d) => (d.properties.properties.iconBrandColor = 'blue')],
  ['definition over 1 MB', 'FP2126', (d) => (d.bytes = 1_200_000)],
  [
    'body of 600 schemas',
    'FP2127',
    (d) => {
      for (let i = 0; i < 600; i++) d.definition.definitions.SentimentRequest.properties[`p${i}`] = { type: 'string' };
    },
  ],
  ['staging host', 'FP2128', (d) => (d.definition.host = 'staging.sentiment.example.com')],
  ['visibility "Advanced"', 'FP2129', (d) => (lang(d)['x-ms-visibility'] = 'Advanced')],
  [
    'path parameter without url-encoding',
    'FP2130',
    (d) => delete op(d, `${HOOK}/{subscriptionId}`, 'delete').parameters[0]['x-ms-url-encoding'],
  ],
  [
    'url-encoding on a query parameter',
    'FP2131',
    (d) => (op(d, SCORED, 'get').parameters[0]['x-ms-url-encoding'] = 'single'),
  ],
  ['no publisher', 'FP2132', (d) => delete d.properties.properties.publisher],
  [
    'schemas on two success responses',
    'FP2133',
    (d) => (op(d, SCORED, 'get').responses['202'].schema = { type: 'object' }),
  ],
  ['minLength above maxLength', 'FP2134', (d) => (d.definition.definitions.Document.properties.id.minLength = 100)],
  [
    'a Production operation of a Preview connector',
    'FP2144',
    (d) => {
      d.definition.info['x-ms-api-annotation'] = { status: 'Preview' };
      op(d, SENTIMENT)['x-ms-api-annotation'] = { status: 'Production' };
    },
  ],
  [
    'a property of format binary',
    'FP2145',
    (d) => Object.assign(d.definition.definitions.Document.properties.text, { format: 'binary' }),
  ],
  ['empty enum', 'FP2134', (d) => (d.definition.definitions.Health.properties.status.enum = [])],
  ['enum with a value twice', 'FP2134', (d) => (d.definition.definitions.Health.properties.status.enum = ['ok', 'ok'])],
  ['required with a name twice', 'FP2134', (d) => (d.definition.definitions.Document.required = ['id', 'text', 'id'])],
  ['required names no property', 'FP2134', (d) => (d.definition.definitions.Document.required = ['id', 'txt'])],
  ['discriminator not required', 'FP2134', (d) => (d.definition.definitions.Document.discriminator = 'language')],
  ['array without items', 'FP2134', (d) => delete d.definition.definitions.SentimentRequest.properties.documents.items],
  ['invalid pattern', 'FP2134', (d) => (lang(d).pattern = '([a-z')],
  ['default of the wrong type', 'FP2134', (d) => (lang(d).default = 7)],
  ['an example its schema refuses', 'FP2134', (d) => (lang(d).example = 'english')],
  [
    'a test value its schema refuses',
    'FP2134',
    (d) => (d.definition.definitions.Document.properties.id['x-ms-test-value'] = ''),
  ],
  ['an enum value its pattern refuses', 'FP2134', (d) => (lang(d).enum = ['en', 'english'])],
  [
    'enum value of the wrong type',
    'FP2134',
    (d) => (d.definition.definitions.Health.properties.status.enum = ['ok', 1]),
  ],
  [
    'a dropdown that binds a parameter its operation does not have',
    'FP2148',
    (d) => (lang(d)['x-ms-dynamic-values'].parameters = { region: { value: 'eu' } }),
  ],
  [
    'a dropdown whose operation requires a parameter the call leaves out',
    'FP2159',
    (d) => (op(d, LANGUAGES, 'get').parameters = [{ name: 'region', in: 'query', required: true, type: 'string' }]),
  ],
  [
    'a dropdown of a parameter that takes a value from a parameter its operation does not have',
    'FP2149',
    (d) => {
      const top = op(d, SCORED, 'get').parameters[0];
      top['x-ms-dynamic-values'] = { ...lang(d)['x-ms-dynamic-values'], parameters: { top: { parameter: 'size' } } };
    },
  ],
  ['a webhook registration that is a batch trigger', 'FP2150', (d) => (op(d, HOOK)['x-ms-trigger'] = 'batch')],
  ['a dictionary editor on a string', 'FP2151', (d) => (lang(d)['x-ms-editor'] = 'dictionary')],
  [
    'a header parameter whose name is no HTTP header name',
    'FP2152',
    (d) =>
      op(d, SCORED, 'get').parameters.push({ name: 'x trace', in: 'header', type: 'string', 'x-ms-summary': 'Trace' }),
  ],
  [
    'a header parameter of the API key the connection sends',
    'FP2153',
    (d) =>
      op(d, SCORED, 'get').parameters.push({
        name: 'Ocp-Apim-Subscription-Key',
        in: 'header',
        type: 'string',
        'x-ms-summary': 'Key',
      }),
  ],
  [
    'a form of a file beside application/x-www-form-urlencoded',
    'FP2154',
    (d) =>
      (d.definition.paths['/files'] = {
        post: {
          summary: 'Upload file',
          description: 'Uploads a file.',
          operationId: 'UploadFile',
          consumes: ['application/x-www-form-urlencoded'],
          parameters: [{ name: 'file', in: 'formData', type: 'file', required: true, 'x-ms-summary': 'File' }],
          responses: { '204': { description: 'Uploaded' } },
        },
      }),
  ],
  [
    'a path parameter that is no variable of its path',
    'FP2020',
    (d) => (op(d, SCORED, 'get').parameters[0].in = 'path'),
  ],
  [
    'a path that names its variable twice',
    'FP2160',
    (d) => {
      const copy = structuredClone(d.definition.paths[SCORED]);
      copy.get.operationId = 'GetScoredCopy';
      copy.get.parameters.unshift({
        name: 'id',
        in: 'path',
        required: true,
        type: 'string',
        'x-ms-url-encoding': 'single',
      });
      d.definition.paths['/scored/{id}/copies/{id}'] = { get: copy.get };
    },
  ],
  [
    'a query parameter listed twice',
    'FP2019',
    (d) => {
      const parameters = op(d, SCORED, 'get').parameters;
      parameters.push({ ...parameters[0] });
    },
  ],
  [
    'a read-only property the request body requires',
    'FP2147',
    (d) => (d.definition.definitions.Document.properties.id.readOnly = true),
  ],
  [
    'a required property that loops back to its own schema',
    'FP2146',
    (d) => {
      const document = d.definition.definitions.Document;
      document.properties.original = { $ref: '#/definitions/Document' };
      document.required.push('original');
    },
  ],
  [
    'a path item that is a $ref',
    'FP2018',
    (d) => (d.definition.paths['/text/analytics/v2.0/elsewhere'] = { $ref: '#/x-paths/elsewhere' }),
  ],
  [
    'a definition that is only a $ref to another',
    'FP2161',
    (d) => (d.definition.definitions.Text = { $ref: '#/definitions/Document' }),
  ],
  [
    'a definition that is only a $ref to one that is only a $ref back',
    'FP2146',
    (d) => {
      d.definition.definitions.Alias = { $ref: '#/definitions/Echo' };
      d.definition.definitions.Echo = { $ref: '#/definitions/Alias' };
    },
  ],
  ['maxLength on a number', 'FP2134', (d) => (d.definition.definitions.DocumentScore.properties.score.maxLength = 3)],
  [
    "format outside the platform's list",
    'FP2142',
    (d) => (d.definition.definitions.Document.properties.id.format = 'guid'),
  ],
  [
    'enum display name for no value',
    'FP2135',
    (d) =>
      (d.definition.definitions.Health.properties.status['x-ms-enum-values'] = [
        { value: 'down', displayName: 'Down' },
      ]),
  ],
  [
    'keys beside $ref',
    'FP2136',
    (d) => (d.definition.definitions.SentimentRequest.properties.documents.items.description = 'A document'),
  ],
  ['path with "?"', 'FP2137', (d) => (d.definition.paths['/health?probe'] = d.definition.paths['/health'])],
  [
    'two variables with nothing between them',
    'FP2137',
    (d) => {
      d.definition.paths['/tiles/{x}{y}'] = {
        get: { operationId: 'Tiles', responses: { 200: { description: 'OK' } } },
      };
    },
  ],
  [
    'path differing only in case',
    'FP2138',
    (d) => (d.definition.paths['/HEALTH'] = { get: { ...op(d, '/health', 'get'), operationId: 'GetHealthUpper' } }),
  ],
  ['unknown collectionFormat', 'FP2139', (d) => (op(d, SCORED, 'get').parameters[0].collectionFormat = 'comma')],
  [
    'testConnection on a POST',
    'FP2140',
    (d) => (d.definition['x-ms-capabilities'].testConnection.operationId = 'DetectSentiment'),
  ],
  [
    'policy scoped to a missing operation',
    'FP2140',
    (d) =>
      (d.properties.properties.policyTemplateInstances = [
        { templateId: 'setheader', title: 'H', parameters: { 'x-ms-apimTemplate-operationName': ['Nope'] } },
      ]),
  ],
  [
    'an icon that is an SVG',
    'FP2155',
    (d) => (d.assets = { icon: { name: 'icon.png', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') } }),
  ],
  [
    'custom code without the Script class',
    'FP2156',
    (d) => (d.assets = { script: { name: 'script.csx', bytes: Buffer.from('public class Program {}') } }),
  ],
  [
    'an MCP server on the SSE transport Copilot Studio no longer takes',
    'FP2157',
    (d) => (op(d, SENTIMENT)['x-ms-agentic-protocol'] = 'mcp-sse-1.0'),
  ],
  [
    'an MCP server on a GET',
    'FP2157',
    (d) => (op(d, LANGUAGES, 'get')['x-ms-agentic-protocol'] = 'mcp-streamable-1.0'),
  ],
  [
    'an OAuth connection on the redirect URL every connector shares',
    'FP2158',
    (d) => (d.properties.properties.connectionParameters = { token: oauthToken('Global') }),
  ],
  [
    'an OAuth connection that names no redirect mode',
    'FP2158',
    (d) => (d.properties.properties.connectionParameters = { token: oauthToken(undefined) }),
  ],
  [
    'an OAuth method of a connection choice on the shared redirect URL',
    'FP2158',
    (d) => {
      delete d.properties.properties.connectionParameters;
      d.properties.properties.connectionParameterSets = {
        uiDefinition: { displayName: 'Sign in with', description: 'How to sign in.' },
        values: [
          { name: 'key', uiDefinition: { displayName: 'Key' }, parameters: { api_key: { type: 'securestring' } } },
          { name: 'entra', uiDefinition: { displayName: 'Entra ID' }, parameters: { token: oauthToken('Global') } },
        ],
      };
    },
  ],
  [
    'three live revisions of a family',
    'FP2141',
    (d) => {
      for (const [p, m] of [
        [SENTIMENT, 'post'],
        [LANGUAGES, 'get'],
        ['/health', 'get'],
      ])
        op(d, p, m)['x-ms-api-annotation'] = { family: 'F', revision: p.length };
    },
  ],
];

/** An OAuth 2.0 connection parameter of Entra ID, with the redirect mode given (none when undefined). */
function oauthToken(redirectMode: string | undefined) {
  return {
    type: 'oauthSetting',
    oAuthSettings: {
      identityProvider: 'aad',
      clientId: 'client-id',
      scopes: [],
      ...(redirectMode !== undefined && { redirectMode }),
      properties: { IsFirstParty: 'False' },
      customParameters: { resourceUri: { value: 'https://sentiment.example.com' } },
    },
  };
}

const run = (d: Docs, level: 'platform' | 'certification' = 'certification') => {
  const docs: ConnectorDocuments = {
    definition: d.definition,
    properties: d.properties,
    bytes: d.bytes ?? JSON.stringify(d.definition).length,
    assets: d.assets,
  };
  return lint(docs, { level });
};

describe('flowport validate rules: each caught by a single mutation of the example, none on the example itself', () => {
  it('the example passes every rule (the passing fixture of each)', () => {
    assert.deepEqual(
      run(base()).map((x) => `${x.code} ${x.message}`),
      [],
    );
  });

  for (const [what, code, mutate] of MUTATIONS) {
    it(`${code}: ${what}`, () => {
      const d: Docs = base();
      mutate(d);
      const found = run(d);
      const hit = found.find((x) => x.code === code);
      assert.ok(hit, `expected ${code}, got ${found.map((x) => x.code).join(', ') || 'nothing'}`);
      assert.ok(hit.at.pointer !== undefined, 'located by pointer');
      // At a place that is there, so that validate can give its line, and CI annotate it.
      assert.ok(
        placeOf(d.definition, d.properties, hit.at.pointer, d.assets) !== undefined,
        `${hit.at.pointer} is in the documents`,
      );
      assert.ok(hit.hint.length > 0);
    });
  }

  it('FP2158 takes an OAuth connection that asks for a redirect URL of its own', () => {
    const d = base();
    d.properties.properties.connectionParameters = { token: oauthToken('GlobalPerConnector') };
    assert.deepEqual(
      run(d)
        .filter((x) => x.code === 'FP2158')
        .map((x) => x.message),
      [],
    );
  });

  it(`has ${MUTATIONS.length} mutations (≥ 40) covering every rule`, () => {
    assert.ok(MUTATIONS.length >= 40);
    const covered = new Set(MUTATIONS.map(([, code]) => code));
    const untested = rules.map((r) => catalog[r.key].code).filter((c) => !covered.has(c));
    assert.deepEqual(untested, []);
  });

  it('the platform level runs only platform rules; certification adds the rest', () => {
    const d: Docs = base();
    d.definition.info.title = 'Sentiment API';
    d.definition.swagger = '3.0';
    assert.deepEqual(
      run(d, 'platform').map((x) => x.code),
      ['FP2001'],
    );
    assert.deepEqual(
      run(d)
        .map((x) => x.code)
        .sort(),
      ['FP2001', 'FP2102'],
    );
  });
});

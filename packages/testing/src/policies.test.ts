import assert from 'node:assert/strict';
import { RequestPolicies, type PolicyCall } from './policies';

/** An apiProperties.json holding these policy instances. */
const properties = (...instances: object[]) => ({ properties: { policyTemplateInstances: instances } });
const P = 'x-ms-apimTemplateParameter.';

const call = (over: Partial<PolicyCall> = {}): PolicyCall => ({
  method: 'GET',
  path: '/items/a%2Fb',
  query: new URLSearchParams('top=3'),
  headers: { 'X-Trace': 'beef' },
  pathValues: { id: 'a%2Fb' },
  ...over,
});

describe('RequestPolicies (FlowHost)', () => {
  it('sets, skips and appends headers and query parameters, as their existsAction says', () => {
    const policies = new RequestPolicies(
      properties(
        { templateId: 'SetHeader', title: 'a', parameters: { [`${P}name`]: 'x-trace', [`${P}value`]: 'cafe' } },
        {
          templateId: 'setheader',
          title: 'b',
          parameters: { [`${P}name`]: 'X-Trace', [`${P}value`]: 'more', [`${P}existsAction`]: 'append' },
        },
        {
          templateId: 'setheader',
          title: 'c',
          parameters: { [`${P}name`]: 'x-new', [`${P}value`]: '1', [`${P}existsAction`]: 'skip' },
        },
        {
          templateId: 'setheader',
          title: 'd',
          parameters: { [`${P}name`]: 'x-new', [`${P}value`]: '2', [`${P}existsAction`]: 'skip' },
        },
        {
          templateId: 'setheader',
          title: 'e',
          parameters: { [`${P}name`]: 'x-out', [`${P}value`]: '1', 'x-ms-apimTemplate-policySection': 'Response' },
        },
        {
          templateId: 'setQueryParameter',
          title: 'f',
          parameters: { [`${P}name`]: 'top', [`${P}value`]: '10', [`${P}existsAction`]: 'skip' },
        },
        { templateId: 'setqueryparameter', title: 'g', parameters: { [`${P}name`]: 'format', [`${P}value`]: 'json' } },
      ),
      {},
    );
    const out = policies.apply('ListItems', call());
    assert.deepEqual(out.headers, { 'X-Trace': 'cafe,more', 'x-new': '1' });
    assert.equal(out.query.toString(), 'top=3&format=json');
  });

  it('applies a policy only to the operations it is scoped to, and routes with the call’s path variables', () => {
    const policies = new RequestPolicies(
      properties({
        templateId: 'routerequesttoendpoint',
        title: 'Route',
        parameters: {
          [`${P}newPath`]: 'v2/items/{id}/details',
          [`${P}httpMethod`]: 'post',
          'x-ms-apimTemplate-operationName': ['GetItem'],
        },
      }),
      {},
    );
    assert.deepEqual(policies.apply('ListItems', call()), call());
    const routed = policies.apply('GetItem', call());
    assert.deepEqual([routed.method, routed.path], ['POST', '/v2/items/a%2Fb/details']);
    assert.throws(() => policies.apply('GetItem', call({ pathValues: {} })), {
      message: 'policy "Route" routes GetItem to v2/items/{id}/details, whose {id} it has no path parameter for',
    });
  });

  it('evaluates the expressions a value holds, with their defaults, and names one it cannot', () => {
    const header = (value: string) =>
      new RequestPolicies(
        properties({
          templateId: 'setheader',
          title: 'Label',
          parameters: { [`${P}name`]: 'x-label', [`${P}value`]: value },
        }),
        { region: 'eu' },
      );
    const label = (value: string) => header(value).apply('Op', call()).headers['x-label'];
    assert.equal(label("@connectionParameters('region');@connectionParameters('zone','z1')"), 'eu;z1');
    assert.equal(label("@header('x-trace')-@queryParameters('top')-@header('nope', 'n')"), 'beef-3-n');
    assert.equal(label('ops@example.com'), 'ops@example.com');
    // A parameter the test does not give has the value a new connection starts with.
    const defaulted = new RequestPolicies(
      {
        properties: {
          connectionParameters: { zone: { type: 'string', defaultValue: 'z9' }, region: { defaultValue: 'us' } },
          policyTemplateInstances: [
            {
              templateId: 'setheader',
              title: 'Z',
              parameters: {
                [`${P}name`]: 'x-z',
                [`${P}value`]: "@connectionParameters('zone')-@connectionParameters('region')",
              },
            },
          ],
        },
      },
      { region: 'eu' },
    );
    assert.equal(defaulted.apply('Op', call()).headers['x-z'], 'z9-eu');
    assert.throws(() => label("@connectionParameters('zone')"), {
      message:
        'policy "Label" reads the connection parameter "zone": give its value in FlowHost.start({ connectionParameters })',
    });
    assert.throws(() => label("@queryParameters('skip')"), {
      message: `policy "Label" reads @queryParameters('skip'), which the call does not carry and gives no default for`,
    });
    assert.throws(() => label('@body().id'), {
      message:
        'policy "Label" holds an expression FlowHost cannot evaluate (@body(…); it evaluates @connectionParameters, @header and @queryParameters',
    });
  });
});

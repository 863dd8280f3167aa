import assert from 'node:assert/strict';
import { apiPropertiesProblems } from './api-properties-schema';

const valid = () => ({
  properties: {
    connectionParameters: {
      api_key: { type: 'securestring', uiDefinition: { displayName: 'API Key', constraints: { required: 'true' } } },
    },
    iconBrandColor: '#da3b01',
    capabilities: ['actions'],
    policyTemplateInstances: [{ templateId: 'setheader', title: 'Set header', parameters: {} }],
    publisher: 'Contoso',
    stackOwner: 'Contoso',
  },
});

describe('apiPropertiesProblems', () => {
  it('finds nothing in a well-formed file, nor in keys the published schema lacks', () => {
    assert.deepEqual(apiPropertiesProblems(valid()), []);
    const withExtras = valid() as Record<string, unknown> & ReturnType<typeof valid>;
    Object.assign(withExtras.properties, {
      scriptOperations: ['GetA'],
      connectionParameterSets: { uiDefinition: {}, values: [{ name: 'key', parameters: { k: { type: 'string' } } }] },
      somethingNew: 1,
    });
    assert.deepEqual(apiPropertiesProblems(withExtras), []);
  });

  it('names each place whose value no reader can use', () => {
    const doc = valid() as { properties: Record<string, unknown> };
    doc.properties.connectionParameters = { api_key: 5 };
    doc.properties.policyTemplateInstances = {};
    doc.properties.iconBrandColor = 5;
    assert.deepEqual(
      apiPropertiesProblems(doc).map((p) => [p.pointer, p.problem]),
      [
        ['/properties/connectionParameters/api_key', 'must be object'],
        ['/properties/iconBrandColor', 'must be string'],
        ['/properties/policyTemplateInstances', 'must be array'],
      ],
    );
  });

  it('asks for the root object and its properties', () => {
    for (const doc of [null, 'text', [1, 2]]) assert.deepEqual(apiPropertiesProblems(doc)[0].pointer, '');
    assert.match(apiPropertiesProblems({})[0].problem, /must have required property 'properties'/);
    assert.equal(apiPropertiesProblems({ properties: [] })[0].pointer, '/properties');
  });

  it('asks each policy for its template id', () => {
    const doc = valid();
    doc.properties.policyTemplateInstances = [{ title: 'No template' } as never];
    assert.deepEqual(
      apiPropertiesProblems(doc).map((p) => p.pointer),
      ['/properties/policyTemplateInstances/0'],
    );
  });
});

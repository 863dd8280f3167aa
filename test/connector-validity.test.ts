import assert from 'node:assert/strict';
import { CONNECTORS, parsed } from './support/connectors';
import { corpusDir } from './support/corpus';
import {
  apiPropertiesValidator,
  explain,
  powerPlatformSwaggerValidator,
  validateWithSwaggerParser,
} from './support/oracles';

for (const [name, module] of Object.entries(CONNECTORS)) {
  describe(`emitted documents of ${name} pass the oracles`, () => {
    it('apiDefinition.swagger.json passes swagger-parser (Swagger 2.0)', async () => {
      await validateWithSwaggerParser(parsed(module, 'apiDefinition.swagger.json'));
    });

    it('apiDefinition.swagger.json passes the Power Platform swagger schema', function () {
      const validate = powerPlatformSwaggerValidator(corpusDir(this));
      const ok = validate(parsed(module, 'apiDefinition.swagger.json'));
      assert.ok(ok, explain(validate.errors));
    });

    it('apiProperties.json passes the paconn apiProperties schema', function () {
      const validate = apiPropertiesValidator(corpusDir(this));
      const ok = validate(parsed(module, 'apiProperties.json'));
      assert.ok(ok, explain(validate.errors));
    });

    it('openapi.json passes swagger-parser (OpenAPI 3)', async () => {
      const doc = parsed(module, 'openapi.json');
      assert.equal(doc.openapi, '3.0.3');
      await validateWithSwaggerParser(doc);
    });
  });
}

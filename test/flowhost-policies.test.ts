import {
  Action,
  connectionParameter,
  Connector,
  Controller,
  Field,
  Get,
  Header,
  Path,
  Query,
  Returns,
  routeRequestToEndpoint,
  setHeader,
  setQueryParameter,
} from '@flowport/core';
import { createApp, listen, urlOf } from '@flowport/express-adapter';
import { FlowHost } from '@flowport/testing';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';

/** What the API was given, to compare with what the policies set. */
class Report {
  @Field() id!: string;
  @Field() tenant!: string;
  @Field() format!: string;
  @Field() route!: string;
}

@Controller('/reports')
class ReportsController {
  @Get('/{id}')
  @Action({ id: 'GetReport', summary: 'Get report', description: 'Gets a report as its tenant sees it.' })
  @Returns(200, Report)
  get(
    @Path('id') id: string,
    // Set by a policy from the connection: the flow never gives it.
    @Header('x-tenant', { type: String, required: true, visibility: 'internal', default: 'none' }) tenant: string,
    @Query('format', { type: String, enum: ['json', 'csv'] }) format: string | undefined,
  ): Report {
    return { id, tenant, format: format ?? 'none', route: 'GetReport' };
  }

  @Get('/legacy/{id}')
  @Action({ id: 'GetLegacyReport', summary: 'Get legacy report', description: 'Gets a report the old way.' })
  @Returns(200, Report)
  legacy(@Path('id') id: string): Report {
    // The platform never calls it: a policy sends its calls to GET /reports/{id}.
    return { id, tenant: '', format: '', route: 'GetLegacyReport' };
  }
}

const connector = new Connector({
  info: { title: 'Reports', description: 'Reports that connector policies route and label.', version: '1.0.0' },
  brandColor: '#123456',
  connectionParameters: { tenant: connectionParameter({ type: 'string', displayName: 'Tenant' }) },
  controllers: [ReportsController],
  policies: [
    setHeader({ name: 'x-tenant', value: "@connectionParameters('tenant')" }),
    setQueryParameter({ name: 'format', value: 'json', operations: [() => ReportsController.prototype.legacy] }),
    routeRequestToEndpoint({ newPath: '/reports/{id}', operations: [() => ReportsController.prototype.legacy] }),
  ],
});

describe('FlowHost applies the request policies of the connector, as the connector runtime does', () => {
  let server: Server;
  let host: FlowHost;
  before(async () => {
    server = await listen(createApp(connector, { credentials: {} }), 0, '127.0.0.1');
    host = await FlowHost.start({ api: urlOf(server), connectionParameters: { tenant: 'contoso' } });
  });
  after(async () => {
    await host?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  });

  it('sets a header from a connection parameter, over the default FlowHost fills in', async () => {
    // Before, the API got the internal default, "none", where the platform sends the tenant.
    const res = await host.action('GetReport', undefined, { id: 'r1', format: 'csv' });
    assert.deepEqual(res.body, { id: 'r1', tenant: 'contoso', format: 'csv', route: 'GetReport' });
  });

  it('sends an operation a policy routes to the path it names, with its query parameter', async () => {
    // Before, FlowHost called GET /reports/legacy/r2, which the platform never does.
    const res = await host.action('GetLegacyReport', undefined, { id: 'r 2' });
    assert.deepEqual(res.body, { id: 'r 2', tenant: 'contoso', format: 'json', route: 'GetReport' });
  });

  it('reads the policies from the app beside the definition, and says which connection parameter it lacks', async () => {
    const bare = await FlowHost.start({ api: urlOf(server) });
    try {
      await assert.rejects(bare.action('GetReport', undefined, { id: 'r3' }), {
        message:
          'policy "Set header x-tenant" reads the connection parameter "tenant": give its value in FlowHost.start({ connectionParameters })',
      });
    } finally {
      await bare.close();
    }
    // A definition given without the properties file: no policies, as before.
    const given = await FlowHost.start({ api: urlOf(server), definition: host.definition });
    try {
      const res = await given.action('GetReport', undefined, { id: 'r4' });
      assert.equal((res.body as Report).tenant, 'none');
    } finally {
      await given.close();
    }
  });
});

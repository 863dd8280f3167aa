import {
  Action,
  apiKey,
  Connector,
  Controller,
  Exchange,
  Identity,
  Post,
  Query,
  resolve,
  Returns,
} from '@flowport/core';
import { emitFiles } from '@flowport/core/documents';
import { createApp, createRouter, listen } from '@flowport/express-adapter';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express from 'express';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { z } from 'zod';

const KEY = 'agentic-test-key-0123456789';

/** An MCP server with one tool, made for each request: the transport is stateless. */
function toolServer(tenant: string, caller: Identity): McpServer {
  const server = new McpServer({ name: 'word-tools', version: '1.0.0' });
  server.registerTool(
    'count_words',
    { description: 'Counts the words of a text.', inputSchema: { text: z.string() } },
    async ({ text }) => ({
      content: [
        { type: 'text', text: `${tenant} (${caller.method}): ${text.split(/\s+/).filter(Boolean).length} words` },
      ],
    }),
  );
  return server;
}

@Controller()
class ToolsController {
  @Post('/mcp')
  @Action({
    id: 'InvokeMCP',
    summary: 'Invoke word tools',
    description: 'The word tools, for Copilot Studio agents.',
    agenticProtocol: 'mcp-streamable-1.0',
  })
  @Returns(200, undefined, { description: 'The server answers the message' })
  async serve(
    @Exchange() { request, response, parsedBody }: Exchange,
    @Query('tenant', { type: String, required: true, minLength: 2 }) tenant: string,
    @Identity() caller: Identity,
  ): Promise<void> {
    const server = toolServer(tenant, caller);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    response.on('close', () => void transport.close().then(() => server.close()));
    await server.connect(transport);
    await transport.handleRequest(request, response, parsedBody);
  }

  @Post('/silent')
  @Action({ id: 'Silent', summary: 'Answer nothing', agenticProtocol: 'mcp-streamable-1.0' })
  @Returns(200)
  async silent(@Exchange() _exchange: Exchange): Promise<void> {}
}

const connector = new Connector({
  info: { title: 'Word Tools', description: 'Word tools for agents, over MCP.', version: '1.0' },
  host: 'tools.example.com',
  brandColor: '#2b579a',
  auth: apiKey({ name: 'X-Key', in: 'header', label: 'API key' }),
  controllers: [ToolsController],
});

/** Lists and calls the tools at `url` with the SDK's client, as an agent does. */
async function assertToolsAnswer(url: string): Promise<void> {
  const client = new Client({ name: 'agent', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { 'X-Key': KEY } } }));
  try {
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((t) => t.name),
      ['count_words'],
    );
    const result = await client.callTool({ name: 'count_words', arguments: { text: 'one two  three' } });
    assert.deepEqual(result.content, [{ type: 'text', text: 'contoso (apiKey): 3 words' }]);
  } finally {
    await client.close();
  }
}

describe('an MCP server operation (agenticProtocol), served and called with the MCP SDK', () => {
  let server: Server;
  let base: string;
  const logged: string[] = [];
  before(async () => {
    const app = createApp(connector, {
      credentials: { apiKeys: [KEY] },
      logger: { error: (message, details) => logged.push(`${message} ${JSON.stringify(details)}`) },
    });
    server = await listen(app, 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((done) => server.close(() => done())));

  it('publishes x-ms-agentic-protocol on the POST, with no parameter for the messages', () => {
    const definition = JSON.parse(emitFiles(resolve(connector))['apiDefinition.swagger.json']);
    const op = definition.paths['/mcp'].post;
    assert.equal(op['x-ms-agentic-protocol'], 'mcp-streamable-1.0');
    assert.deepEqual(
      op.parameters.map((p: { in: string; name: string }) => `${p.in} ${p.name}`),
      ['query tenant'],
    );
  });

  it("lists and calls the server's tools through the SDK's client, the body left for its transport", async () => {
    // Before, Flowport had no such operation: a body the definition does not describe never
    // reached a handler, and a handler could only answer what @Returns declares.
    await assertToolsAnswer(`${base}/mcp?tenant=contoso`);
  });

  it('hands on the body an app-wide express.json() read ahead of the router', async () => {
    // The stream is empty then: without parsedBody, the transport answered "Parse error: Invalid JSON".
    const app = express();
    app.use(express.json());
    app.use(createRouter(connector, { credentials: { apiKeys: [KEY] } }));
    const behind = await listen(app, 0);
    try {
      await assertToolsAnswer(`http://127.0.0.1:${(behind.address() as AddressInfo).port}/mcp?tenant=contoso`);
    } finally {
      await new Promise<void>((done) => behind.close(() => done()));
    }
  });

  it('serves the same mounted in an Express 4 app behind its body-parser 1, which leaves req.body as it parsed it', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const express4 = require('express4') as typeof express;
    const app = express4();
    app.use(express4.json());
    app.use('/api', createRouter(connector, { credentials: { apiKeys: [KEY] } }));
    // Its own listen(): Flowport's presets Express 5's prototypes.
    const behind = app.listen(0);
    await once(behind, 'listening');
    try {
      await assertToolsAnswer(`http://127.0.0.1:${(behind.address() as AddressInfo).port}/api/mcp?tenant=contoso`);
    } finally {
      await new Promise<void>((done) => behind.close(() => done()));
    }
  });

  it("checks the connection's credentials and the declared parameters before the handler runs", async () => {
    const initialize = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'agent', version: '1' } },
    });
    const post = (query: string, headers: Record<string, string>) =>
      fetch(`${base}/mcp${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
        body: initialize,
      });
    const anonymous = await post('?tenant=contoso', {});
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const short = await post('?tenant=c', { 'X-Key': KEY });
    assert.equal(short.status, 400);
    assert.deepEqual(
      ((await short.json()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer),
      ['/query/tenant'],
    );
    // The transport's GET (a stream the server may open) is not declared: 405, as the protocol allows.
    const stream = await fetch(`${base}/mcp?tenant=contoso`, {
      headers: { 'X-Key': KEY, accept: 'text/event-stream' },
    });
    assert.equal(stream.status, 405);
    assert.equal(stream.headers.get('allow'), 'POST');
  });

  it('answers a 500, and logs why, when the handler returns without answering', async () => {
    logged.length = 0;
    const r = await fetch(`${base}/silent`, { method: 'POST', headers: { 'X-Key': KEY } });
    assert.equal(r.status, 500);
    assert.match(logged.join('\n'), /Silent speaks mcp-streamable-1\.0, and its handler returned without answering/);
  });
});

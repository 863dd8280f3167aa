import { compareDefinitions } from '@flowport/cli';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionHead, importedAndBuilt } from './support/imported';
import { scratch } from './support/tmp';

/** An MCP server connector as Copilot Studio's template writes one, and a GET that says the same. */
const DEFINITION = {
  ...definitionHead('Agent Tools', 'Tools for Copilot Studio agents, over MCP.', 'tools.example.com'),
  paths: {
    '/mcp': {
      post: {
        summary: 'Invoke tools server',
        description: 'Answers the MCP messages of an agent.',
        operationId: 'InvokeMCP',
        'x-ms-agentic-protocol': 'mcp-streamable-1.0',
        responses: { '200': { description: 'Success' } },
      },
    },
    '/paged': {
      post: {
        summary: 'Paged tools',
        description: 'A pageable operation, which no MCP server is.',
        operationId: 'PagedTools',
        'x-ms-agentic-protocol': 'mcp-streamable-1.0',
        'x-ms-pageable': { nextLinkName: 'nextLink' },
        responses: { '200': { description: 'Success', schema: { type: 'object' } } },
      },
    },
    '/legacy': {
      get: {
        summary: 'Legacy stream',
        description: 'A stream no agent protocol Flowport serves opens with a GET.',
        operationId: 'LegacyStream',
        'x-ms-agentic-protocol': 'mcp-streamable-1.0',
        responses: { '200': { description: 'Success' } },
      },
    },
  },
};

describe('flowport import of an MCP server connector (x-ms-agentic-protocol)', () => {
  let tmp: ReturnType<typeof scratch>;
  before(() => (tmp = scratch()));
  after(() => tmp.cleanup());

  it('writes the POST as an MCP server operation whose handler takes the exchange, and builds it back equal', () => {
    // Before, the key went to `extensions`, and the handler had no way to read the messages.
    const { built, losses } = importedAndBuilt(DEFINITION, tmp.dir);
    assert.deepEqual(losses, []);
    const source = readFileSync(join(tmp.dir, 'imported', 'src', 'controllers', 'mcp.ts'), 'utf8');
    assert.match(source, /agenticProtocol: 'mcp-streamable-1\.0',/);
    assert.match(source, /async invokeMcp\(\s*@Exchange\(\) exchange: Exchange,\s*\): Promise<void> \{/);
    assert.match(source, /^import \{ Action, Controller, Exchange, Post, Returns \} from '@flowport\/core';$/m);
    // A GET cannot be served as one: kept as written, as an extension.
    const legacy = readFileSync(join(tmp.dir, 'imported', 'src', 'controllers', 'legacy.ts'), 'utf8');
    assert.match(legacy, /extensions: \{ 'x-ms-agentic-protocol': 'mcp-streamable-1\.0' \}/);
    assert.doesNotMatch(legacy, /@Exchange/);
    // Nor a pageable one (FP1035 would stop the build of what the import wrote).
    const paged = readFileSync(join(tmp.dir, 'imported', 'src', 'controllers', 'paged.ts'), 'utf8');
    assert.match(paged, /extensions: \{ 'x-ms-agentic-protocol': 'mcp-streamable-1\.0' \}/);
    assert.deepEqual(compareDefinitions(DEFINITION, built), []);
  });
});

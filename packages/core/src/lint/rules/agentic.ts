import { AGENTIC_PROTOCOLS, isAgenticProtocol } from '../../decorators/operation';
import { operations } from '../document';
import type { Rule } from '../rule';

/** Where Copilot Studio says how it calls an MCP server through a connector. */
const MCP_SOURCE =
  'Copilot Studio, agent-extend-action-mcp (learn.microsoft.com): MCP over Streamable HTTP; SSE not taken since August 2025';

/** MCP servers that Copilot Studio agents call through the connector (`x-ms-agentic-protocol`). */
export const agenticRules: Rule[] = [
  {
    key: 'agenticProtocol',
    level: 'certification',
    source: MCP_SOURCE,
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const protocol: unknown = e.op['x-ms-agentic-protocol'];
        if (protocol === undefined) continue;
        const problem = !isAgenticProtocol(protocol)
          ? `is ${JSON.stringify(protocol)}, where Copilot Studio takes ${AGENTIC_PROTOCOLS.join(', ')} (MCP's Streamable HTTP transport): it stopped taking SSE in August 2025`
          : e.method !== 'post'
            ? `is on a ${e.method.toUpperCase()}, where the transport posts each message`
            : undefined;
        if (problem) report(`${e.pointer}/x-ms-agentic-protocol`, { operation: e.id, problem });
      }
    },
  },
];

import { isAgenticProtocol } from '@flowport/core';
import { isObject } from './read';
import type { ParameterSpec } from './operations';
import { appliedParameters, type OperationSite } from './sites';

/** The handler parameter an MCP server operation answers through. */
export const EXCHANGE_PARAMETER: ParameterSpec = {
  call: { name: 'Exchange', args: [] },
  name: 'exchange',
  ts: 'Exchange',
};

/**
 * The agent protocol an operation speaks (`x-ms-agentic-protocol`), where Flowport can serve it: a
 * POST that is no trigger, is not pageable, and whose messages no body or form field describes
 * (FP1035 refuses the rest). Elsewhere the key is kept as written, in the operation's `extensions`.
 */
export function agenticProtocolOf(site: OperationSite, resolve: (entry: unknown) => unknown): string | undefined {
  const protocol: unknown = site.operation['x-ms-agentic-protocol'];
  if (!isAgenticProtocol(protocol)) return undefined;
  const { 'x-ms-trigger': trigger, 'x-ms-pageable': pageable } = site.operation;
  if (site.verb !== 'post' || trigger !== undefined || pageable !== undefined) return undefined;
  const described = appliedParameters(site.pathItem, site.operation, resolve).some((entry) => {
    const p = resolve(entry);
    return isObject(p) && (p.in === 'body' || p.in === 'formData');
  });
  return described ? undefined : protocol;
}

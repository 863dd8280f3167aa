import type { ActionOptions } from '../decorators/operation';
import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type { ParameterModel } from './types';

/** What an agentic operation's declaration says, as far as its checks read it. */
interface Agentic {
  readonly options: ActionOptions;
  readonly isTrigger: boolean;
  readonly method: string;
  readonly parameters: readonly ParameterModel[];
  readonly exchangeIndex?: number;
}

/**
 * An operation that speaks an agent protocol (`x-ms-agentic-protocol`: an MCP server for Copilot
 * Studio) is a POST whose handler answers the protocol's messages through `@Exchange()`; the
 * definition describes none of them. An `@Exchange()` anywhere else would let a handler answer
 * what no `@Returns` declares, so each is refused where it is declared.
 */
export function checkAgentic(a: Agentic, at: SourceLocation, bag: DiagnosticBag): void {
  const protocol = a.options.agenticProtocol;
  if (protocol === undefined) {
    if (a.exchangeIndex !== undefined)
      bag.report('exchangeWithoutProtocol', { ...at, parameter: { name: 'exchange', index: a.exchangeIndex } });
    return;
  }
  // A value of another type or name is reported with the other options.
  if (typeof protocol !== 'string') return;
  const problems: string[] = [];
  if (a.isTrigger) problems.push('it cannot be a trigger: agents call it, flows never start from it');
  if (a.method !== 'post')
    problems.push(`it must be a POST, where the transport posts each message, not a ${a.method.toUpperCase()}`);
  if (a.options.async || a.options.pageable) problems.push('it cannot be long-running (async) or pageable');
  if (a.parameters.some((p) => p.in === 'body' || p.in === 'formData'))
    problems.push(
      "it takes no body or form fields: its messages are the protocol's, which the definition does not describe",
    );
  if (a.exchangeIndex === undefined) problems.push('its handler must take @Exchange() to answer the messages');
  for (const problem of problems) bag.report('agenticOperation', at, { protocol, problem });
}

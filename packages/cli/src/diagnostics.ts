import type { Diagnostic } from '@flowport/core';
import { formatDiagnostic } from '@flowport/core';

/** A `DiagnosticError` from any copy of `@flowport/core`. */
export function diagnosticsOf(err: unknown): readonly Diagnostic[] | undefined {
  if (err instanceof Error && err.name === 'DiagnosticError') {
    const list = (err as Error & { diagnostics?: unknown }).diagnostics;
    if (Array.isArray(list)) return list as Diagnostic[];
  }
  return undefined;
}

/** Each diagnostic as text; `where` adds `file:line:column` to its location, where it has one. */
export function printDiagnostics(
  list: readonly Diagnostic[],
  write: (line: string) => void,
  where: (d: Diagnostic) => string | undefined = () => undefined,
): void {
  for (const d of list) {
    const place = where(d);
    const text = formatDiagnostic(d);
    write(place ? text.replace(/\n {2}at (.*)/, (_, at: string) => `\n  at ${at} (${place})`) : text);
  }
}

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

export function printDiagnostics(list: readonly Diagnostic[], write: (line: string) => void): void {
  for (const d of list) write(formatDiagnostic(d));
}

import { catalog, type CatalogKey, type Severity } from './catalog';
import { formatLocation, type SourceLocation } from './location';

/** One reported problem: a catalog code with its filled-in message, location and hint. */
export interface Diagnostic {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly message: string;
  readonly hint: string;
  readonly at: SourceLocation;
}

type Args = Record<string, string | number>;

function fill(template: string, args: Args): string {
  // `{{name}}` renders a literal `{value}`, as in a route template.
  return template
    .replace(/\{\{(\w+)\}\}/g, (_, k: string) => `{${String(args[k] ?? k)}}`)
    .replace(/\{(\w+)\}/g, (whole, k: string) => (k in args ? String(args[k]) : whole));
}

/** Builds a diagnostic from the catalog. */
export function diagnostic(key: CatalogKey, at: SourceLocation, args: Args = {}): Diagnostic {
  const e = catalog[key];
  return {
    code: e.code,
    name: e.name,
    severity: e.severity,
    message: fill(e.message, args),
    hint: fill(e.hint, args),
    at,
  };
}

/** `FP1001 duplicate-operation-id: … (at SentimentController.score)\n  hint: …` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity} ${d.code} ${d.name}: ${d.message}\n  at ${formatLocation(d.at)}\n  hint: ${d.hint}`;
}

/**
 * Rules about what the platform or certification accepts, rather than what Flowport needs to
 * serve and emit a connector. A connector emitted as declared (an imported one) keeps its own
 * choices; these then warn, and `flowport validate` judges them.
 */
const JUDGEMENTS: ReadonlySet<CatalogKey> = new Set<CatalogKey>([
  'bodyOnGet',
  'fileOutsideFormData',
  'bodyAndFormData',
  'enumValueNotInEnum',
  'enumValueRefused',
  'noSuccessResponse',
  'invalidOperationId',
  'invalidPath',
  'reservedParameterName',
  'headerParameterForbidden',
  'referencePathMissing',
  'referenceParameterUnknown',
  'referenceSourceUnknown',
  'dynamicParameterUnbound',
  'testConnectionHasParameters',
  'notificationUrlNotRequired',
  'notificationUrlNotInternal',
  'webhookWithoutDelete',
  'webhookWithoutNotificationUrl',
  'notificationUrlWithoutContent',
  'webhookNotSingle',
  'notificationUrlNotString',
  'internalRequiredWithoutDefault',
  'readOnlyRequiredInput',
  'requiredLoop',
  'summaryTooLong',
  'urlEncodingOnQuery',
  'parameterOptionMisplaced',
  'invalidParameterName',
  'invalidPattern',
  'editorNeedsDictionary',
  'unsupportedFormat',
  'invalidConnector',
  'invalidHost',
  'invalidBrandColor',
  'invalidConnectionParameter',
  'invalidPolicy',
]);

/** Collects diagnostics while a stage runs; the stage decides when to throw. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  private readonly reported = new Set<string>();

  /** @param asDeclared - report platform and certification judgements as warnings. */
  constructor(private readonly asDeclared = false) {}

  report(key: CatalogKey, at: SourceLocation, args: Args = {}): void {
    const d = diagnostic(key, at, args);
    // A property's finding is met again in each class that inherits it; it is reported once.
    const seen = `${d.code} ${formatLocation(at)}: ${d.message}`;
    if (this.reported.has(seen)) return;
    this.reported.add(seen);
    this.items.push(this.asDeclared && JUDGEMENTS.has(key) ? { ...d, severity: 'warning' } : d);
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }

  /** Throws a {@link DiagnosticError} carrying every diagnostic when any is an error. */
  throwIfErrors(): void {
    if (this.errors.length > 0) throw new DiagnosticError(this.items);
  }
}

/** Thrown by `resolve()` and the emitters when a connector has errors; lists all of them. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(`${errors.length} error(s) in the connector declaration:\n` + errors.map(formatDiagnostic).join('\n'));
    this.name = 'DiagnosticError';
  }
}

import type { CatalogKey } from '../diagnostics/catalog';
import type { ConnectorDocuments } from './document';

/** Which check a rule belongs to: what import rejects, or what certification review rejects. */
export type Level = 'platform' | 'certification';

export interface Finding {
  readonly key: CatalogKey;
  /** JSON pointer into apiDefinition.swagger.json, or `apiProperties.json#/…`. */
  readonly pointer: string;
  readonly args: Record<string, string | number>;
}

/** One rule of `flowport validate`; its message, severity and hint live in the catalog. */
export interface Rule {
  readonly key: CatalogKey;
  readonly level: Level;
  /** Where the rule comes from (reference tag and document). */
  readonly source: string;
  /**
   * The judgements of `resolve()` that this rule finds again in the emitted JSON. Validating a
   * module, both would report the same problem at the same place, or `resolve()` at a member of
   * the rule's place (the notification URL property of the webhook the rule names); the rule's
   * finding is kept, since it carries the pointer as well ({@link withoutRestated}).
   */
  readonly restates?: CatalogKey | readonly CatalogKey[];
  check(docs: ConnectorDocuments, report: (pointer: string, args?: Record<string, string | number>) => void): void;
}

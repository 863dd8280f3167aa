import { catalog } from '../diagnostics/catalog';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import { throughReferences, type ConnectorDocuments } from './document';
import type { Level, Rule } from './rule';
import { agenticRules } from './rules/agentic';
import { assetRules } from './rules/assets';
import { platformRules } from './rules/platform';
import { referenceRules } from './rules/references';
import { metadataRules } from './rules/metadata';
import { oauthRules } from './rules/oauth';
import { parameterRules } from './rules/parameters';
import { responseRules } from './rules/responses';
import { triggerRules } from './rules/triggers';
import { textRules } from './rules/text';
import { wellformedRules } from './rules/wellformed';

/** Every rule of `flowport validate`, platform first. */
export const rules: readonly Rule[] = [
  ...platformRules,
  ...assetRules,
  ...referenceRules,
  ...textRules,
  ...responseRules,
  ...parameterRules,
  ...triggerRules,
  ...metadataRules,
  ...wellformedRules,
  ...agenticRules,
  ...oauthRules,
];

export interface LintOptions {
  /** `platform` runs what import rejects; `certification` adds what review rejects. */
  readonly level: Level;
  /** Maps a JSON pointer back to TypeScript source (class, method, parameter, property). */
  readonly locate?: (pointer: string) => SourceLocation | undefined;
}

/**
 * Checks a connector's documents. Findings are diagnostics of the one catalog, located by JSON
 * pointer and, when the documents come from Flowport code, by class, method, parameter or
 * property as well.
 */
export function lint(docs: ConnectorDocuments, options: LintOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A shared parameter or response that several operations use is one finding, where it is written.
  const seen = new Set<string>();
  for (const rule of rules) {
    if (options.level === 'platform' && rule.level !== 'platform') continue;
    rule.check(docs, (reported, args = {}) => {
      const pointer = throughReferences(docs.definition, reported);
      const key = `${rule.key} ${pointer} ${JSON.stringify(args)}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(diagnostic(rule.key, { ...options.locate?.(pointer), pointer }, args));
    });
  }
  return out;
}

/** The codes of the `resolve()` judgements each rule's code restates. */
const RESTATED = new Map(
  rules.flatMap((r) =>
    r.restates === undefined
      ? []
      : [[catalog[r.key].code, new Set([r.restates].flat().map((key) => catalog[key].code))] as const],
  ),
);

/** The TypeScript source a diagnostic points at, without the JSON pointer. */
function sourceOf(d: Diagnostic): Record<string, unknown> {
  const { pointer: _pointer, ...source } = d.at;
  return source;
}

/** Whether `inner` is `outer`'s place or a member of it: every part `outer` names, `inner` names alike. */
function within(inner: Record<string, unknown>, outer: Record<string, unknown>): boolean {
  const parts = Object.entries(outer);
  // A finding placed nowhere in the TypeScript restates nothing: it would take in every place.
  return parts.length > 0 && parts.every(([k, v]) => inner[k] === v);
}

/**
 * A module's `resolve()` diagnostics without those a lint finding restates at the same place or
 * at a member of it (an imported operationId with a ".", say, is judged by both), then the lint's
 * findings: each problem once.
 */
export function withoutRestated(judged: readonly Diagnostic[], linted: readonly Diagnostic[]): Diagnostic[] {
  const restating = linted.filter((d) => RESTATED.has(d.code));
  const restated = (d: Diagnostic) =>
    restating.some((l) => RESTATED.get(l.code)!.has(d.code) && within(sourceOf(d), sourceOf(l)));
  return [...judged.filter((d) => !restated(d)), ...linted];
}

/** A place in a connector's file, and how it departs from the file's schema. */
export interface ShapeProblem {
  readonly pointer: string;
  readonly problem: string;
}

/**
 * Diagnostics for a definition that is not Swagger 2.0 (FP2016), one per place, from a schema
 * check the caller ran; the rules are not run on such a document, since each reads it as Swagger.
 */
export function notSwagger(problems: readonly ShapeProblem[]): Diagnostic[] {
  return problems.map((p) => diagnostic('swaggerSchema', { pointer: p.pointer }, { problem: p.problem }));
}

/**
 * Diagnostics for an `apiProperties.json` whose keys do not have the types its readers rely on
 * (FP2017), one per place, located as `apiProperties.json#<pointer>`; from a check the caller ran.
 */
export function notApiProperties(problems: readonly ShapeProblem[]): Diagnostic[] {
  return problems.map((p) =>
    diagnostic('apiPropertiesSchema', { pointer: `apiProperties.json#${p.pointer}` }, { problem: p.problem }),
  );
}

import type { Diagnostic } from '@flowport/core';
import { catalogEntries, formatLocation } from '@flowport/core';
import { pathToFileURL } from 'node:url';
import type { Position } from './positions';

/**
 * SARIF 2.1.0 for CI annotations (GitHub code scanning, Azure DevOps). A finding with a position
 * (`positionOf`) is annotated on its line of the file it is about, not on the whole definition.
 */
export function toSarif(
  file: string,
  diagnostics: readonly Diagnostic[],
  positionOf: (d: Diagnostic) => Position | undefined = () => undefined,
): Record<string, unknown> {
  const used = new Set(diagnostics.map((d) => d.code));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'flowport',
            informationUri: 'https://github.com/flowport/flowport#diagnostics',
            rules: catalogEntries()
              .filter((e) => used.has(e.code))
              .map((e) => ({
                id: e.code,
                name: e.name,
                shortDescription: { text: e.message },
                help: { text: e.hint },
              })),
          },
        },
        results: diagnostics.map((d) => {
          const p = positionOf(d);
          const artifactLocation = { uri: pathToFileURL(p?.file ?? file).href };
          return {
            ruleId: d.code,
            level: d.severity === 'error' ? 'error' : 'warning',
            message: { text: `${d.message}. ${d.hint}` },
            locations: [
              {
                physicalLocation: p
                  ? { artifactLocation, region: { startLine: p.line, startColumn: p.column } }
                  : { artifactLocation },
                logicalLocations: [{ fullyQualifiedName: formatLocation(d.at) }],
              },
            ],
          };
        }),
      },
    ],
  };
}

/**
 * SARIF for a run that could not judge its target (a module that does not load, a definition that
 * is not JSON): no results, and the reason as a notification of the failed invocation. Before,
 * nothing went to stdout, and the SARIF file a CI uploads was empty, which its upload refuses.
 */
export function toSarifFailure(file: string, reason: string): Record<string, unknown> {
  const sarif = toSarif(file, []);
  const [run] = sarif.runs as Record<string, unknown>[];
  run.invocations = [
    {
      executionSuccessful: false,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: reason },
          locations: [{ physicalLocation: { artifactLocation: { uri: pathToFileURL(file).href } } }],
        },
      ],
    },
  ];
  return sarif;
}

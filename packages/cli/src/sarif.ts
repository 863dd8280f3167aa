import type { Diagnostic } from '@flowport/core';
import { catalogEntries, formatLocation } from '@flowport/core';
import { pathToFileURL } from 'node:url';

/** SARIF 2.1.0 for CI annotations (GitHub code scanning, Azure DevOps). */
export function toSarif(file: string, diagnostics: readonly Diagnostic[]): Record<string, unknown> {
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
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: `${d.message}. ${d.hint}` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: pathToFileURL(file).href } },
              logicalLocations: [{ fullyQualifiedName: formatLocation(d.at) }],
            },
          ],
        })),
      },
    ],
  };
}

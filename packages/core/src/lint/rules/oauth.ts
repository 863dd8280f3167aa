import { isObject, objectsIn, seg, type Json } from '../document';
import type { Rule } from '../rule';

/** An OAuth 2.0 connection parameter of apiProperties.json, and where its settings are. */
interface OAuthParameter {
  readonly name: string;
  readonly settings: Json;
  readonly pointer: string;
}

/** The OAuth 2.0 parameters among `parameters`, at `pointer` (one corpus file spells the type `oAuthSetting`). */
function oauthIn(parameters: unknown, pointer: string): OAuthParameter[] {
  if (!isObject(parameters)) return [];
  return Object.entries(parameters).flatMap(([name, p]) =>
    isObject(p) && String(p.type).toLowerCase() === 'oauthsetting' && isObject(p.oAuthSettings)
      ? [{ name, settings: p.oAuthSettings, pointer: `${pointer}/${seg(name)}/oAuthSettings` }]
      : [],
  );
}

/** Each OAuth 2.0 connection parameter: the connector's own, and those of each method of a choice. */
function oauthParameters(properties: Json | undefined): OAuthParameter[] {
  const inner: unknown = properties?.properties;
  if (!isObject(inner)) return [];
  const root = 'apiProperties.json#/properties';
  const sets: unknown = isObject(inner.connectionParameterSets) ? inner.connectionParameterSets.values : undefined;
  return [
    ...oauthIn(inner.connectionParameters, `${root}/connectionParameters`),
    ...objectsIn(sets).flatMap(([i, v]) =>
      oauthIn(v.parameters, `${root}/connectionParameterSets/values/${i}/parameters`),
    ),
  ];
}

/** How a connection signs its user in through the platform's consent service. */
export const oauthRules: Rule[] = [
  {
    key: 'redirectMode',
    level: 'certification',
    source:
      'certification-submission, as its reviewers ask (PowerPlatformConnectors #3035, #3162): redirectMode GlobalPerConnector',
    check: ({ properties }, report) => {
      for (const p of oauthParameters(properties)) {
        const mode: unknown = p.settings.redirectMode;
        if (mode === 'GlobalPerConnector') continue;
        const given = mode === undefined ? 'no redirectMode' : `redirectMode ${JSON.stringify(mode)}`;
        report(mode === undefined ? p.pointer : `${p.pointer}/redirectMode`, { name: p.name, given });
      }
    },
  },
];

import { deref, eachParameter, objectsIn, type Json } from '../document';
import { CONNECTOR_CATEGORIES } from '../../connector';
import type { Rule } from '../rule';

const CATEGORIES: ReadonlySet<string> = new Set(CONNECTOR_CATEGORIES);

/** Count of schema nodes a body expands to, following references once per path. */
function schemaCount(def: Json, schema: Json, stack: string[] = []): number {
  const ref = typeof schema?.$ref === 'string' ? schema.$ref : undefined;
  if (ref && stack.includes(ref)) return 1;
  const s = deref(def, schema);
  const next = ref ? [...stack, ref] : stack;
  let n = 1;
  for (const v of Object.values((s.properties ?? {}) as Json)) n += schemaCount(def, v as Json, next);
  if (s.items) n += schemaCount(def, s.items as Json, next);
  return n;
}

/** Connector metadata, branding and limits (§6.1, §6.6). */
export const metadataRules: Rule[] = [
  {
    key: 'metadataMissing',
    level: 'certification',
    source: '[D-cert] ConnectorMetadataPropertiesMissing',
    check: ({ definition }, report) => {
      const names = objectsIn(definition['x-ms-connector-metadata']).map(([, m]) =>
        String(m.propertyName).toLowerCase(),
      );
      const missing = ['Website', 'Privacy policy', 'Categories'].filter((n) => !names.includes(n.toLowerCase()));
      // Where there is none, at the root it belongs in: a pointer to nothing has no line.
      const at = definition['x-ms-connector-metadata'] === undefined ? '' : '/x-ms-connector-metadata';
      if (missing.length > 0) report(at, { missing: missing.join(', ') });
    },
  },
  {
    key: 'categoriesInvalid',
    level: 'certification',
    source: '[D-rules] InvalidConnectorCategory, TooManyConnectorCategories',
    check: ({ definition }, report) => {
      for (const [i, m] of objectsIn(definition['x-ms-connector-metadata'])) {
        if (String(m.propertyName).toLowerCase() !== 'categories') continue;
        const value = String(m.propertyValue ?? '');
        const list = value
          .split(';')
          .map((c) => c.trim())
          .filter(Boolean);
        const unknown = list.filter((c) => !CATEGORIES.has(c));
        if (list.length > 2) report(`/x-ms-connector-metadata/${i}`, { value, problem: 'more than two categories' });
        else if (unknown.length > 0)
          report(`/x-ms-connector-metadata/${i}`, { value, problem: `unknown ${unknown.join(', ')}` });
      }
    },
  },
  {
    key: 'brandColor',
    level: 'certification',
    source: '[D-cert], [R README] icon brand colour',
    restates: 'invalidBrandColor',
    check: ({ properties }, report) => {
      if (!properties) return;
      const color = properties.properties?.iconBrandColor;
      const pointer = 'apiProperties.json#/properties/iconBrandColor';
      if (typeof color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(color))
        report(pointer, { color: String(color), problem: 'is not a #rrggbb colour' });
      else if (['#007ee5', '#ffffff'].includes(color.toLowerCase()))
        report(pointer, { color, problem: 'is reserved (Microsoft blue or white)' });
    },
  },
  {
    key: 'publisherMissing',
    level: 'certification',
    source: '[D-cert] publisher and stackOwner',
    check: ({ properties }, report) => {
      if (!properties) return;
      const missing = ['publisher', 'stackOwner'].filter((k) => !properties.properties?.[k]);
      if (missing.length > 0) report('apiProperties.json#/properties', { missing: missing.join(', ') });
    },
  },
  {
    key: 'hostNotProduction',
    level: 'certification',
    source: '[D-cert] production host only',
    check: ({ definition }, report) => {
      const host = String(definition.host ?? '');
      // Words in the labels before the top-level domain: "api-dev.example.com", not "example.dev".
      const words = host
        .split(':')[0]
        .split('.')
        .slice(0, -1)
        .flatMap((label) => label.split('-'));
      const kind =
        words.find((w) => /^(staging|stage|dev|test|qa|sandbox)$/i.test(w)) ??
        (/^(localhost|127\.)/.test(host) ? 'local' : undefined);
      if (kind) report('/host', { host, kind: kind.toLowerCase() });
    },
  },
  {
    key: 'fileSize',
    level: 'certification',
    source: '[D-oapi], [D-faq] OpenAPI file < 1 MB',
    check: ({ bytes }, report) => {
      if (bytes >= 1024 * 1024) report('', { size: bytes });
    },
  },
  {
    key: 'bodySchemaCount',
    level: 'certification',
    source: '[D-faq] BodySchemaCountExceedsMaxAllowed (512)',
    check: ({ definition }, report) => {
      eachParameter(definition, (p, at, e) => {
        if (p.in !== 'body') return;
        const count = schemaCount(definition, p.schema as Json);
        if (count > 512) report(at, { id: e.id, count });
      });
    },
  },
];

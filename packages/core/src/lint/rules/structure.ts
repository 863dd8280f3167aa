import { deref, eachParameter, eachSchema, operations, parameter, type Json } from '../document';
import type { Rule } from '../rule';

const CATEGORIES = new Set([
  'AI',
  'Business Management',
  'Business Intelligence',
  'Collaboration',
  'Commerce',
  'Communication',
  'Content and Files',
  'Finance',
  'Data',
  'Human Resources',
  'Internet of Things',
  'IT Operations',
  'Lifestyle and Entertainment',
  'Marketing',
  'Productivity',
  'Sales and CRM',
  'Security',
  'Social Media',
  'Website',
]);

const success = (status: string) => /^2\d\d$/.test(status);

/** The property path chain from a body schema to its x-ms-notification-url field. */
function notificationChain(
  def: Json,
  schema: Json,
  seen = new Set<Json>(),
): { required: boolean; internal: boolean; string: boolean } | undefined {
  const s = deref(def, schema);
  if (seen.has(s)) return undefined;
  seen.add(s);
  for (const [k, v] of Object.entries((s.properties ?? {}) as Json)) {
    const child = v as Json;
    const required = ((s.required ?? []) as string[]).includes(k);
    const internal = child['x-ms-visibility'] === 'internal' || deref(def, child)['x-ms-visibility'] === 'internal';
    if (child['x-ms-notification-url'] === true)
      return { required, internal, string: deref(def, child).type === 'string' };
    const inner = notificationChain(def, child, seen);
    if (inner)
      return { required: required && inner.required, internal: internal || inner.internal, string: inner.string };
  }
  return undefined;
}

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

/** Responses, parameters, triggers, dynamic values, metadata and limits (reference §3, §6). */
export const structureRules: Rule[] = [
  {
    key: 'successResponseMissing',
    level: 'certification',
    source: '[D-rules] at least one 2xx response; [D-code] use 2xx for success',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        if (!Object.keys(e.op.responses ?? {}).some(success)) report(`${e.pointer}/responses`, { id: e.id });
      }
    },
  },
  {
    key: 'defaultResponseSchema',
    level: 'certification',
    source: '[D-rules] DefaultResponseHasSchema',
    check: ({ definition }, report) => {
      for (const e of operations(definition))
        if (e.op.responses?.default?.schema) report(`${e.pointer}/responses/default/schema`, { id: e.id });
    },
  },
  {
    key: 'successSchemaMissing',
    level: 'certification',
    source: '[D-cert] exact success schemas; [D-rules] output on 200 or 201',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        if (e.op['x-ms-trigger'] || e.item['x-ms-notification-content']) continue;
        const r = (e.op.responses ?? {}) as Json;
        const ok = ['200', '201'].filter((s) => r[s]);
        if (ok.length > 0 && ok.every((s) => !r[s].schema) && !r['204'])
          report(`${e.pointer}/responses/${ok[0]}`, { id: e.id });
      }
    },
  },
  {
    key: 'manySchemaResponses',
    level: 'certification',
    source: '[D-rules] OperationHasManyResponsesWithSchema',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const count = Object.entries((e.op.responses ?? {}) as Json).filter(
          ([s, r]) => success(s) && (r as Json)?.schema,
        ).length;
        if (count > 1) report(`${e.pointer}/responses`, { id: e.id, count });
      }
    },
  },
  {
    key: 'internalRequiredNoDefault',
    level: 'certification',
    source: '[D-ext] internal and required needs a default; [D-rules] PropertyMustBeRequired',
    check: ({ definition }, report) => {
      eachParameter(definition, (p, at) => {
        if (p.in !== 'body' && p.required === true && p['x-ms-visibility'] === 'internal' && p.default === undefined) {
          report(at, { name: String(p.name) });
        }
      });
      eachSchema(definition, (s, pointer) => {
        for (const name of (s.required ?? []) as string[]) {
          const prop = s.properties?.[name] as Json | undefined;
          if (
            prop?.['x-ms-visibility'] === 'internal' &&
            prop.default === undefined &&
            !prop['x-ms-notification-url']
          ) {
            report(`${pointer}/properties/${name}`, { name });
          }
        }
      });
    },
  },
  {
    key: 'visibilityValue',
    level: 'certification',
    source: '[D-ext] x-ms-visibility values; [Sch-sw] enum',
    check: ({ definition }, report) => {
      const ok = new Set(['important', 'advanced', 'internal']);
      const check = (node: Json, pointer: string) => {
        const v = node['x-ms-visibility'];
        if (v !== undefined && !ok.has(v)) report(`${pointer}/x-ms-visibility`, { value: String(v) });
      };
      eachSchema(definition, check);
      for (const e of operations(definition)) {
        check(e.op, e.pointer);
        for (const [i, raw] of ((e.op.parameters ?? []) as Json[]).entries())
          check(parameter(definition, raw), `${e.pointer}/parameters/${i}`);
      }
    },
  },
  {
    key: 'pathUrlEncoding',
    level: 'certification',
    source: '[D-rules] path parameters declare x-ms-url-encoding',
    check: ({ definition }, report) => {
      eachParameter(definition, (p, at) => {
        if (p.in === 'path' && p['x-ms-url-encoding'] === undefined) report(at, { name: String(p.name) });
      });
    },
  },
  {
    key: 'queryUrlEncoding',
    level: 'certification',
    source: '[D-rules] x-ms-url-encoding not on query parameters',
    check: ({ definition }, report) => {
      eachParameter(definition, (p, at) => {
        if (p.in === 'query' && p['x-ms-url-encoding'] !== undefined) report(at, { name: String(p.name) });
      });
    },
  },
  {
    key: 'notificationUrlRules',
    level: 'certification',
    source: '[D-rules] notification URL: body string, required at every level, internal; [D-wh]',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const body = ((e.op.parameters ?? []) as Json[])
          .map((p) => parameter(definition, p))
          .find((p) => p.in === 'body');
        const chain = body ? notificationChain(definition, body.schema as Json) : undefined;
        const webhook = Boolean(e.item['x-ms-notification-content']) && e.op['x-ms-trigger'] !== undefined;
        if (webhook && !chain) report(e.pointer, { id: e.id, problem: 'no body field has x-ms-notification-url' });
        if (!chain) continue;
        if (!chain.required || body?.required !== true)
          report(e.pointer, { id: e.id, problem: 'the notification URL is not required at every level' });
        if (!chain.internal)
          report(e.pointer, { id: e.id, problem: 'the notification URL (or a parent) is not internal' });
        if (!chain.string) report(e.pointer, { id: e.id, problem: 'the notification URL is not a string' });
      }
    },
  },
  {
    key: 'webhookNoDelete',
    level: 'certification',
    source: '[D-wh] a delete operation must be described',
    check: ({ definition }, report) => {
      const all = operations(definition);
      if (all.some((e) => e.method === 'delete')) return;
      for (const e of all)
        if (e.item['x-ms-notification-content'] && e.op['x-ms-trigger']) report(e.pointer, { id: e.id });
    },
  },
  {
    key: 'dynamicListMissing',
    level: 'certification',
    source: '[D-rules] x-ms-dynamic-list required with x-ms-dynamic-values on body properties',
    check: ({ definition }, report) => {
      eachSchema(definition, (s, pointer) => {
        if (s['x-ms-dynamic-values'] && !s['x-ms-dynamic-list'] && /\/properties\//.test(pointer))
          report(pointer, { where: pointer });
      });
    },
  },
  {
    key: 'dynamicPathMissing',
    level: 'certification',
    source: '[D-rules] the invoked operation defines the path',
    check: ({ definition }, report) => {
      const byId = new Map(operations(definition).map((e) => [e.op.operationId, e]));
      const responseOf = (id: string) => {
        const r = (byId.get(id)?.op.responses ?? {}) as Json;
        return r['200']?.schema ?? r['201']?.schema;
      };
      const at = (schema: Json, path: string): Json | undefined => {
        let cur: Json | undefined = schema;
        for (const part of path.split('/').filter(Boolean)) {
          cur = deref(definition, cur);
          if (!cur.properties && cur.type === undefined) return cur; // untyped: cannot tell
          cur = cur.properties?.[part] as Json | undefined;
          if (!cur) return undefined;
        }
        return cur;
      };
      const check = (node: Json, pointer: string) => {
        const dv = node['x-ms-dynamic-values'] as Json | undefined;
        if (!dv?.operationId || !byId.has(dv.operationId)) return;
        const response = responseOf(dv.operationId);
        if (!response) return;
        const collection = dv['value-collection'] ? at(response, dv['value-collection']) : response;
        if (!collection) {
          report(`${pointer}/x-ms-dynamic-values`, {
            extension: 'x-ms-dynamic-values',
            where: pointer,
            path: dv['value-collection'],
            id: dv.operationId,
          });
          return;
        }
        const items = deref(definition, deref(definition, collection).items as Json);
        for (const key of ['value-path', 'value-title']) {
          const path = dv[key];
          if (typeof path === 'string' && items.properties && !at(items, path)) {
            report(`${pointer}/x-ms-dynamic-values`, {
              extension: 'x-ms-dynamic-values',
              where: pointer,
              path,
              id: dv.operationId,
            });
          }
        }
      };
      eachSchema(definition, check);
      eachParameter(definition, check);
    },
  },
  {
    key: 'pageableName',
    level: 'certification',
    source: '[D-rules] nextLinkName is nextLink or @odata.nextLink',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const name = e.op['x-ms-pageable']?.nextLinkName;
        if (name !== undefined && name !== 'nextLink' && name !== '@odata.nextLink')
          report(`${e.pointer}/x-ms-pageable`, { name: String(name) });
      }
    },
  },
  {
    key: 'metadataMissing',
    level: 'certification',
    source: '[D-cert] ConnectorMetadataPropertiesMissing',
    check: ({ definition }, report) => {
      const names = ((definition['x-ms-connector-metadata'] ?? []) as Json[]).map((m) =>
        String(m.propertyName).toLowerCase(),
      );
      const missing = ['Website', 'Privacy policy', 'Categories'].filter((n) => !names.includes(n.toLowerCase()));
      if (missing.length > 0) report('/x-ms-connector-metadata', { missing: missing.join(', ') });
    },
  },
  {
    key: 'categoriesInvalid',
    level: 'certification',
    source: '[D-rules] InvalidConnectorCategory, TooManyConnectorCategories',
    check: ({ definition }, report) => {
      for (const [i, m] of ((definition['x-ms-connector-metadata'] ?? []) as Json[]).entries()) {
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

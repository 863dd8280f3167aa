import {
  deref,
  eachField,
  eachSchema,
  listOf,
  operationParameters,
  operations,
  operationsById,
  parameter,
  type Json,
} from '../document';
import { eachDynamicCall, eachTargetedCall, parameterNames, sourceOf } from '../dynamic-calls';
import type { Rule } from '../rule';

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
    const required = listOf(s.required).includes(k);
    const internal = child['x-ms-visibility'] === 'internal' || deref(def, child)['x-ms-visibility'] === 'internal';
    if (child['x-ms-notification-url'] === true)
      return { required, internal, string: deref(def, child).type === 'string' };
    const inner = notificationChain(def, child, seen);
    if (inner)
      return { required: required && inner.required, internal: internal || inner.internal, string: inner.string };
  }
  return undefined;
}

/** Webhooks, dynamic values and paging (§3.2, §4.1, §6.5). */
export const triggerRules: Rule[] = [
  {
    key: 'notificationUrlRules',
    level: 'certification',
    source: '[D-rules] notification URL: body string, required at every level, internal; [D-wh]',
    restates: [
      'webhookWithoutNotificationUrl',
      'notificationUrlNotRequired',
      'notificationUrlNotInternal',
      'notificationUrlNotString',
    ],
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
    key: 'webhookTriggerKind',
    level: 'certification',
    source: '[D-wh] a webhook registration is x-ms-trigger "single"; [C] all 650 corpus webhooks are',
    restates: 'webhookNotSingle',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const kind = e.op['x-ms-trigger'];
        if (e.item['x-ms-notification-content'] && kind !== undefined && kind !== 'single')
          report(e.pointer, { id: e.id, kind: JSON.stringify(kind) });
      }
    },
  },
  {
    key: 'webhookNoDelete',
    level: 'certification',
    source: '[D-wh] a delete operation must be described',
    restates: 'webhookWithoutDelete',
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
    restates: 'referencePathMissing',
    check: ({ definition }, report) => {
      const byId = operationsById(definition);
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
        // A value of another type is not a path; the extension's own shape is not this rule's concern.
        const path: unknown = dv['value-collection'];
        const collection = typeof path === 'string' && path !== '' ? at(response, path) : response;
        if (!collection) {
          report(`${pointer}/x-ms-dynamic-values`, {
            extension: 'x-ms-dynamic-values',
            where: pointer,
            path: String(path),
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
      eachField(definition, check);
    },
  },
  {
    key: 'dynamicParameterUnknown',
    level: 'certification',
    source: '[D-ext] dynamic parameters name parameters of the called operation',
    restates: 'referenceParameterUnknown',
    check: ({ definition }, report) => {
      eachTargetedCall(definition, (call, target) => {
        const known = parameterNames(definition, target);
        for (const name of Object.keys(call.parameters)) {
          if (!known.includes(name))
            report(call.pointer, {
              extension: call.extension,
              name,
              target: target.id,
              known: known.join(', ') || 'none',
            });
        }
      });
    },
  },
  {
    key: 'dynamicParameterMissing',
    level: 'certification',
    source: '[D-ext] the designer calls the operation with the parameters the extension binds',
    restates: 'dynamicParameterUnbound',
    check: ({ definition }, report) => {
      eachTargetedCall(definition, (call, target) => {
        // A default is what the platform fills in, as the corpus's internal ones have.
        for (const { p } of operationParameters(definition, target)) {
          if (p.required === true && p.in !== 'body' && p.default === undefined && !(p.name in call.parameters))
            report(call.pointer, { extension: call.extension, name: String(p.name), target: target.id });
        }
      });
    },
  },
  {
    key: 'dynamicSourceUnknown',
    level: 'certification',
    source: '[D-ext] a dynamic parameter takes its value from a parameter of the calling operation',
    restates: 'referenceSourceUnknown',
    check: ({ definition }, report) => {
      eachDynamicCall(definition, (call) => {
        // In a body, the legacy form names a sibling property, which this rule does not judge.
        if (!call.onParameter) return;
        const known = parameterNames(definition, call.caller);
        for (const argument of Object.values(call.parameters)) {
          const source = sourceOf(argument);
          if (source !== undefined && !known.includes(source) && !source.startsWith('body/'))
            report(call.pointer, {
              extension: call.extension,
              name: source,
              id: call.caller.id,
              known: known.join(', ') || 'none',
            });
        }
      });
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
];

import { eachParameter, eachSchema, listOf, operations, parameter, type Json } from '../document';
import type { Rule } from '../rule';

/** Parameters and fields: visibility, defaults, URL encoding (§3.2, §6.3). */
export const parameterRules: Rule[] = [
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
        for (const name of listOf(s.required).filter((n): n is string => typeof n === 'string')) {
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
    key: 'internalDefaultOptional',
    level: 'certification',
    source: '[D-rules] InternalPropertyWithDefaultOptional: an optional internal field with a default is dropped',
    check: ({ definition }, report) => {
      eachParameter(definition, (p, at) => {
        if (p.in !== 'body' && p.required !== true && p['x-ms-visibility'] === 'internal' && p.default !== undefined) {
          report(at, { name: String(p.name) });
        }
      });
      eachSchema(definition, (s, pointer) => {
        const required = new Set(listOf(s.required));
        for (const [name, prop] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
          if (prop?.['x-ms-visibility'] === 'internal' && prop.default !== undefined && !required.has(name)) {
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
    restates: 'urlEncodingOnQuery',
    check: ({ definition }, report) => {
      eachParameter(definition, (p, at) => {
        if (p.in === 'query' && p['x-ms-url-encoding'] !== undefined) report(at, { name: String(p.name) });
      });
    },
  },
];

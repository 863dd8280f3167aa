import {
  eachParameter,
  eachSchema,
  eachSchemaThrough,
  listOf,
  operationParameters,
  operations,
  parameter,
  seg,
  type Json,
} from '../document';
import { wireNameProblem } from '../../model/parameter-placement';
import { formConsumesProblem } from '../../model/media-types';
import { credentialHeader } from '../../model/security';
import type { Rule } from '../rule';

/** Parameters and fields: visibility, defaults, URL encoding (§3.2, §6.3). */
export const parameterRules: Rule[] = [
  {
    key: 'internalRequiredNoDefault',
    level: 'certification',
    source: '[D-ext] internal and required needs a default; [D-rules] PropertyMustBeRequired',
    restates: 'internalRequiredWithoutDefault',
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
    key: 'parameterWireName',
    level: 'certification',
    source: '[D-rules] form-data names are US-ASCII; header names are RFC 9110 tokens',
    restates: 'invalidParameterName',
    check: ({ definition }, report) => {
      eachParameter(definition, (p, at) => {
        const problem = typeof p.name === 'string' ? wireNameProblem(String(p.in), p.name) : undefined;
        if (problem) report(at, { name: p.name as string, ...problem });
      });
    },
  },
  {
    key: 'authHeaderParameter',
    level: 'certification',
    source: '[D-conn] the connection sends the credentials, in the header its scheme names',
    restates: 'headerParameterForbidden',
    check: ({ definition }, report) => {
      const reserved = new Set(
        Object.values((definition.securityDefinitions ?? {}) as Json).map((s: Json) =>
          credentialHeader(s ?? {}, s?.name),
        ),
      );
      eachParameter(definition, (p, at) => {
        if (p.in === 'header' && typeof p.name === 'string' && reserved.has(p.name.toLowerCase()))
          report(at, { name: p.name });
      });
    },
  },
  {
    key: 'formConsumes',
    level: 'certification',
    source: '[Sch-sw] formData needs a form media type; [D-rules] no binary form fields with urlencoded',
    restates: 'formMediaType',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const form = operationParameters(definition, e).filter(({ p }) => p.in === 'formData');
        if (form.length === 0) continue;
        const consumes = listOf(e.op.consumes ?? definition.consumes).filter((t): t is string => typeof t === 'string');
        const file = form.find(({ p }) => p.type === 'file' || p.format === 'binary');
        const problem = formConsumesProblem(consumes, file && String(file.p.name));
        if (!problem) continue;
        const { on, fix, ...args } = problem;
        report(on === 'file' && file ? file.at : e.pointer, { ...args, fix: `${fix}.` });
      }
    },
  },
  {
    key: 'readOnlyRequiredBody',
    level: 'certification',
    source: '[D-rules] an input property cannot be both readOnly and required',
    restates: 'readOnlyRequiredInput',
    check: ({ definition }, report) => {
      // Each property once, with the first operation that takes it, as the build reports it.
      const seen = new Set<string>();
      eachParameter(definition, (p, at, e) => {
        if (p.in !== 'body') return;
        eachSchemaThrough(definition, p.schema, `${at}/schema`, seen, (s, pointer) => {
          const required = listOf(s.required);
          for (const [name, property] of Object.entries((s.properties ?? {}) as Json)) {
            if ((property as Json)?.readOnly === true && required.includes(name))
              report(`${pointer}/properties/${seg(name)}`, { name, operation: e.id });
          }
        });
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

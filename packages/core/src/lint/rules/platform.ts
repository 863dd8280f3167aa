import {
  eachField,
  eachParameter,
  eachSchema,
  isObject,
  listOf,
  operationParameters,
  operations,
  parameter,
  seg,
  type Json,
} from '../document';
import { parameterIdentity } from '../../model/parameter-placement';
import { repeatedVariable } from '../../model/paths';
import type { Rule } from '../rule';

const HOST = /^[^{}/ :\\]+(?::\d+)?$/;
const DYNAMIC = ['x-ms-dynamic-values', 'x-ms-dynamic-list', 'x-ms-dynamic-schema', 'x-ms-dynamic-properties'];

/** What import into Power Platform rejects (reference §2, §6.1, §6.3, [D-rules]). */
export const platformRules: Rule[] = [
  {
    key: 'swaggerVersion',
    level: 'platform',
    source: '[D-rules] SpecificationVersionIncorrect',
    check: ({ definition }, report) => {
      if (definition.swagger !== '2.0') report('/swagger', { found: JSON.stringify(definition.swagger) });
    },
  },
  {
    key: 'hostInvalid',
    level: 'platform',
    source: '[D-rules] HostNameNotValid; [Sch-sw] host pattern',
    check: ({ definition }, report) => {
      if (definition.host !== undefined && !HOST.test(String(definition.host)))
        report('/host', { host: String(definition.host) });
    },
  },
  {
    key: 'basePathInvalid',
    level: 'platform',
    source: '[D-rules] BasePathNotValid',
    check: ({ definition }, report) => {
      if (definition.basePath !== undefined && !String(definition.basePath).startsWith('/')) {
        report('/basePath', { basePath: String(definition.basePath) });
      }
    },
  },
  {
    key: 'schemesInvalid',
    level: 'platform',
    source: '[D-rules] schemes; §2',
    check: ({ definition }, report) => {
      const s = definition.schemes as unknown;
      if (s !== undefined && (!Array.isArray(s) || s.length === 0 || s.some((x) => x !== 'http' && x !== 'https'))) {
        report('/schemes', { found: JSON.stringify(s) });
      }
    },
  },
  {
    key: 'operationIdMissing',
    level: 'platform',
    source: '[D-rules] OperationIdRequired',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) if (!e.op.operationId) report(e.pointer);
    },
  },
  {
    key: 'operationIdDuplicate',
    level: 'platform',
    source: '[D-rules] OperationIdNotUnique',
    check: ({ definition }, report) => {
      const seen = new Set<string>();
      for (const e of operations(definition)) {
        if (!e.op.operationId) continue;
        if (seen.has(e.op.operationId)) report(`${e.pointer}/operationId`, { id: e.op.operationId });
        seen.add(e.op.operationId);
      }
    },
  },
  {
    key: 'pathParameterUndeclared',
    level: 'platform',
    source: '[D-rules] path template variables; [Sch-sw]',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const declared = operationParameters(definition, e)
          .filter(({ p }) => p.in === 'path')
          .map(({ p }) => p.name);
        for (const m of e.path.matchAll(/\{([^{}/]+)\}/g))
          if (!declared.includes(m[1])) report(e.pointer, { name: m[1] });
      }
    },
  },
  {
    key: 'pathVariableRepeated',
    level: 'platform',
    source: '[Sch-sw] path templating; swagger-parser refuses repeated placeholders',
    check: ({ definition }, report) => {
      for (const path of Object.keys(isObject(definition.paths) ? definition.paths : {})) {
        const name = repeatedVariable(path);
        if (name !== undefined) report(`/paths/${seg(path)}`, { path, name });
      }
    },
  },
  {
    key: 'pathParameterUnused',
    level: 'platform',
    source: '[D-rules] path parameters appear in the template; [Sch-sw]',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const variables = [...e.path.matchAll(/\{([^{}/]+)\}/g)].map((m) => m[1]);
        for (const { p, at } of operationParameters(definition, e)) {
          if (p.in === 'path' && typeof p.name === 'string' && !variables.includes(p.name))
            report(at, { name: p.name, path: e.path });
        }
      }
    },
  },
  {
    key: 'pathParameterOptional',
    level: 'platform',
    source: '[Sch-sw] pathParameterSubSchema required: true',
    check: ({ definition }, report) => {
      eachParameter(definition, (p, at) => {
        if (p.in === 'path' && p.required !== true) report(at, { name: String(p.name) });
      });
    },
  },
  {
    key: 'bodyParameters',
    level: 'platform',
    source: '[D-rules] one body; not both body and formData',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const all = operationParameters(definition, e).map(({ p }) => p);
        const bodies = all.filter((p) => p.in === 'body').length;
        const form = all.some((p) => p.in === 'formData');
        if (bodies > 1 || (bodies === 1 && form)) report(e.pointer, { count: bodies });
      }
    },
  },
  {
    key: 'bodyOnGetRequest',
    level: 'platform',
    source: '[D-rules] GET may not have body or formData',
    restates: 'bodyOnGet',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        // What the platform refuses: the build also refuses a body on HEAD and OPTIONS, a judgement
        // the sources do not make of the platform.
        if (e.method !== 'get') continue;
        // At the body (else the first form field), where the build reports it too.
        const all = operationParameters(definition, e);
        const found = all.find(({ p }) => p.in === 'body') ?? all.find(({ p }) => p.in === 'formData');
        if (found) report(found.at, { method: e.method.toUpperCase() });
      }
    },
  },
  {
    key: 'fileNotInForm',
    level: 'platform',
    source: '[D-rules] FileParameterMustBeInFormData, SchemaTypeFileNotValid',
    check: ({ definition }, report) => {
      eachParameter(definition, (p, at) => {
        if (p.type === 'file' && p.in !== 'formData') report(at);
      });
      // Inside schemas, `file` is only allowed as a whole response (checked where it stands).
      eachSchema(definition, (s, pointer) => {
        if (s.type === 'file' && !/\/responses\/[^/]+\/schema$/.test(pointer)) report(pointer);
      });
    },
  },
  {
    key: 'securityUndefined',
    // Certified connectors (Encodian) name undefined schemes, so import does not reject it.
    level: 'certification',
    source: '[D-rules] security requirement names',
    check: ({ definition }, report) => {
      const defined = new Set(Object.keys(definition.securityDefinitions ?? {}));
      const check = (reqs: unknown, pointer: string) => {
        for (const [i, r] of ((Array.isArray(reqs) ? reqs : []) as Json[]).entries()) {
          for (const name of Object.keys(r ?? {})) if (!defined.has(name)) report(`${pointer}/${i}`, { name });
        }
      };
      check(definition.security, '/security');
      for (const e of operations(definition)) check(e.op.security, `${e.pointer}/security`);
    },
  },
  {
    key: 'parameterTwice',
    level: 'platform',
    source: '[Sch-sw] Swagger 2.0: a list of parameters holds each name and location once',
    restates: 'duplicateParameter',
    check: ({ definition }, report) => {
      // Within one list: an operation's parameter may override its path item's of the same name.
      const lists = operations(definition).flatMap((e) => [
        { list: e.item.parameters, at: `/paths/${seg(e.path)}/parameters` },
        { list: e.op.parameters, at: `${e.pointer}/parameters` },
      ]);
      for (const { list, at } of lists) {
        const seen = new Set<string>();
        for (const [i, raw] of listOf(list).entries()) {
          const p = parameter(definition, raw as Json);
          if (typeof p.name !== 'string' || typeof p.in !== 'string') continue;
          const key = parameterIdentity(p.in, p.name);
          if (seen.has(key)) report(`${at}/${i}`, { name: p.name, in: p.in });
          seen.add(key);
        }
      }
    },
  },
  {
    key: 'reservedParameter',
    level: 'platform',
    source: '[D-rules] a parameter may not be named connectionId',
    restates: 'reservedParameterName',
    check: ({ definition }, report) => {
      eachParameter(definition, (p, at) => {
        if (String(p.name).toLowerCase() === 'connectionid') report(at, { name: String(p.name) });
      });
    },
  },
  {
    key: 'tooManyOperations',
    level: 'platform',
    source: '[D-faq] TotalOperationsCountExceedsMaxAllowed (256)',
    check: ({ definition }, report) => {
      const count = operations(definition).length;
      if (count > 256) report('/paths', { count });
    },
  },
  {
    key: 'dynamicTargetMissing',
    level: 'platform',
    source: '[D-ext] dynamic values/schema call an operation of the connector',
    check: ({ definition }, report) => {
      const ids = new Set(operations(definition).map((e) => e.op.operationId));
      const look = (node: Json, pointer: string) => {
        for (const ext of DYNAMIC) {
          const id = node[ext]?.operationId;
          if (typeof id === 'string' && !ids.has(id)) report(`${pointer}/${ext}`, { extension: ext, id });
        }
      };
      eachField(definition, look);
    },
  },
];

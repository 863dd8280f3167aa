import { operations, type Json } from '../document';
import type { Rule } from '../rule';

const success = (status: string) => /^2\d\d$/.test(status);

/** Responses ([D-rules] §6.4). */
export const responseRules: Rule[] = [
  {
    key: 'successResponseMissing',
    level: 'certification',
    source: '[D-rules] at least one 2xx response; [D-code] use 2xx for success',
    restates: 'noSuccessResponse',
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
];

import { eachField, operations, type Json } from '../document';
import type { Rule } from '../rule';

const SMALL = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'per',
  'the',
  'to',
  'via',
  'vs',
  'with',
]);
const RESTRICTED = [
  'API',
  'Connector',
  'Power Automate',
  'Power Apps',
  'Logic Apps',
  'Power Platform',
  'Microsoft Flow',
];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Title Case: each word starts with a capital (or a digit), small words excepted after the first. */
export function isTitleCase(label: string): boolean {
  return label
    .split(/\s+/)
    .filter(Boolean)
    .every((w, i) => !/^[a-z]/.test(w) || (i > 0 && SMALL.has(w.toLowerCase())));
}

/** Connector and operation text (reference §6.2, [D-cert], [D-str]). */
export const textRules: Rule[] = [
  {
    key: 'titleLength',
    level: 'certification',
    source: '[D-cert] title ≤ 30 characters',
    check: ({ definition }, report) => {
      const t = String(definition.info?.title ?? '');
      if (t.length > 30) report('/info/title', { length: t.length });
    },
  },
  {
    key: 'titleWords',
    level: 'certification',
    source: '[D-cert], [D-str] no "API", "Connector" or product names',
    check: ({ definition }, report) => {
      const t = String(definition.info?.title ?? '');
      const word = RESTRICTED.find((w) => new RegExp(`\\b${w}\\b`, 'i').test(t));
      if (word) report('/info/title', { word });
    },
  },
  {
    key: 'titleEnding',
    level: 'certification',
    source: '[D-cert] title ends with an alphanumeric character',
    check: ({ definition }, report) => {
      const t = String(definition.info?.title ?? '');
      if (t && !/[\p{L}\p{N}]$/u.test(t)) report('/info/title', { char: t.slice(-1) });
    },
  },
  {
    key: 'descriptionLength',
    level: 'certification',
    source: '[D-cert] description of 30 to 500 characters',
    check: ({ definition }, report) => {
      const d = String(definition.info?.description ?? '');
      if (d.length < 30 || d.length > 500) report('/info/description', { length: d.length });
    },
  },
  {
    key: 'contactIncomplete',
    level: 'certification',
    source: '[D-cert] contact name, url, email; [D-rules] ContactEmailNotValid',
    check: ({ definition }, report) => {
      const c = (definition.info?.contact ?? {}) as Json;
      const missing = ['name', 'url', 'email'].filter((k) => !c[k]);
      if (c.email && !EMAIL.test(String(c.email))) missing.push('a valid email');
      // Where there is no contact, at the info it belongs in: a pointer to nothing has no line.
      if (missing.length > 0)
        report(definition.info?.contact ? '/info/contact' : '/info', { missing: missing.join(', ') });
    },
  },
  {
    key: 'summaryMissing',
    level: 'certification',
    source: '[D-cert] every operation needs a summary',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) if (!e.op.summary) report(e.pointer, { id: e.id });
    },
  },
  {
    key: 'summaryLength',
    level: 'certification',
    source: '[D-cert], [D-str] summary ≤ 80 characters',
    restates: 'summaryTooLong',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const s = String(e.op.summary ?? '');
        if (s.length > 80) report(`${e.pointer}/summary`, { id: e.id, length: s.length });
      }
    },
  },
  {
    key: 'summaryCharacters',
    level: 'certification',
    source: '[D-rules] RestrictedCharactersInSummary, ValueMustEndWithAlphanumeric',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const s = String(e.op.summary ?? '');
        if (!s) continue;
        if (s.includes('/')) report(`${e.pointer}/summary`, { id: e.id, problem: 'contains "/"' });
        else if (!/[\p{L}\p{N})]$/u.test(s))
          report(`${e.pointer}/summary`, { id: e.id, problem: `ends with "${s.slice(-1)}"` });
      }
    },
  },
  {
    key: 'descriptionMissing',
    level: 'certification',
    source: '[D-cert] every operation needs a description',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) if (!e.op.description) report(e.pointer, { id: e.id });
    },
  },
  {
    key: 'descriptionIsSummary',
    level: 'certification',
    source: '[D-cert], [D-str] description differs from summary',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const norm = (x: unknown) =>
          String(x ?? '')
            .trim()
            .replace(/[.!]$/, '')
            .toLowerCase();
        if (e.op.description && norm(e.op.description) === norm(e.op.summary))
          report(`${e.pointer}/description`, { id: e.id });
      }
    },
  },
  {
    key: 'labelNotTitleCase',
    level: 'certification',
    source: '[D-str] x-ms-summary in Title Case',
    check: ({ definition }, report) => {
      const check = (node: Json, pointer: string) => {
        const label = node['x-ms-summary'];
        if (typeof label === 'string' && label && !isTitleCase(label)) report(`${pointer}/x-ms-summary`, { label });
      };
      eachField(definition, check);
    },
  },
  {
    key: 'labelLength',
    level: 'certification',
    source: '[D-str] x-ms-summary ≤ 80 characters',
    check: ({ definition }, report) => {
      const check = (node: Json, pointer: string) => {
        const label = node['x-ms-summary'];
        if (typeof label === 'string' && label.length > 80)
          report(`${pointer}/x-ms-summary`, { label: `${label.slice(0, 40)}…` });
      };
      eachField(definition, check);
    },
  },
  {
    key: 'operationIdCharacters',
    level: 'certification',
    source: '[D-rules] OperationIdSanitized; [D-code] PascalCase',
    restates: 'invalidOperationId',
    check: ({ definition }, report) => {
      for (const e of operations(definition)) {
        const id = e.op.operationId;
        if (typeof id === 'string' && !/^[A-Za-z0-9_]+$/.test(id)) report(`${e.pointer}/operationId`, { id });
      }
    },
  },
];

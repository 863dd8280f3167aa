import { isObject, type Json } from './read';

/** Each operation key with a first-class option, and how its value becomes that option. */
export const OPERATION_KEYS: Record<string, (v: unknown) => Json | undefined> = {
  operationId: () => ({}),
  summary: (v) => (typeof v === 'string' ? { summary: v } : undefined),
  description: (v) => (typeof v === 'string' ? { description: v } : undefined),
  tags: (v) => (Array.isArray(v) && v.every((t) => typeof t === 'string') ? { tags: v } : undefined),
  externalDocs: (v) => (externalDocsFit(v) ? { externalDocs: v } : undefined),
  consumes: (v) => (Array.isArray(v) && v.every((t) => typeof t === 'string') ? { consumes: v } : undefined),
  produces: (v) => (Array.isArray(v) && v.every((t) => typeof t === 'string') ? { produces: v } : undefined),
  deprecated: (v) => (v === true ? { deprecated: true } : v === false ? {} : undefined),
  security: (v) => (Array.isArray(v) && v.every(isObject) ? { security: v } : undefined),
  'x-ms-visibility': (v) => (v === 'important' || v === 'advanced' || v === 'internal' ? { visibility: v } : undefined),
  'x-ms-api-annotation': (v) => (annotationFits(v) ? { annotation: v } : undefined),
  'x-ms-no-generic-test': (v) => (typeof v === 'boolean' ? { noGenericTest: v } : undefined),
  'x-ms-openai-data': (v) => (isObject(v) ? { openAiData: v } : undefined),
  'x-ms-pageable': (v) =>
    isObject(v) &&
    Object.keys(v).length === 1 &&
    (v.nextLinkName === 'nextLink' || v.nextLinkName === '@odata.nextLink')
      ? { pageable: v }
      : undefined,
  'x-ms-capabilities': (v) =>
    isObject(v) && Object.keys(v).length === 1 && v.chunkTransfer === true ? { chunkTransfer: true } : undefined,
  'x-ms-safe-operation': (v) => (typeof v === 'boolean' ? { safe: v } : undefined),
};

/** The same for the keys only a trigger takes. */
export const TRIGGER_KEYS: Record<string, (v: unknown) => Json | undefined> = {
  'x-ms-trigger': (v) => (v === 'single' || v === 'batch' ? { kind: v } : undefined),
  'x-ms-trigger-hint': (v) => (typeof v === 'string' ? { hint: v } : undefined),
  'x-ms-trigger-metadata': (v) =>
    isObject(v) && Object.keys(v).length === 2 && v.kind === 'query' && v.mode === 'polling'
      ? { pollingMetadata: true }
      : undefined,
};

/** An `externalDocs` the option holds: a URL, and a description. */
export function externalDocsFit(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.url === 'string' &&
    (v.description === undefined || typeof v.description === 'string') &&
    Object.keys(v).every((k) => k === 'url' || k === 'description')
  );
}

function annotationFits(v: unknown): boolean {
  if (!isObject(v)) return false;
  const keysOk = Object.keys(v).every((k) => ['family', 'revision', 'status', 'replacement'].includes(k));
  const statusOk = v.status === undefined || v.status === 'Preview' || v.status === 'Production';
  const replacementOk =
    v.replacement === undefined ||
    (isObject(v.replacement) &&
      Object.keys(v.replacement).length === 2 &&
      typeof v.replacement.api === 'string' &&
      typeof v.replacement.operationId === 'string');
  const familyOk = v.family === undefined || typeof v.family === 'string';
  const revisionOk = v.revision === undefined || typeof v.revision === 'number';
  return keysOk && statusOk && replacementOk && familyOk && revisionOk;
}

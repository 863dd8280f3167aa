import type {
  DynamicArgumentModel,
  DynamicSchemaModel,
  DynamicTreeModel,
  DynamicValuesModel,
} from '../../schema/model';
import { compact } from '../json';

type Json = Record<string, unknown>;

/** Legacy form: `{ parameter: name }` names a sibling parameter by its plain name. */
function legacyArgs(args: Readonly<Record<string, DynamicArgumentModel>>): Json | undefined {
  const entries = Object.entries(args);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map(([k, a]) => [k, 'parameter' in a ? { parameter: a.parameter.split('/').pop() } : a.literal]),
  );
}

/** Newer form: `{ value }` literals and `{ parameterReference }` paths. */
function listArgs(args: Readonly<Record<string, DynamicArgumentModel>>): Json | undefined {
  const entries = Object.entries(args);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map(([k, a]) => [k, 'parameter' in a ? { parameterReference: a.parameter } : { value: a.literal }]),
  );
}

/**
 * `x-ms-dynamic-values` and `x-ms-dynamic-list` together: the legacy form for old designers, the
 * newer one because it references body fields unambiguously (reference §3.2).
 */
export function dynamicValues(d: DynamicValuesModel): Json {
  return {
    'x-ms-dynamic-values': compact({
      operationId: d.operationId,
      parameters: legacyArgs(d.parameters),
      'value-collection': d.collection,
      'value-path': d.value,
      'value-title': d.title,
    }),
    'x-ms-dynamic-list': compact({
      operationId: d.operationId,
      parameters: listArgs(d.parameters),
      itemsPath: d.collection,
      itemValuePath: d.value,
      itemTitlePath: d.title,
    }),
  };
}

/** `x-ms-dynamic-schema` and `x-ms-dynamic-properties` (the docs ask for both). */
export function dynamicSchema(d: DynamicSchemaModel): Json {
  // itemValuePath must equal value-path without a trailing `properties` (validator rule).
  const itemValuePath = d.valuePath?.replace(/\/?properties$/, '') || undefined;
  return {
    'x-ms-dynamic-schema': compact({
      operationId: d.operationId,
      parameters: legacyArgs(d.parameters),
      'value-path': d.valuePath,
    }),
    'x-ms-dynamic-properties': compact({
      operationId: d.operationId,
      parameters: listArgs(d.parameters),
      itemValuePath,
    }),
  };
}

export function dynamicTree(t: DynamicTreeModel): Json {
  const call = (c: DynamicTreeModel['open']) =>
    compact({
      operationId: c.operationId,
      parameters: c.parameters,
      itemsPath: c.itemsPath,
      itemValuePath: c.itemValuePath,
      itemTitlePath: c.itemTitlePath,
      itemFullTitlePath: c.itemFullTitlePath,
      itemIsParent: c.itemIsParent,
    });
  return {
    'x-ms-dynamic-tree': compact({
      settings: t.settings,
      open: call(t.open),
      browse: t.browse ? call(t.browse) : undefined,
    }),
  };
}

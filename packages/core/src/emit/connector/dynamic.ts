import type {
  DynamicArgumentModel,
  DynamicListModel,
  DynamicPropertiesModel,
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

/** `x-ms-dynamic-values`: the legacy form, `{ parameter }` naming a sibling by its plain name. */
export function dynamicValues(d: DynamicValuesModel): Json {
  return {
    'x-ms-dynamic-values': compact({
      operationId: d.target ? d.operationId : undefined,
      capability: d.capability,
      parameters: legacyArgs(d.parameters) ?? (d.emptyParameters ? {} : undefined),
      'value-collection': d.collection,
      'value-path': d.value,
      'value-title': d.title,
    }),
  };
}

/** `x-ms-dynamic-list`: `{ value }` literals and `{ parameterReference }` paths (reference §3.2). */
export function dynamicList(d: DynamicListModel): Json {
  return {
    'x-ms-dynamic-list': compact({
      operationId: d.operationId,
      parameters: Object.keys(d.parameters).length > 0 || d.emptyParameters ? { ...d.parameters } : undefined,
      itemsPath: d.itemsPath,
      itemValuePath: d.itemValuePath,
      itemTitlePath: d.itemTitlePath,
    }),
  };
}

/** `x-ms-dynamic-schema`. */
export function dynamicSchema(d: DynamicSchemaModel): Json {
  return {
    'x-ms-dynamic-schema': compact({
      operationId: d.operationId,
      parameters: legacyArgs(d.parameters) ?? (d.emptyParameters ? {} : undefined),
      'value-path': d.valuePath,
    }),
  };
}

/** `x-ms-dynamic-properties`. */
export function dynamicProperties(d: DynamicPropertiesModel): Json {
  return {
    'x-ms-dynamic-properties': compact({
      operationId: d.operationId,
      parameters: Object.keys(d.parameters).length > 0 || d.emptyParameters ? { ...d.parameters } : undefined,
      itemValuePath: d.itemValuePath,
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

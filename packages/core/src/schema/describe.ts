import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import type {
  DescribedOptions,
  DynamicArgument,
  DynamicListArgument,
  DynamicListOptions,
  DynamicPropertiesOptions,
  DynamicSchemaOptions,
  DynamicValuesOptions,
} from '../types';
import { enumDisplayNames, enumMembers } from './converters';
import { checkFormat } from './formats';
import type { DynamicArgumentModel, SchemaModel } from './model';

function argument(a: DynamicArgument): DynamicArgumentModel {
  return typeof a === 'object' && a !== null && !Array.isArray(a) && 'parameter' in a
    ? { parameter: (a as { parameter: string }).parameter }
    : { literal: a };
}

function argumentsOf(p: Readonly<Record<string, DynamicArgument>> | undefined): Record<string, DynamicArgumentModel> {
  return Object.fromEntries(Object.entries(p ?? {}).map(([k, v]) => [k, argument(v)]));
}

/** `parameters: {}` written out: kept as declared rather than left out. */
function isEmpty(p: object | undefined): true | undefined {
  return p !== undefined && Object.keys(p).length === 0 ? true : undefined;
}

/** Legacy arguments in the newer form: `{ value }` literals and `{ parameterReference }` paths. */
function listArguments(
  args: Readonly<Record<string, DynamicArgument>> | undefined,
): Record<string, DynamicListArgument> | undefined {
  if (args === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(args).map(([k, a]) => {
      const m = argument(a);
      return [k, 'parameter' in m ? { parameterReference: m.parameter } : { value: m.literal }];
    }),
  );
}

/** The `x-ms-dynamic-list` Flowport writes beside dynamic values: it names body fields unambiguously (§3.2). */
function listOf(d: DynamicValuesOptions | undefined): DynamicListOptions | undefined {
  if (!d?.operation) return undefined;
  return {
    operation: d.operation,
    parameters: listArguments(d.parameters),
    itemsPath: d.collection,
    itemValuePath: d.value,
    itemTitlePath: d.title,
  };
}

/** The `x-ms-dynamic-properties` beside a dynamic schema (the docs ask for both). */
function propertiesOf(d: DynamicSchemaOptions | undefined): DynamicPropertiesOptions | undefined {
  if (!d) return undefined;
  // itemValuePath is value-path without a trailing `properties` (validator rule).
  // A valuePath of another type is reported by checkParameterOptions/checkFieldOptions.
  const itemValuePath = (typeof d.valuePath === 'string' && d.valuePath.replace(/\/?properties$/, '')) || undefined;
  return { operation: d.operation, parameters: listArguments(d.parameters), itemValuePath };
}

/**
 * Applies the connector-facing options shared by parameters and fields (label, help text,
 * visibility, enum display names, dynamic sources…) to a schema. Operation references stay as
 * thunks here; `resolve()` turns them into operationIds once every operation is known.
 */
export function applyDescribed(
  s: SchemaModel,
  o: DescribedOptions,
  bag: DiagnosticBag,
  at: SourceLocation,
  conventions = true,
): void {
  if (o.summary !== undefined) s.summary = o.summary;
  if (o.description !== undefined) s.description = o.description;
  if (o.visibility !== undefined) s.visibility = o.visibility;
  if (o.default !== undefined) s.default = o.default;
  if (o.format !== undefined) {
    s.format = o.format;
    checkFormat(o.format, bag, at);
    // The validator's InvalidStringBinaryProperty: bytes inside JSON are base64 ("byte").
    if (o.format === 'binary' && at.property !== undefined && conventions) bag.report('binaryProperty', at);
  }
  if (o.example !== undefined) s.example = o.example;
  if (o.testValue !== undefined) s.testValue = o.testValue;
  if (o.enum !== undefined) {
    s.enum = enumMembers(o.enum);
    if (!Array.isArray(o.enumValues)) s.enumValues = enumDisplayNames(o.enum);
  }
  // Anything else is reported by checkParameterOptions/checkFieldOptions.
  if (Array.isArray(o.enumValues)) {
    s.enumValues = [...o.enumValues];
    for (const v of o.enumValues) {
      if (s.enum && !s.enum.includes(v.value)) bag.report('enumValueNotInEnum', at, { value: JSON.stringify(v.value) });
    }
    s.enum ??= o.enumValues.map((v) => v.value);
  }
  if (o.dynamicValues) {
    const d = o.dynamicValues;
    s.dynamicValues = {
      target: d.operation,
      capability: d.capability,
      operationId: '',
      parameters: argumentsOf(d.parameters),
      emptyParameters: isEmpty(d.parameters),
      collection: d.collection,
      value: d.value,
      title: d.title,
    };
  }
  if (o.dynamicSchema) {
    const d = o.dynamicSchema;
    s.dynamicSchema = {
      target: d.operation,
      operationId: '',
      parameters: argumentsOf(d.parameters),
      emptyParameters: isEmpty(d.parameters),
      valuePath: d.valuePath,
    };
  }
  const list = o.dynamicList ?? (conventions ? listOf(o.dynamicValues) : undefined);
  if (list) {
    s.dynamicList = {
      target: list.operation,
      operationId: '',
      parameters: { ...list.parameters },
      emptyParameters: isEmpty(list.parameters),
      itemsPath: list.itemsPath,
      itemValuePath: list.itemValuePath,
      itemTitlePath: list.itemTitlePath,
    };
  }
  const properties = o.dynamicProperties ?? (conventions ? propertiesOf(o.dynamicSchema) : undefined);
  if (properties) {
    s.dynamicProperties = {
      target: properties.operation,
      operationId: '',
      parameters: { ...properties.parameters },
      emptyParameters: isEmpty(properties.parameters),
      itemValuePath: properties.itemValuePath,
    };
  }
  if (o.dynamicTree) {
    const t = o.dynamicTree;
    const call = (c: NonNullable<typeof t.browse>) => ({ ...c, target: c.operation, operationId: '' });
    s.dynamicTree = { settings: t.settings, open: call(t.open), browse: t.browse ? call(t.browse) : undefined };
  }
  if (o.extensions) s.extensions = { ...s.extensions, ...o.extensions };
}

import type { SchemaModel, SchemaTable } from '../../schema/model';
import { constraintKeywords } from '../constraints';
import { compact } from '../json';
import { dynamicSchema, dynamicTree, dynamicValues } from './dynamic';

type Json = Record<string, unknown>;

/** Keys that are annotations: Swagger forbids them beside `$ref`, so such schemas are inlined. */
const ANNOTATIONS: (keyof SchemaModel)[] = [
  'summary',
  'description',
  'visibility',
  'nullable',
  'readOnly',
  'default',
  'example',
  'testValue',
  'title',
  'dynamicValues',
  'dynamicSchema',
  'dynamicTree',
  'notificationUrl',
  'extensions',
];

/** The connector (Swagger 2.0) form of a model schema. */
export class ConnectorSchemas {
  constructor(private readonly table: SchemaTable) {}

  /**
   * @param root - body or response root, where `x-ms-dynamic-schema` may stand.
   */
  render(s: SchemaModel, root = false): Json {
    if (s.literal) return { ...s.literal };
    if (s.ref !== undefined) {
      const annotated = ANNOTATIONS.some((k) => s[k] !== undefined);
      if (!annotated) return { $ref: `#/definitions/${s.ref}` };
      // Nothing may stand beside $ref (AdditionalPropertyNotAllowedAdjacentToRef): inline one level.
      const target = this.table.get(s.ref) ?? {};
      return this.render({ ...target, ...definedOnly(s), ref: undefined }, root);
    }
    const json: Json = compact({
      type: s.type,
      format: s.format,
      title: s.title,
      description: s.description,
      'x-ms-summary': s.summary,
      'x-ms-visibility': visibility(s.visibility),
      'x-nullable': s.nullable || undefined,
      readOnly: s.readOnly,
      default: s.default,
      enum: s.enum,
      'x-ms-enum-values': s.enumValues,
      ...constraintKeywords(s),
      minProperties: s.minProperties,
      items: s.items ? this.render(s.items) : undefined,
      properties: s.properties ? this.properties(s.properties) : undefined,
      required: s.required && s.required.length > 0 ? s.required : undefined,
      additionalProperties:
        s.additionalProperties === undefined || typeof s.additionalProperties === 'boolean'
          ? s.additionalProperties
          : this.render(s.additionalProperties),
      example: s.example,
      'x-ms-test-value': s.testValue,
      'x-ms-media-kind': s.mediaKind,
      'x-ms-editor': s.editor,
      'x-ms-notification-url': s.notificationUrl || undefined,
    });
    if (s.dynamicValues) Object.assign(json, dynamicValues(s.dynamicValues));
    if (s.dynamicSchema && root) Object.assign(json, dynamicSchema(s.dynamicSchema));
    if (s.dynamicTree) Object.assign(json, dynamicTree(s.dynamicTree));
    return { ...json, ...s.extensions };
  }

  private properties(props: Record<string, SchemaModel>): Json {
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, this.render(v)]));
  }

  /** `definitions`, sorted by name. */
  definitions(): Json | undefined {
    if (this.table.size === 0) return undefined;
    return Object.fromEntries([...this.table].map(([name, s]) => [name, this.render(s)]));
  }
}

function definedOnly(s: SchemaModel): SchemaModel {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as SchemaModel;
}

/**
 * `none` is the explicit "normal" visibility (it overrides a controller default). Some real
 * connectors write it as `""`, which the Power Platform schema rejects, so it is left out.
 */
export function visibility(v: SchemaModel['visibility']): string | undefined {
  return v === 'none' ? undefined : v;
}

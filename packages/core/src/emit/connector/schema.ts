import type { SchemaModel, SchemaTable } from '../../schema/model';
import { putConstraintKeywords, putStructureKeywords } from '../constraints';
import { refTo } from '../../schema/refs';
import { put } from '../json';
import { dynamicList, dynamicProperties, dynamicSchema, dynamicTree, dynamicValues } from './dynamic';

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
  'dynamicList',
  'dynamicProperties',
  'notificationUrl',
  'extensions',
];

/** The connector (Swagger 2.0) form of a model schema. */
export class ConnectorSchemas {
  /** The definitions being inlined, outermost first: a recursive class refers back to one of them. */
  private readonly inlining = new Set<string>();

  /**
   * @param asDeclared - write dynamic schemas wherever they are declared, not only at a body or
   *   response root (an imported definition keeps its own placement).
   */
  constructor(
    private readonly table: SchemaTable,
    private readonly asDeclared = false,
  ) {}

  /**
   * @param root - body or response root, where `x-ms-dynamic-schema` may stand.
   */
  render(s: SchemaModel, root = false): Json {
    if (s.literal) {
      // A literal with annotations laid over it (a `$ref` to a literal definition with a label).
      const { literal, ...rest } = s;
      return { ...literal, ...this.render(rest, root) };
    }
    if (s.ref !== undefined) {
      const annotated = ANNOTATIONS.some((k) => s[k] !== undefined);
      // A recursive class (a tree's children, say) refers back to a definition being inlined:
      // inlining it again would never end, so that one place is a plain $ref without its labels.
      if (!annotated || this.inlining.has(s.ref)) return { $ref: refTo(s.ref) };
      // Nothing may stand beside $ref (AdditionalPropertyNotAllowedAdjacentToRef): inline one level.
      const target = this.table.get(s.ref) ?? {};
      this.inlining.add(s.ref);
      try {
        return this.render({ ...target, ...definedOnly(s), ref: undefined }, root);
      } finally {
        this.inlining.delete(s.ref);
      }
    }
    const json: Json = {};
    put(json, 'type', s.type);
    put(json, 'format', s.format);
    put(json, 'title', s.title);
    put(json, 'description', s.description);
    put(json, 'x-ms-summary', s.summary);
    put(json, 'x-ms-visibility', visibility(s.visibility));
    put(json, 'x-nullable', s.nullable || undefined);
    put(json, 'readOnly', s.readOnly);
    put(json, 'default', s.default);
    put(json, 'enum', s.enum);
    put(json, 'x-ms-enum-values', s.enumValues);
    putConstraintKeywords(json, s);
    putStructureKeywords(json, s, (nested) => this.render(nested));
    put(json, 'example', s.example);
    put(json, 'x-ms-test-value', s.testValue);
    put(json, 'x-ms-media-kind', s.mediaKind);
    put(json, 'x-ms-editor', s.editor);
    put(json, 'x-ms-notification-url', s.notificationUrl || undefined);
    Object.assign(json, dynamicKeywords(s, root || this.asDeclared), s.extensions);
    return json;
  }

  /** `definitions`, sorted by name. */
  definitions(): Json | undefined {
    if (this.table.size === 0) return undefined;
    return Object.fromEntries([...this.table].map(([name, s]) => [name, this.render(s)]));
  }
}

/** The `x-ms-dynamic-*` keys of a schema or parameter; dynamic schemas only where `schemaAllowed`. */
export function dynamicKeywords(s: SchemaModel, schemaAllowed: boolean): Json {
  // Assignments, not five spreads: this runs for every schema node and nearly none has these
  // keys; spreading the empty objects took 3–5 ms of the 200-operation connector's first emit.
  const json: Json = {};
  if (s.dynamicValues) Object.assign(json, dynamicValues(s.dynamicValues));
  if (s.dynamicList) Object.assign(json, dynamicList(s.dynamicList));
  if (s.dynamicSchema && schemaAllowed) Object.assign(json, dynamicSchema(s.dynamicSchema));
  if (s.dynamicProperties && schemaAllowed) Object.assign(json, dynamicProperties(s.dynamicProperties));
  if (s.dynamicTree) Object.assign(json, dynamicTree(s.dynamicTree));
  return json;
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

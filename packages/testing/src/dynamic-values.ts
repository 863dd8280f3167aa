import type { ParameterValues } from './parameters';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One entry of a dropdown that the designer fills from `x-ms-dynamic-values`. */
export interface DynamicValue {
  readonly value: unknown;
  readonly title: string;
}

/**
 * Where the designer gets a field's dropdown: the operation it calls, the arguments it passes,
 * and the paths it reads. `x-ms-dynamic-values` first (what the designer reads for a parameter),
 * `x-ms-dynamic-list` when only that is declared.
 */
export interface DropdownSource {
  readonly operationId: string;
  /** The called operation's parameter names, each a literal or a reference to a field the user filled. */
  readonly parameters: Readonly<Record<string, { literal: unknown } | { field: string }>>;
  readonly collection: string[];
  readonly valuePath: string[];
  readonly titlePath: string[];
}

/** A slash-separated path of keys, as the extensions write them. */
export const path = (p: unknown): string[] => (typeof p === 'string' && p !== '' ? p.split('/') : []);

/** An argument as `x-ms-dynamic-values` and `x-ms-dynamic-schema` write one: `{ parameter }`, or a literal. */
export const legacyArgument = (v: Json | undefined) =>
  typeof v === 'object' && v !== null && typeof v.parameter === 'string'
    ? { field: v.parameter as string }
    : { literal: v as unknown };

/** An argument as `x-ms-dynamic-list` and `x-ms-dynamic-properties` write one: `{ parameterReference }` or `{ value }`. */
export const listArgument = (v: Json | undefined) =>
  typeof v?.parameterReference === 'string' ? { field: v.parameterReference as string } : { literal: v?.value };

/**
 * The two spellings of a dropdown: the keys each uses, and how each writes an argument (a literal,
 * or a reference to another field). `x-ms-dynamic-values` comes first, as the designer reads it.
 */
const SPELLINGS = [
  {
    key: 'x-ms-dynamic-values',
    collection: 'value-collection',
    value: 'value-path',
    title: 'value-title',
    argument: legacyArgument,
  },
  {
    key: 'x-ms-dynamic-list',
    collection: 'itemsPath',
    value: 'itemValuePath',
    title: 'itemTitlePath',
    argument: listArgument,
  },
] as const;

/** The dropdown source a field's schema (or non-body parameter) declares, if any. */
export function dropdownSource(field: Json): DropdownSource | undefined {
  for (const spelling of SPELLINGS) {
    const declared = field[spelling.key] as Json | undefined;
    if (!declared?.operationId) continue;
    const valuePath = path(declared[spelling.value]);
    return {
      operationId: declared.operationId,
      parameters: Object.fromEntries(
        Object.entries((declared.parameters ?? {}) as Json).map(([name, v]) => [name, spelling.argument(v)]),
      ),
      collection: path(declared[spelling.collection]),
      valuePath,
      titlePath: declared[spelling.title] === undefined ? valuePath : path(declared[spelling.title]),
    };
  }
  return undefined;
}

/**
 * The arguments of the called operation: literals as declared, references from the values the
 * user gave the other fields (`filled`, by parameter name or body path). A reference to a field
 * left empty is an error, as the designer shows no dropdown until that field is filled.
 */
export function dropdownArguments(
  source: Pick<DropdownSource, 'operationId' | 'parameters'>,
  filled: Readonly<Record<string, unknown>>,
  what = 'the dropdown',
): ParameterValues {
  const out: Record<string, unknown> = {};
  for (const [name, arg] of Object.entries(source.parameters)) {
    if ('literal' in arg) out[name] = arg.literal;
    else if (filled[arg.field] !== undefined) out[name] = filled[arg.field];
    else throw new Error(`${what} calls ${source.operationId} with "${name}" from "${arg.field}", which has no value`);
  }
  return out as ParameterValues;
}

/** The value at `steps` (keys, from the root) of an answer. */
export const at = (value: unknown, steps: readonly string[]): unknown =>
  steps.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Json)[k] : undefined), value);

/** The dropdown's entries from the called operation's answer, read at the declared paths. */
export function dropdownEntries(source: DropdownSource, answer: unknown): DynamicValue[] {
  const items = at(answer, source.collection);
  const where = source.collection.length > 0 ? `"${source.collection.join('/')}"` : 'its root';
  if (!Array.isArray(items)) throw new Error(`${source.operationId} answered no array at ${where}`);
  return items.map((item, i) => {
    const value = at(item, source.valuePath);
    if (value === undefined) {
      throw new Error(`item ${i} of ${source.operationId}'s answer has no value at "${source.valuePath.join('/')}"`);
    }
    const title = at(item, source.titlePath);
    return { value, title: title === undefined ? String(value) : String(title) };
  });
}

const VALUE_KEYWORDS = ['type', 'format', 'items', 'enum', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength'];

/**
 * One field of an operation: a parameter by name, or a path into the body (`documents/language`;
 * a leading `body/` as `x-ms-dynamic-list` writes it), through arrays' items. `declared` carries
 * its extensions; `value` is the schema its values must meet (a parameter's value keywords only).
 * `deref` follows a `$ref` into the definitions.
 */
export function fieldOf(
  parameters: readonly Json[],
  field: string,
  deref: (s: Json) => Json,
): { declared: Json; value: Json } | undefined {
  const parameter = parameters.find((p) => p.in !== 'body' && p.name === field);
  if (parameter) {
    const value = Object.fromEntries(VALUE_KEYWORDS.filter((k) => k in parameter).map((k) => [k, parameter[k]]));
    return { declared: parameter, value };
  }
  let node = parameters.find((p) => p.in === 'body')?.schema as Json | undefined;
  for (const step of field.replace(/^body\//, '').split('/')) {
    if (!node) return undefined;
    node = deref(node);
    // Through the items of lists, each schema once: a list of itself (`Matrix: { items: Matrix }`)
    // names no field, where the walk went round it for ever.
    const lists = new Set<Json>();
    while (node.type === 'array' && node.items && !lists.has(node)) {
      lists.add(node);
      node = deref(node.items as Json);
    }
    node = (node.properties as Json | undefined)?.[step] as Json | undefined;
  }
  return node && { declared: node, value: node };
}

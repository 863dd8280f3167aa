import type { Definition, Json } from './definition';
import { schemaSource } from './dynamic-schema';
import { at, dropdownArguments, dropdownEntries, dropdownSource, fieldOf, type DynamicValue } from './dynamic-values';
import type { OutputCheck } from './output-check';
import type { ParameterValues } from './parameters';

/** How the designer calls an action: its status and parsed answer. */
type Action = (
  operationId: string,
  body: undefined,
  parameters: ParameterValues,
) => Promise<{ readonly status: number; readonly body: unknown }>;

/**
 * The calls the designer makes while a flow is edited, for FlowHost: a field's dropdown and a
 * schema that depends on what the user chose, each through the operation the field names.
 */
export class Designer {
  constructor(
    private readonly reader: Definition,
    private readonly check: OutputCheck,
    private readonly action: Action,
  ) {}

  /** What `FlowHost.dynamicValues` does. */
  async dynamicValues(
    operationId: string,
    field: string,
    filled: Readonly<Record<string, unknown>> = {},
  ): Promise<DynamicValue[]> {
    const { op, item } = this.reader.operation(operationId);
    const parameters = this.reader.parametersOf(op, item);
    const found = fieldOf(parameters, field, (s) => this.reader.schema(s));
    if (!found) throw new Error(`${operationId} has no parameter or body field "${field}"`);
    const source = dropdownSource(found.declared);
    if (!source) throw new Error(`${operationId} "${field}" declares no x-ms-dynamic-values or x-ms-dynamic-list`);
    const answer = await this.action(source.operationId, undefined, dropdownArguments(source, filled));
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(`the dropdown's ${source.operationId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    const entries = dropdownEntries(source, answer.body);
    const accepts = this.check.compile(found.value);
    for (const entry of entries) {
      if (!accepts(entry.value)) {
        const why = (accepts.errors ?? []).map((e) => e.message).join('; ');
        throw new Error(
          `the dropdown offers ${JSON.stringify(entry.value)}, which ${operationId} refuses for "${field}": ${why}`,
        );
      }
    }
    return entries;
  }

  /** What `FlowHost.dynamicSchema` does. */
  async dynamicSchema(
    operationId: string,
    field: string,
    filled: Readonly<Record<string, unknown>> = {},
  ): Promise<Record<string, unknown>> {
    const { op, item } = this.reader.operation(operationId);
    const parameters = this.reader.parametersOf(op, item);
    const body = parameters.find((p) => p.in === 'body');
    const success = Object.entries((op.responses ?? {}) as Json).find(([status]) => /^2\d\d$/.test(status));
    const declared =
      field === 'response'
        ? success && this.reader.schema((success[1] as Json).schema ?? {})
        : body?.name === field
          ? this.reader.schema(body.schema ?? {})
          : fieldOf(parameters, field, (s) => this.reader.schema(s))?.declared;
    if (!declared) throw new Error(`${operationId} has no body, body field or response "${field}"`);
    const source = schemaSource(declared);
    if (!source)
      throw new Error(`${operationId} "${field}" declares no x-ms-dynamic-schema or x-ms-dynamic-properties`);
    const answer = await this.action(
      source.operationId,
      undefined,
      dropdownArguments(source, filled, `the ${source.extension} of "${field}"`),
    );
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(`the schema's ${source.operationId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    const schema = at(answer.body, source.valuePath);
    const where = source.valuePath.length > 0 ? `"${source.valuePath.join('/')}"` : 'its root';
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      throw new Error(`${source.operationId} answered no schema at ${where}`);
    }
    try {
      this.check.compile(schema as Json);
    } catch (err) {
      throw new Error(
        `the schema ${source.operationId} answered at ${where} cannot be used: ${(err as Error).message}`,
        { cause: err },
      );
    }
    return schema as Record<string, unknown>;
  }
}

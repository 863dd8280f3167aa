/**
 * Connection parameters: what a Power Platform user enters when creating a connection
 * (`apiProperties.json` → `connectionParameters`). The names are the wire names the platform uses
 * in policy expressions such as `@connectionParameters('host')`.
 */
export interface ConnectionParameterOptions {
  readonly type: 'string' | 'securestring' | 'int' | 'bool';
  readonly displayName: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly required?: boolean;
  readonly defaultValue?: string;
  /** Choices shown as a dropdown. */
  readonly allowedValues?: readonly { readonly value: string; readonly displayName?: string }[];
  /** `uiDefinition.constraints.capability`, e.g. `['cloud']` or `['gateway']`. */
  readonly capability?: readonly string[];
  readonly tabIndex?: number;
  readonly hidden?: boolean;
  /** Shown only when another parameter has one of these values (multi-field forms). */
  readonly dependsOn?: Readonly<Record<string, readonly string[]>>;
}

/** A connection parameter declaration; see {@link connectionParameter}. */
export interface ConnectionParameter extends ConnectionParameterOptions {
  readonly kind: 'connectionParameter';
}

/**
 * Declares an extra connection parameter, e.g. the host name read by a `dynamichosturl` policy.
 * @example `connectionParameter({ type: 'string', displayName: 'Region', allowedValues: [{ value: 'eu' }, { value: 'us' }] })`
 */
export function connectionParameter(options: ConnectionParameterOptions): ConnectionParameter {
  return { kind: 'connectionParameter', ...options };
}

/** The JSON shape of one entry of `connectionParameters`. */
export function connectionParameterJson(p: ConnectionParameterOptions): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (p.required !== undefined) constraints.required = String(p.required);
  if (p.hidden !== undefined) constraints.hidden = String(p.hidden);
  if (p.type === 'securestring') constraints.clearText = false;
  if (p.tabIndex !== undefined) constraints.tabIndex = p.tabIndex;
  if (p.capability) constraints.capability = [...p.capability];
  if (p.allowedValues) {
    constraints.allowedValues = p.allowedValues.map((v) => ({ text: v.displayName ?? v.value, value: v.value }));
  }
  if (p.dependsOn) {
    constraints.dependencies = Object.fromEntries(
      Object.entries(p.dependsOn).map(([k, values]) => [k, { values: [...values] }]),
    );
  }
  const ui: Record<string, unknown> = { displayName: p.displayName };
  if (p.description !== undefined) ui.description = p.description;
  if (p.tooltip !== undefined) ui.tooltip = p.tooltip;
  if (Object.keys(constraints).length > 0) ui.constraints = constraints;
  const json: Record<string, unknown> = { type: p.type, uiDefinition: ui };
  if (p.defaultValue !== undefined) json.defaultValue = p.defaultValue;
  return json;
}

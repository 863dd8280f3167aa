/** What a response header's value must look like, by the type the definition gives it. */
const VALUE_OF: Readonly<Record<string, { readonly test: (value: string) => boolean; readonly what: string }>> = {
  integer: { test: (v) => /^-?\d+$/.test(v.trim()), what: 'an integer' },
  number: { test: (v) => v.trim() !== '' && Number.isFinite(Number(v)), what: 'a number' },
  boolean: { test: (v) => v === 'true' || v === 'false', what: 'true or false' },
};

/**
 * What a header declared with `type` must be, where `value` is not that (`'an integer'`), or
 * undefined where it is, or where the type (a string) takes any text. One reading for the
 * adapter's `validateResponses` and FlowHost, so that both judge an answer's headers alike.
 */
export function headerValueRefused(type: unknown, value: string): string | undefined {
  const kind = typeof type === 'string' ? VALUE_OF[type] : undefined;
  return kind && !kind.test(value) ? kind.what : undefined;
}

/** Whether a header declared with `type` can be refused at all: a string one takes any text. */
export function isCheckedHeaderType(type: unknown): boolean {
  return typeof type === 'string' && type in VALUE_OF;
}

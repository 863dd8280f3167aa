/**
 * Serialises a document byte-deterministically: 2-space indent, `\n` line ends and a trailing
 * newline. Key order is the order the emitters build objects in, which is fixed.
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A plain object without the keys whose value is undefined (JSON drops them; tests compare). */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

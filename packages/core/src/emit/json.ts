/**
 * Serialises a document byte-deterministically: 2-space indent, `\n` line ends and a trailing
 * newline. Key order is the order the emitters build objects in, which is fixed.
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A plain object without the keys whose value is undefined (JSON drops them; tests compare). */
export function compact<T extends Record<string, unknown>>(o: T): T {
  // A plain loop: this runs for every node of every document, and entries/filter/fromEntries
  // allocated three arrays each time (the emitters' largest cost on a 200-operation connector).
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = o[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

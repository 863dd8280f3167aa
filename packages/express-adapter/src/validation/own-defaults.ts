/**
 * Fills in each default of `defaults` that `data` does not have as a property of its own:
 * `ownDefaults`, the defaults of properties named as members of Object.prototype, which ajv's
 * `useDefaults` takes to be there already (see `toJsonSchema`). Required by the code of
 * precompiled validators too, beside the loader.
 */
export function fillOwnDefaults(data: unknown, defaults: Readonly<Record<string, unknown>>): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return;
  for (const name of Object.keys(defaults)) {
    if (Object.hasOwn(data, name)) continue;
    // Defined, not assigned: an assignment to `__proto__` would set the prototype.
    Object.defineProperty(data, name, {
      value: structuredClone(defaults[name]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

/**
 * class-transformer keeps `@Type(() => X)` records in a storage module it does not type; this
 * file gives that one query a type so the rest of the code stays checked.
 */
interface TypeMetadata {
  readonly typeFunction: (options?: unknown) => unknown;
}

interface TransformerStorage {
  findTypeMetadata(target: Function, propertyName: string): TypeMetadata | undefined;
}

let storagePath: string | null | undefined;
let storage: TransformerStorage | undefined;

/**
 * class-transformer's store, or undefined when no `@Type` can have been recorded: it is an
 * optional peer, and its decorators load the store's module when they run, so while that module
 * is not loaded (or not installed) there is nothing to read, and nothing is loaded to read it.
 */
function transformerStorage(): TransformerStorage | undefined {
  if (storage) return storage;
  if (storagePath === undefined) {
    try {
      storagePath = require.resolve('class-transformer/cjs/storage');
    } catch {
      storagePath = null;
    }
  }
  // Looked up again next time: class-transformer's decorators may run after a first resolve().
  const loaded = storagePath === null ? undefined : require.cache[storagePath];
  storage = (loaded?.exports as { defaultMetadataStorage?: TransformerStorage } | undefined)?.defaultMetadataStorage;
  return storage;
}

/** The class or primitive named by `@Type(() => X)` on a property, if any. */
export function transformerTypeOf(cls: Function, property: string): unknown {
  return transformerStorage()?.findTypeMetadata(cls, property)?.typeFunction();
}

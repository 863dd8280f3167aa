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

// eslint-disable-next-line @typescript-eslint/no-require-imports
const storage = (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage })
  .defaultMetadataStorage;

/** The class or primitive named by `@Type(() => X)` on a property, if any. */
export function transformerTypeOf(cls: Function, property: string): unknown {
  return storage.findTypeMetadata(cls, property)?.typeFunction();
}

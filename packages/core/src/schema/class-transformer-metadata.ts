/**
 * class-transformer keeps `@Type(() => X)` records in a storage module it does not type; this
 * file gives that one query a type so the rest of the code stays checked.
 */
interface TypeMetadata {
  readonly typeFunction: (options?: unknown) => unknown;
  readonly options?: { readonly discriminator?: unknown };
}

interface ExposeMetadata {
  readonly options?: Readonly<Record<string, unknown>>;
}

interface TransformerStorage {
  findTypeMetadata(target: Function, propertyName: string): TypeMetadata | undefined;
  findExposeMetadata(target: Function, propertyName: string): ExposeMetadata | undefined;
  findExcludeMetadata(target: Function, propertyName: string): object | undefined;
  findTransformMetadatas(target: Function, propertyName: string, transformationType: number): readonly object[];
  getStrategy(target: Function): 'excludeAll' | 'exposeAll' | 'none';
}

/** class-transformer's TransformationType: PLAIN_TO_CLASS, CLASS_TO_PLAIN. */
const BOTH_WAYS = [0, 1];

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

/**
 * What class-transformer's decorators on a property would do that Flowport does not: it reads
 * only `@Type`, so the published schema, the validator and the handler's instance take the
 * property as declared. Each entry names the decorator and what it would have changed.
 */
export function unappliedTransforms(cls: Function, property: string): string[] {
  const store = transformerStorage();
  if (!store) return [];
  const found: string[] = [];
  const expose = store.findExposeMetadata(cls, property);
  const name = expose?.options?.name;
  if (typeof name === 'string' && name !== property)
    found.push(`class-transformer's @Expose({ name: ${JSON.stringify(name)} }) would carry it as "${name}"`);
  const conditions = Object.keys(expose?.options ?? {}).filter(
    (k) => k !== 'name' && expose?.options?.[k] !== undefined,
  );
  if (conditions.length > 0)
    found.push(`class-transformer's @Expose({ ${conditions.join(', ')} }) would carry it only sometimes`);
  if (store.findExcludeMetadata(cls, property)) found.push("class-transformer's @Exclude() would leave it out");
  else if (!expose && store.getStrategy(cls) === 'excludeAll')
    found.push("class-transformer's @Exclude() on the class would leave it out, since it has no @Expose()");
  if (BOTH_WAYS.some((way) => store.findTransformMetadatas(cls, property, way).length > 0))
    found.push("class-transformer's @Transform() would change its value");
  if (store.findTypeMetadata(cls, property)?.options?.discriminator !== undefined)
    found.push("class-transformer's @Type() with a discriminator would choose a subclass for each value");
  return found;
}

type Json = Record<string, unknown>;

/**
 * What a finding's pointer names: in apiProperties.json where it says so
 * (`apiProperties.json#/properties/…`), else in the definition; undefined where it names nothing.
 */
export function placeOf(definition: unknown, properties: unknown, pointer: string): unknown {
  const [doc, path] = pointer.startsWith('apiProperties.json#')
    ? [properties, pointer.slice('apiProperties.json#'.length)]
    : [definition, pointer];
  let node: unknown = doc;
  for (const raw of path === '' ? [] : path.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as Json)[key] : undefined;
  }
  return node;
}

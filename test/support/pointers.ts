type Json = Record<string, unknown>;

/** The files beside a definition, as `flowport validate` reads them. */
interface Assets {
  readonly icon?: { readonly bytes: Uint8Array };
  readonly script?: { readonly bytes: Uint8Array };
}

/**
 * What a finding's pointer names: in apiProperties.json where it says so
 * (`apiProperties.json#/properties/…`), the icon or the custom code by its file name (`icon.png`,
 * `script.csx`), else in the definition; undefined where it names nothing.
 */
export function placeOf(definition: unknown, properties: unknown, pointer: string, assets?: Assets): unknown {
  if (pointer === 'icon.png') return assets?.icon?.bytes;
  if (pointer === 'script.csx') return assets?.script?.bytes;
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

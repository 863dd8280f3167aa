import { Field, Schema } from './decorators/field';
import type { Class } from './types';

// Keyed by the class itself: two classes may share a name (two copies of a module).
const pages = new WeakMap<Class, Map<string, Class>>();

/**
 * The response DTO of a pageable operation: `{ value: Item[], nextLink? }` (`ItemPage`), or
 * `{ value, '@odata.nextLink'? }` (`ItemODataPage`), made once per item class and link name.
 *
 * @example `@Returns(200, Page(ScoredDocument))` with `pageable: { nextLinkName: 'nextLink' }`
 */
export function Page<T>(item: Class<T>, nextLinkName: 'nextLink' | '@odata.nextLink' = 'nextLink'): Class {
  const byName = pages.get(item) ?? new Map<string, Class>();
  pages.set(item, byName);
  const known = byName.get(nextLinkName);
  if (known) return known;
  // One definition per link name: both named "ItemPage" were FP1403, with a hint to rename a
  // class the user never wrote.
  const name = nextLinkName === 'nextLink' ? `${item.name}Page` : `${item.name}ODataPage`;
  const cls = { [name]: class {} }[name];
  Schema({ description: `A page of ${item.name} items.` })(cls);
  Field({ type: [item], summary: 'Items', description: 'The items of this page.' })(cls.prototype, 'value');
  Field({
    type: String,
    format: 'uri',
    required: false,
    summary: 'Next Link',
    description: 'URL of the next page; absent on the last one.',
    visibility: 'internal',
  })(cls.prototype, nextLinkName);
  byName.set(nextLinkName, cls);
  return cls;
}

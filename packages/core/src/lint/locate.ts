import type { SourceLocation } from '../diagnostics/location';
import type { ApiModel } from '../model/types';
import { ASSET_POINTERS, seg } from './document';

/**
 * Maps JSON pointers of an emitted definition back to where the model came from: operations
 * and parameters to their class, method and parameter; definitions and their properties to the
 * DTO class and property. The longest known prefix of a pointer wins.
 */
export function locator(model: ApiModel): (pointer: string) => SourceLocation | undefined {
  const known = new Map<string, SourceLocation>();
  for (const op of model.operations) {
    const base = `/paths/${seg(op.path)}/${op.method}`;
    known.set(base, op.at);
    op.parameters.forEach((p, i) => known.set(`${base}/parameters/${i}`, p.at));
  }
  for (const [name, cls] of model.classes) {
    known.set(`/definitions/${seg(name)}`, { class: cls.name });
    for (const property of Object.keys(model.schemas.get(name)?.properties ?? {})) {
      known.set(`/definitions/${seg(name)}/properties/${seg(property)}`, { class: cls.name, property });
    }
  }
  // A webhook's registration body is a definition Flowport makes: its fields but the callback URL
  // are those of the trigger's filters class.
  for (const op of model.operations) {
    if (op.source.kind !== 'webhookRegister') continue;
    const name = op.parameters.find((p) => p.in === 'body')?.schema.ref;
    if (name === undefined) continue;
    known.set(`/definitions/${seg(name)}`, op.at);
    const { filters, callbackField = 'callbackUrl' } = op.source.trigger;
    for (const property of Object.keys(model.schemas.get(name)?.properties ?? {})) {
      const at = filters && property !== callbackField ? { class: filters.name, property } : op.at;
      known.set(`/definitions/${seg(name)}/properties/${seg(property)}`, at);
    }
  }
  // The connector's own options, where a file holds what they declare.
  known.set('apiProperties.json#/properties/iconBrandColor', { connector: 'brandColor' });
  known.set(ASSET_POINTERS.icon, { connector: 'icon' });
  known.set(ASSET_POINTERS.script, { connector: 'script.file' });
  return (pointer) => {
    for (let p = pointer; p.length > 0; p = p.slice(0, p.lastIndexOf('/'))) {
      const at = known.get(p);
      if (at) {
        const { pointer: _drop, ...rest } = at;
        return rest;
      }
    }
    return undefined;
  };
}

import { parameterIdentity } from '@flowport/core';
import { camelCase, Namer, pascalCase } from './names';
import { isObject, type Json } from './read';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/**
 * The parameters Swagger 2.0 applies to `operation`: those of its `pathItem` first, but each one
 * the operation declares again (by location and name) in its own place, then the operation's own.
 * `resolve` reads a reference to a shared parameter.
 */
export function appliedParameters(pathItem: Json, operation: Json, resolve: (entry: unknown) => unknown): unknown[] {
  const own: unknown[] = Array.isArray(operation.parameters) ? operation.parameters : [];
  const shared: unknown[] = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
  const key = (entry: unknown) => {
    const p = resolve(entry);
    return isObject(p) ? parameterKey(p) : undefined;
  };
  const declared = new Set(own.map(key));
  return [...shared.filter((entry) => !declared.has(key(entry))), ...own];
}

/** A parameter's identity, as the build compares parameters (`parameterIdentity`). */
export function parameterKey(p: Json): string {
  return parameterIdentity(String(p.in), String(p.name));
}

/** Where an operation lives in the generated code. */
export interface OperationSite {
  readonly operationId: string;
  readonly verb: (typeof METHODS)[number];
  readonly path: string;
  readonly pathItem: Json;
  readonly operation: Json;
  readonly controller: string;
  readonly method: string;
}

/** The sites of every operation, grouped into controllers by first tag, or first path segment. */
export function operationSites(doc: Json, classes: Namer): OperationSite[] {
  const sites: OperationSite[] = [];
  const controllers = new Map<string, string>();
  const methodNamers = new Map<string, Namer>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const verb of METHODS) {
      const op = item[verb];
      if (!isObject(op)) continue;
      const tags = Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [];
      const segment = path.split('/').find((s) => s !== '' && !s.startsWith('{'));
      const group = tags[0] ?? segment ?? 'Default';
      let controller = controllers.get(group);
      if (!controller) {
        controller = classes.unique(`${pascalCase(group, 'Default')}Controller`);
        controllers.set(group, controller);
        methodNamers.set(controller, new Namer(['constructor']));
      }
      const operationId = typeof op.operationId === 'string' ? op.operationId : `${verb} ${path}`;
      const method = methodNamers.get(controller)!.unique(camelCase(operationId, verb));
      sites.push({ operationId, verb, path, pathItem: item, operation: op, controller, method });
    }
  }
  return sites;
}

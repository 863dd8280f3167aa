import { docComment, key, literal, quote } from './code';
import type { Call, HandlerSpec } from './operations';
import type { ClassSpec, FieldSpec } from './schemas';

/** A decorator line: `@Name(arg, arg)`; trailing `undefined` arguments are left out. */
export function decorator(call: Call, indent: string): string {
  const args = [...call.args];
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  if (args.length === 1 && isEmptyObject(args[0])) args.pop();
  const head = `${indent}@${call.name}(`;
  return `${head}${args.map((a) => literal(a, indent.length, head.length)).join(', ')})`;
}

function isEmptyObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => x === undefined);
}

function comments(notes: readonly string[], indent: string): string[] {
  return notes.map((n) => `${indent}// ${n}`);
}

/** `import { A, B } from 'module';` with sorted names, or nothing. */
export function importLine(names: Iterable<string>, from: string): string[] {
  const list = [...new Set(names)].sort();
  return list.length > 0 ? [`import { ${list.join(', ')} } from ${quote(from)};`] : [];
}

/** Orders classes so that a class a field names directly is declared before it (design:type). */
export function orderClasses(classes: readonly ClassSpec[]): ClassSpec[] {
  const byName = new Map(classes.map((c) => [c.name, c]));
  const done = new Set<string>();
  const active = new Set<string>();
  const out: ClassSpec[] = [];
  const visit = (c: ClassSpec) => {
    if (done.has(c.name)) return;
    active.add(c.name);
    for (const f of c.fields) {
      if (!f.direct || f.direct === c.name) continue;
      // A cycle: name the type without a load-time reference (the `type` thunk still says it).
      if (active.has(f.direct)) f.ts = `InstanceType<typeof ${f.direct}>`;
      else visit(byName.get(f.direct)!);
    }
    active.delete(c.name);
    done.add(c.name);
    out.push(c);
  };
  for (const c of classes) visit(c);
  return out;
}

function field(f: FieldSpec): string[] {
  return [
    ...comments(f.notes, '  '),
    decorator({ name: 'Field', args: [f.options] }, '  '),
    ...f.validators.map((v) => `  ${v}`),
    `  ${key(f.key)}${f.optional ? '?' : '!'}: ${f.ts};`,
  ];
}

/** One DTO class. */
export function renderClass(c: ClassSpec): string[] {
  const options = c.schemaOptions;
  const schema = isEmptyObject(options) ? [] : [decorator({ name: 'Schema', args: [options] }, '')];
  const body = c.fields.flatMap((f, i) => (i === 0 ? field(f) : ['', ...field(f)]));
  const declaration = body.length > 0 ? [`export class ${c.name} {`, ...body, '}'] : [`export class ${c.name} {}`];
  return [...comments(c.notes, ''), ...schema, ...declaration];
}

/** One handler: decorators, signature, and a body that answers 501 until it is written. */
export function renderHandler(h: HandlerSpec): string[] {
  const summary = h.site.operation.summary;
  const params = h.parameters.map((p) => `${decorator(p.call, '    ')} ${p.name}: ${p.ts},`);
  const result = `Promise<${h.returns}>`;
  const signature =
    params.length === 0
      ? [`  async ${h.site.method}(): ${result} {`]
      : [`  async ${h.site.method}(`, ...params, `  ): ${result} {`];
  return [
    ...docComment(typeof summary === 'string' ? summary : undefined, '  '),
    ...comments(h.notes, '  '),
    ...h.decorators.map((d) => decorator(d, '  ')),
    ...signature,
    `    throw new NotImplementedError(${quote(`${h.site.operationId} is not implemented yet.`)});`,
    '  }',
  ];
}

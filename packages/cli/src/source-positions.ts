import type { SourceLocation } from '@flowport/core';
import { parseSync } from '@swc/core';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname } from 'node:path';
import { TYPESCRIPT_FILE } from './loader';
import type { Position } from './positions';

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Where a member of a class is written: the member, and for a method each of its parameters. */
interface Member {
  readonly at: number;
  readonly parameters: readonly number[];
}

/** A class as its file writes it: where, and its members by name. */
interface WrittenClass {
  readonly file: string;
  readonly at: number;
  readonly members: ReadonlyMap<string, Member>;
}

const INSTALLED = /[\\/]node_modules[\\/]/;

/**
 * Where, in the TypeScript of a loaded module and of the modules it imports, a finding located by
 * class, method, parameter and property stands: so that a CI annotation of `flowport validate`
 * lands on the line of the class, handler, parameter or DTO property, in the file that declares
 * it, where before it landed on the first line of the module given. The files are parsed with swc
 * (no type checker) on the first call. A class whose name more than one file declares has no
 * position, rather than one that may be another's.
 */
export function sourcePositions(entry: string): (at: SourceLocation) => Position | undefined {
  let classes: Map<string, WrittenClass | undefined> | undefined;
  const texts = new Map<string, Buffer>();
  return (at) => {
    if (at.class === undefined) return undefined;
    classes ??= writtenClasses(moduleFiles(entry), texts);
    const cls = classes.get(at.class);
    if (!cls) return undefined;
    const member = cls.members.get(at.method ?? at.property?.split('.')[0] ?? '');
    const offset =
      member === undefined
        ? cls.at
        : at.method !== undefined && at.parameter !== undefined
          ? (member.parameters[at.parameter.index] ?? member.at)
          : member.at;
    return positionIn(cls.file, texts.get(cls.file)!, offset);
  };
}

/** The TypeScript files a loaded module is made of: it and what it imports, installed packages aside. */
function moduleFiles(entry: string): string[] {
  const cache = (Module as unknown as { _cache: Record<string, Module | undefined> })._cache;
  const seen = new Set<string>();
  // A folder was loaded as its index.
  const index = Object.keys(cache).find((k) => dirname(k) === entry && /^index\.[cm]?[jt]sx?$/.test(basename(k)));
  const pending = [cache[entry] ?? (index === undefined ? undefined : cache[index])];
  while (pending.length > 0) {
    const m = pending.pop();
    if (!m || seen.has(m.filename) || INSTALLED.test(m.filename)) continue;
    seen.add(m.filename);
    pending.push(...m.children);
  }
  return [...seen].filter((f) => TYPESCRIPT_FILE.test(f));
}

/** Every named class of the files, by name; undefined where two files declare one name. */
function writtenClasses(files: readonly string[], texts: Map<string, Buffer>): Map<string, WrittenClass | undefined> {
  const out = new Map<string, WrittenClass | undefined>();
  for (const file of files) {
    const text = readFileSync(file);
    texts.set(file, text);
    let program: Node;
    try {
      program = parseSync(text.toString('utf8'), {
        syntax: 'typescript',
        decorators: true,
        tsx: file.endsWith('.tsx'),
      }) as unknown as Node;
    } catch {
      continue; // It loaded, so it parses; a file swc reads otherwise has no positions.
    }
    walk(program, (node) => {
      const name = node.identifier?.value as string | undefined;
      if ((node.type !== 'ClassDeclaration' && node.type !== 'ClassExpression') || name === undefined) return;
      const written = { file, at: node.identifier.span.start as number, members: membersOf(node.body as Node[]) };
      out.set(name, out.has(name) && out.get(name)?.file !== file ? undefined : written);
    });
  }
  return out;
}

/** The members of a class body by name: properties, methods and accessors, and the constructor. */
function membersOf(body: readonly Node[]): Map<string, Member> {
  const members = new Map<string, Member>();
  for (const m of body) {
    const key = m.key?.value;
    if (typeof key !== 'string') continue;
    const params = (m.type === 'Constructor' ? m.params : m.function?.params) as Node[] | undefined;
    members.set(key, { at: m.key.span.start as number, parameters: (params ?? []).map((p) => p.span.start as number) });
  }
  return members;
}

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  if (typeof (node as Node).type === 'string') visit(node as Node);
  for (const [k, v] of Object.entries(node)) if (k !== 'span' && typeof v === 'object') walk(v, visit);
}

/** Line and column (1-based) of a swc span's start, a 1-based byte offset into the file. */
function positionIn(file: string, text: Buffer, offset: number): Position | undefined {
  if (!(offset >= 1 && offset <= text.length + 1)) return undefined;
  const before = text.subarray(0, offset - 1).toString('utf8');
  const lastBreak = before.lastIndexOf('\n');
  return { file, line: before.split('\n').length, column: before.length - lastBreak };
}

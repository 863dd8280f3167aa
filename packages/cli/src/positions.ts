import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { readFileSync } from 'node:fs';

/** Where in a file a finding is: 1-based line and column, as editors and SARIF count them. */
export interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Where each JSON pointer of a file's findings stands in its text. Before, a finding in a folder's
 * definition said only `at /paths/~1a/get/responses/200/schema/$ref`, which a reader looked for by
 * hand, and a SARIF annotation in CI marked the whole file instead of the line.
 */
export function positionsIn(file: string, text: string): (pointer: string) => Position | undefined {
  let tree: Node | undefined;
  let lines: number[] | undefined;
  return (pointer) => {
    tree ??= parseTree(text);
    const node = tree && findNodeAtLocation(tree, segmentsOf(pointer, tree));
    if (!node) return undefined;
    // A member's key, where the pointer names a member: `at /info/contact` points at `"contact"`.
    const start = node.parent?.type === 'property' ? node.parent.offset : node.offset;
    lines ??= lineStarts(text);
    let line = 0;
    while (line + 1 < lines.length && lines[line + 1] <= start) line++;
    return { file, line: line + 1, column: start - lines[line] + 1 };
  };
}

/** {@link positionsIn} the text of `file`, read as the importer reads it (a byte order mark dropped). */
export function positionsInFile(file: string): (pointer: string) => Position | undefined {
  return positionsIn(file, readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
}

/** The pointer's segments, numbers where they index a list (as jsonc-parser walks lists). */
function segmentsOf(pointer: string, tree: Node): (string | number)[] {
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/');
  const segments: (string | number)[] = [];
  let node: Node | undefined = tree;
  for (const raw of tokens) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: string | number = node?.type === 'array' && /^\d+$/.test(token) ? Number(token) : token;
    segments.push(segment);
    node = node && findNodeAtLocation(node, [segment]);
  }
  return segments;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

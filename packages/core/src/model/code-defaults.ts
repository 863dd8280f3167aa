/**
 * The position of a handler's first parameter with a default in code (`top = 10`), if it has one:
 * `Function#length` counts the parameters up to it, or up to a rest parameter (`...args`), which
 * the parameter list's text tells apart. Undefined where the text cannot be read with certainty
 * (a computed method name), so that nothing is reported on a guess.
 */
export function firstDefaultInCode(fn: unknown, count: number): number | undefined {
  if (typeof fn !== 'function' || fn.length >= count) return undefined;
  const params = parameterTexts(Function.prototype.toString.call(fn));
  const text = params?.[fn.length];
  return text !== undefined && text.includes('=') && !text.startsWith('...') ? fn.length : undefined;
}

const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/** The text of each parameter of a function's source, split at its top-level commas. */
function parameterTexts(source: string): string[] | undefined {
  if (source.trimStart().startsWith('[')) return undefined;
  const start = source.indexOf('(');
  if (start < 0) return undefined;
  const params: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === '\\') current += ch + (source[++i] ?? '');
      else {
        if (ch === quote) quote = undefined;
        current += ch;
      }
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (OPENING.has(ch)) depth++;
    else if (CLOSING.has(ch) && depth-- === 0) {
      params.push(current.trim());
      return params;
    } else if (ch === ',' && depth === 0) {
      params.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  return undefined;
}

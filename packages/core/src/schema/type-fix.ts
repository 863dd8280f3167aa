import type { SourceLocation } from '../diagnostics/location';

/**
 * How to say a type where it could not be read (FP1402), in the words of the place. A parameter's
 * list needs its item type, and an interface or type alias (which tsoa users bring, and which
 * leaves nothing at run time) needs a class.
 */
export function typeFix(at: SourceLocation, found: string, bytes = false): string {
  if (bytes) {
    // Bytes have a form of their own in each place, none of them a class.
    if (at.property !== undefined)
      return "a string of base64 text, which is how JSON carries bytes: @Field({ format: 'byte' }) value!: string";
    if (at.parameter !== undefined)
      return `@Body({ type: 'binary' }) to take the raw body, which the handler reads as a stream, or @FormFile('${at.parameter.name}') for a file sent in a form`;
    if (at.response !== undefined)
      return `@Returns(${at.response}, 'binary'), and answer with download(bytesOrStream, { filename })`;
  }
  if (at.property !== undefined) {
    // A property typed as its own class (`parent?: Item`) is recorded as Object by swc.
    const cls =
      found.startsWith('Object') && at.class !== undefined
        ? `; a class by a thunk, such as @Field({ type: () => ${at.class} })`
        : '';
    return `@Field({ type: String }), or a constraint that types it such as @IsString()${cls}`;
  }
  if (at.parameter !== undefined) {
    const name = at.parameter.name;
    if (found.startsWith('Array'))
      return `the item type in the decorator's options, such as { type: [String] } for "${name}"`;
    return `the decorator's options, such as { type: Number } for "${name}"; an object (an interface or a type alias, which leave nothing at run time) is declared as a class with decorated fields`;
  }
  if (at.response !== undefined) return `@Returns(${at.response}, …) takes a class, [Class], 'object' or 'file'`;
  return "a class, [Class], 'object' or described(Type, { … })";
}

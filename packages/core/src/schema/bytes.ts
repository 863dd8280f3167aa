import type { SchemaModel } from './model';

/** Whether a response's schema is bytes (`type: file`, or a `binary` string) rather than JSON. */
export function isBytesSchema(s: SchemaModel | undefined): boolean {
  return s?.type === 'file' || s?.format === 'binary';
}

import type { ConnectorOptions } from '../connector';
import type { Checks } from '../diagnostics/option-checks';
import { OPTION_NAMES } from './option-names';

/*
 * The connector's capabilities among its options (FP1018, FP1032): the operation that tests a
 * connection, the file picker's, and the operations `script.csx` handles.
 */

const METHOD_REFERENCE = 'a method reference, () => Controller.prototype.method';
const isReference = (r: unknown) => typeof r === 'function';

/** An operation the platform calls, and the values it passes: `testConnection`, `filePicker.open`. */
function checkCall(c: Checks, k: string, v: unknown, known: ReadonlySet<string>, required = false): void {
  if (!c.object(k, v, 'an object with operation and parameters', required)) return;
  c.names(k, v, known);
  if (!isReference(v.operation)) c.report(`${k}.operation`, v.operation, METHOD_REFERENCE);
  if (v.parameters !== undefined) c.object(`${k}.parameters`, v.parameters, 'an object of values by parameter name');
}

/**
 * `testConnection`, `filePicker` and `script`. Before, `filePicker: {}` failed inside resolve()
 * ("Cannot read properties of undefined (reading 'operation')"), `script: 'script.csx'` failed
 * `flowport build` with a TypeError of path.resolve(), and a misspelt key (`valuetitle`) was dropped.
 */
export function checkCapabilities(c: Checks, o: ConnectorOptions): void {
  checkCall(c, 'testConnection', o.testConnection, OPTION_NAMES.testConnection);
  const picker: unknown = o.filePicker;
  if (c.object('filePicker', picker, 'an object with open, browse and the value paths')) {
    c.names('filePicker', picker, OPTION_NAMES.filePicker);
    checkCall(c, 'filePicker.open', picker.open, OPTION_NAMES.pickerCall, true);
    checkCall(c, 'filePicker.browse', picker.browse, OPTION_NAMES.pickerCall);
    for (const k of ['valueTitle', 'valueCollection', 'valueFolderProperty', 'valueMediaProperty'])
      c.text(`filePicker.${k}`, picker[k]);
  }
  const script: unknown = o.script;
  if (c.object('script', script, 'an object with file and operations')) {
    c.names('script', script, OPTION_NAMES.script);
    c.text('script.file', script.file, true);
    // An imported connector names an operation it lacks by its operationId, kept as written.
    c.list('script.operations', script.operations, ['method references', METHOD_REFERENCE], (r) =>
      ['function', 'string'].includes(typeof r),
    );
  }
}

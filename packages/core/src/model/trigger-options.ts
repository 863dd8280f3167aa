import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import { Checks, checkOptionNames, text, type OptionCheck } from '../diagnostics/option-checks';
import { OPTION_NAMES } from './option-names';

/*
 * The declarations of `webhookTrigger()` and `pollingTrigger()`, checked against their types as the
 * other options are (FP1018, FP1032; model/declared-options.ts).
 */

const isFunction = (v: unknown) => typeof v === 'function';
const TRIGGER_COMMON: Readonly<Record<string, OptionCheck>> = {
  id: (c, v, k) => c.text(k, v, true),
  path: (c, v, k) => c.text(k, v, true),
  filters: (c, v, k) => v === undefined || isFunction(v) || c.report(k, v, 'a class'),
  hint: text,
  visibility: (c, v, k) => c.visibility(k, v),
};

/** What each kind of trigger needs beyond the common options; each runs even when omitted. */
const TRIGGER_KINDS: Readonly<Record<string, Readonly<Record<string, OptionCheck>>>> = {
  webhook: {
    ...TRIGGER_COMMON,
    payload: (c, v, k) => isFunction(v) || c.report(k, v, 'the class of the event posted to subscribers'),
    payloadDescription: text,
    callbackField: text,
    deleteId: text,
    matches: (c, v, k) =>
      v === undefined || isFunction(v) || c.report(k, v, 'a function (payload, filters) => boolean'),
  },
  polling: {
    ...TRIGGER_COMMON,
    batch: (c, v, k) => typeof v === 'boolean' || c.report(k, v, 'true or false'),
    item: (c, v, k) => isFunction(v) || c.report(k, v, 'the class of one polled item'),
    retryAfter: (c, v, k) => c.count(k, v, 1, 'a whole number of seconds, 1 or more'),
    poll: (c, v, k) => isFunction(v) || c.report(k, v, 'a function (cursor, filters, caller) => { items, cursor }'),
  },
};

/**
 * A `webhookTrigger()` or `pollingTrigger()` declaration, written by its helper or by hand.
 * Before, a polling trigger without `poll` was published and answered each poll with a 500
 * ("trigger.poll is not a function"), and `retryAfter: 0.5` was sent as "Retry-After: 0.5".
 */
export function checkTriggerDeclaration(t: object, at: SourceLocation, bag: DiagnosticBag): void {
  const c = new Checks(() => at, bag);
  const kind = (t as { kind?: unknown }).kind;
  const table = typeof kind === 'string' && Object.hasOwn(TRIGGER_KINDS, kind) ? TRIGGER_KINDS[kind] : undefined;
  if (!table) return c.oneOf('kind', kind, ['webhook', 'polling'], true);
  const names = kind === 'webhook' ? OPTION_NAMES.webhook : OPTION_NAMES.polling;
  checkOptionNames(t, names, `${kind}Trigger()`, at, bag);
  c.each(table, t as Record<string, unknown>);
}

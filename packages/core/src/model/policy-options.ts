import type { PolicyDeclaration } from '../policies/templates';
import { A_STRING, isObject, text, type Checks, type OptionTable } from '../diagnostics/option-checks';

/*
 * Policy template instances among the connector's options (FP1018). Before, a policy without a
 * title failed inside resolve() ("Cannot read properties of undefined (reading 'trim')"), and
 * setHeader({ name: 5 }) was written into an apiProperties.json the platform refuses.
 */

const POLICY: OptionTable<PolicyDeclaration, 'kind'> = {
  templateId: (c, v, k) => c.text(k, v, true),
  title: (c, v, k) => c.text(k, v, true),
  type: text,
  section: (c, v, k) => c.oneOf(k, v, ['Request', 'Response', 'Failure']),
  parameters: (c, v, k) => c.object(k, v, 'an object of template parameters by name', true),
  operations: (c, v, k) =>
    c.list(k, v, ['method references', 'a method reference (() => Ctrl.prototype.method)'], (r) =>
      ['function', 'string'].includes(typeof r),
    ),
};

const POLICY_NAMES = new Set(['kind', ...Object.keys(POLICY)]);

/** The templates the platform's schema for apiProperties.json describes, each with a helper here. */
const DOCUMENTED_TEMPLATES: ReadonlySet<unknown> = new Set([
  'convertarraytoobject',
  'convertobjecttoarray',
  'dynamichosturl',
  'encodepropertyvalue',
  'pollingtrigger',
  'routerequesttoendpoint',
  'setheader',
  'setproperty',
  'setqueryparameter',
  'setvaluefromurl',
  'stringreplace',
  'stringtoarray',
  'updatenextlink',
]);

/**
 * One policy template instance. Every parameter of a documented template is a string but
 * pollingtrigger's `triggerConfig`; an imported connector (`asDeclared`) keeps the values it has,
 * and another template's parameters are its own.
 */
export function checkPolicy(c: Checks, at: string, p: PolicyDeclaration, conventions: boolean): void {
  c.declaredNames(at, p, POLICY_NAMES);
  c.each(POLICY, p as unknown as Record<string, unknown>, `${at}.`);
  if (!conventions || !DOCUMENTED_TEMPLATES.has(p.templateId) || !isObject(p.parameters)) return;
  for (const [name, value] of Object.entries(p.parameters)) {
    if (name === 'triggerConfig' ? !isObject(value) : typeof value !== 'string')
      c.report(`${at}.parameters.${name}`, value, name === 'triggerConfig' ? 'an object' : A_STRING);
  }
}

import { keepHelperOptions } from '../diagnostics/helper-options';
import type { OperationRef } from '../types';

/**
 * A policy template instance (`apiProperties.json` → `policyTemplateInstances`). The platform
 * applies these in the connector runtime, before a request reaches the API or after it answers.
 */
export interface PolicyDeclaration {
  readonly kind: 'policy';
  readonly templateId: string;
  readonly title: string;
  /** The instance's `type`, e.g. `PollingTrigger` beside a `pollingtrigger` template. */
  readonly type?: string;
  /** `x-ms-apimTemplateParameter.*` values, keyed without the prefix. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** `x-ms-apimTemplate-policySection`. */
  readonly section?: 'Request' | 'Response' | 'Failure';
  /**
   * Operations the policy applies to; all when omitted. A string is an operationId kept as
   * written (an imported policy may name an operation the definition lacks; the lint reports it).
   */
  readonly operations?: readonly (OperationRef | string)[];
}

/** Scope and title every helper accepts. */
export interface PolicyScope {
  readonly title?: string;
  readonly operations?: readonly (OperationRef | string)[];
}

type Section = { readonly section?: 'Request' | 'Response' };

/** What one helper makes: the template instance, and what the helper is called in messages. */
interface Template {
  readonly helper: string;
  readonly templateId: string;
  /** The title when the scope gives none. */
  readonly defaultTitle: string;
  readonly type?: string;
  /** The options the helper takes; by default the scope's and those it reads into `parameters`. */
  readonly takes?: readonly string[];
}

const SCOPE_OPTIONS = ['title', 'operations', 'section'];

function make(
  t: Template,
  scope: PolicyScope & { readonly section?: PolicyDeclaration['section'] },
  parameters: Record<string, unknown>,
): PolicyDeclaration {
  const defined = Object.fromEntries(Object.entries(parameters).filter(([, v]) => v !== undefined));
  const made: PolicyDeclaration = {
    kind: 'policy',
    templateId: t.templateId,
    title: scope.title ?? t.defaultTitle,
    ...(t.type === undefined ? {} : { type: t.type }),
    parameters: defined,
    section: scope.section,
    operations: scope.operations,
  };
  return keepHelperOptions(made, t.helper, scope, t.takes ?? [...SCOPE_OPTIONS, ...Object.keys(parameters)]);
}

/** `dynamichosturl`: route to a host built from connection parameters, e.g. `https://@connectionParameters('region').example.com`. */
export const dynamicHostUrl = (o: PolicyScope & { readonly urlTemplate: string }): PolicyDeclaration =>
  make({ helper: 'dynamicHostUrl()', templateId: 'dynamichosturl', defaultTitle: 'Set host URL' }, o, {
    urlTemplate: o.urlTemplate,
  });

/** `setheader`: set a request (or response) header. */
export const setHeader = (
  o: PolicyScope & {
    readonly name: string;
    readonly value: string;
    readonly existsAction?: 'override' | 'skip' | 'append';
    readonly section?: 'Request' | 'Response' | 'Failure';
  },
): PolicyDeclaration =>
  make({ helper: 'setHeader()', templateId: 'setheader', defaultTitle: `Set header ${o.name}` }, o, {
    name: o.name,
    value: o.value,
    existsAction: o.existsAction ?? 'override',
  });

/** `setqueryparameter`: set a query-string parameter on the request. */
export const setQueryParameter = (
  o: PolicyScope & { readonly name: string; readonly value: string; readonly existsAction?: 'override' | 'skip' },
): PolicyDeclaration =>
  make(
    { helper: 'setQueryParameter()', templateId: 'setqueryparameter', defaultTitle: `Set query parameter ${o.name}` },
    o,
    {
      name: o.name,
      value: o.value,
      existsAction: o.existsAction ?? 'override',
    },
  );

/** `routerequesttoendpoint`: send the request to another path (and method). */
export const routeRequestToEndpoint = (
  o: PolicyScope & { readonly newPath: string; readonly httpMethod?: string },
): PolicyDeclaration =>
  make(
    { helper: 'routeRequestToEndpoint()', templateId: 'routerequesttoendpoint', defaultTitle: `Route to ${o.newPath}` },
    o,
    { newPath: o.newPath, httpMethod: o.httpMethod },
  );

/** `setproperty`: set a property of the body from a template. */
export const setProperty = (
  o: PolicyScope &
    Section & {
      readonly newPropertyParentPathTemplate: string;
      readonly newPropertySubPathTemplate: string;
      readonly propertyValuePathTemplate: string;
    },
): PolicyDeclaration =>
  make({ helper: 'setProperty()', templateId: 'setproperty', defaultTitle: 'Set property' }, o, {
    newPropertyParentPathTemplate: o.newPropertyParentPathTemplate,
    newPropertySubPathTemplate: o.newPropertySubPathTemplate,
    propertyValuePathTemplate: o.propertyValuePathTemplate,
  });

/** `pollingtrigger`: the connector runtime turns a list operation into a polling trigger. */
export const pollingTriggerPolicy = (
  o: PolicyScope & { readonly triggerConfig: Readonly<Record<string, string>>; readonly triggerDataPath: string },
): PolicyDeclaration =>
  // The wizard writes `type: PollingTrigger` beside this template, and so does every real file.
  make(
    {
      helper: 'pollingTriggerPolicy()',
      templateId: 'pollingtrigger',
      defaultTitle: 'Polling trigger',
      type: 'PollingTrigger',
    },
    o,
    {
      triggerConfig: { ...o.triggerConfig },
      triggerDataPath: o.triggerDataPath,
    },
  );

/** `updatenextlink`: rewrite next-page links so that they route through the connector. */
export const updateNextLink = (
  o: PolicyScope & { readonly nextLinkPropertyName: string; readonly nextLinkParentPropertyPath?: string },
): PolicyDeclaration =>
  make({ helper: 'updateNextLink()', templateId: 'updatenextlink', defaultTitle: 'Update next link' }, o, {
    nextLinkPropertyName: o.nextLinkPropertyName,
    nextLinkParentPropertyPath: o.nextLinkParentPropertyPath,
  });

/** `convertobjecttoarray`. */
export const convertObjectToArray = (
  o: PolicyScope &
    Section & {
      readonly propertyParentPath: string;
      readonly newPropertyPath: string;
      readonly propertySubPath?: string;
      readonly keyName?: string;
      readonly valueName?: string;
    },
): PolicyDeclaration =>
  make(
    { helper: 'convertObjectToArray()', templateId: 'convertobjecttoarray', defaultTitle: 'Convert object to array' },
    o,
    {
      propertyParentPath: o.propertyParentPath,
      propertySubPath: o.propertySubPath,
      newPropertyPath: o.newPropertyPath,
      keyName: o.keyName,
      valueName: o.valueName,
    },
  );

/** `convertarraytoobject`. */
export const convertArrayToObject = (
  o: PolicyScope &
    Section & {
      readonly propertyParentPath: string;
      readonly keyWithinCollectionPath: string;
      readonly newPropertyPath: string;
      readonly propertySubPath?: string;
      readonly retainKey?: boolean;
    },
): PolicyDeclaration =>
  make(
    { helper: 'convertArrayToObject()', templateId: 'convertarraytoobject', defaultTitle: 'Convert array to object' },
    o,
    {
      propertyParentPath: o.propertyParentPath,
      propertySubPath: o.propertySubPath,
      keyWithinCollectionPath: o.keyWithinCollectionPath,
      newPropertyPath: o.newPropertyPath,
      retainKey: o.retainKey === undefined ? undefined : String(o.retainKey),
    },
  );

/** `stringtoarray`. */
export const stringToArray = (
  o: PolicyScope &
    Section & {
      readonly propertyParentPath: string;
      readonly delimiterList: string;
      readonly childPropertyName: string;
      readonly newPropertyPath: string;
      readonly propertySubPath?: string;
    },
): PolicyDeclaration =>
  make({ helper: 'stringToArray()', templateId: 'stringtoarray', defaultTitle: 'Convert string to array' }, o, {
    propertyParentPath: o.propertyParentPath,
    propertySubPath: o.propertySubPath,
    delimiterList: o.delimiterList,
    childPropertyName: o.childPropertyName,
    newPropertyPath: o.newPropertyPath,
  });

/** `stringreplace`. */
export const stringReplace = (
  o: PolicyScope &
    Section & {
      readonly propertyParentPath: string;
      readonly sourceString: string;
      readonly replacementString: string;
      readonly newPropertyPath: string;
      readonly propertySubPath?: string;
    },
): PolicyDeclaration =>
  make({ helper: 'stringReplace()', templateId: 'stringreplace', defaultTitle: 'Replace string' }, o, {
    propertyParentPath: o.propertyParentPath,
    propertySubPath: o.propertySubPath,
    sourceString: o.sourceString,
    replacementString: o.replacementString,
    newPropertyPath: o.newPropertyPath,
  });

/** `encodepropertyvalue`. */
export const encodePropertyValue = (
  o: PolicyScope &
    Section & {
      readonly propertyParentPath: string;
      readonly newPropertyPath: string;
      readonly propertySubPath?: string;
    },
): PolicyDeclaration =>
  make(
    { helper: 'encodePropertyValue()', templateId: 'encodepropertyvalue', defaultTitle: 'Encode property value' },
    o,
    {
      propertyParentPath: o.propertyParentPath,
      propertySubPath: o.propertySubPath,
      newPropertyPath: o.newPropertyPath,
    },
  );

/** `setvaluefromurl`: fetch a value from a URL and set it on the request. */
export const setValueFromUrl = (
  o: PolicyScope &
    Section & {
      readonly parameterTemplate: string;
      readonly parameterValueUrl: string;
      readonly parameterValuePathTemplate: string;
      readonly httpMethod?: string;
    },
): PolicyDeclaration =>
  make({ helper: 'setValueFromUrl()', templateId: 'setvaluefromurl', defaultTitle: 'Set value from URL' }, o, {
    parameterTemplate: o.parameterTemplate,
    parameterValueUrl: o.parameterValueUrl,
    parameterValuePathTemplate: o.parameterValuePathTemplate,
    httpMethod: o.httpMethod,
  });

/** Any other template id (e.g. ones the repo schema does not list yet). */
export const policy = (
  templateId: string,
  o: PolicyScope & {
    readonly parameters: Readonly<Record<string, unknown>>;
    readonly section?: PolicyDeclaration['section'];
    readonly type?: string;
  },
): PolicyDeclaration =>
  make(
    {
      helper: 'policy()',
      templateId,
      defaultTitle: templateId,
      type: o.type,
      takes: [...SCOPE_OPTIONS, 'parameters', 'type'],
    },
    o,
    { ...o.parameters },
  );

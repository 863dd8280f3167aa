type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A call of an operation as its parameters place it, before and after the policies. */
export interface PolicyCall {
  readonly method: string;
  /** The path under the base path, its variables filled in. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  /** Each path variable's text as the path holds it (percent-encoded), by name. */
  readonly pathValues: Readonly<Record<string, string>>;
}

interface Policy {
  readonly id: string;
  readonly title: string;
  readonly parameters: Json;
  /** The operationIds it is scoped to; all when absent. */
  readonly operations?: readonly string[];
}

const PARAMETER = 'x-ms-apimTemplateParameter.';
/** The `httpMethod` that keeps the request's own. */
const ORIGINAL_METHOD = '@Request.OriginalHTTPMethod';
/** The expressions a template may hold, with a default or not (reference §5.4). */
const EXPRESSION = /@(connectionParameters|header|queryParameters)\(\s*'([^']*)'\s*(?:,\s*'([^']*)'\s*)?\)/g;
/** An expression of another kind, which FlowHost cannot evaluate. */
const OTHER_EXPRESSION = /@[A-Za-z][\w.]*\(/;

/**
 * The request policies of a connector's `apiProperties.json`, applied to each call of an operation
 * as the connector runtime applies them between the flow and the API: `setheader` (its Request
 * section) and `setqueryparameter` add or override a header or query parameter, and
 * `routerequesttoendpoint` sends the call to another path (its `{variables}` filled from the
 * call's) and method. Their values may read `@connectionParameters('name')`, `@header('name')`
 * and `@queryParameters('name')`, each with a default or not. Before, FlowHost applied none: an
 * API that needs a header a policy sets was refused in every test, and an operation routed
 * elsewhere was tested at a path the platform never calls.
 *
 * The others are not applied: `dynamichosturl` (FlowHost's `api` stands for every host),
 * `updatenextlink` (links are followed as the API gives them, where the policy routes them back
 * to the API), the body and answer transforms, and `pollingtrigger`.
 */
export class RequestPolicies {
  private readonly policies: readonly Policy[];
  /** The connection's parameter values: those given, else the `defaultValue` a new connection starts with. */
  private readonly connectionParameters: Readonly<Record<string, string>>;

  constructor(properties: Json | undefined, given: Readonly<Record<string, string>>) {
    const declared: unknown = properties?.properties?.connectionParameters;
    const defaults = Object.entries(typeof declared === 'object' && declared !== null ? declared : {}).flatMap(
      ([name, p]: [string, Json]) => (typeof p?.defaultValue === 'string' ? [[name, p.defaultValue]] : []),
    );
    this.connectionParameters = { ...Object.fromEntries(defaults), ...given };
    const instances: unknown = properties?.properties?.policyTemplateInstances;
    this.policies = (Array.isArray(instances) ? instances : []).flatMap((p: Json) => {
      if (typeof p?.templateId !== 'string') return [];
      const parameters: Json = typeof p.parameters === 'object' && p.parameters !== null ? p.parameters : {};
      const scope: unknown = parameters['x-ms-apimTemplate-operationName'];
      return [
        {
          id: p.templateId.toLowerCase(),
          title: String(p.title ?? p.templateId),
          parameters,
          ...(Array.isArray(scope) ? { operations: scope.map(String) } : {}),
        },
      ];
    });
  }

  /** The call as it reaches the API once the policies scoped to `operationId` have run, in order. */
  apply(operationId: string, call: PolicyCall): PolicyCall {
    let out = call;
    for (const p of this.policies) {
      if (p.operations && !p.operations.includes(operationId)) continue;
      if (p.id === 'setheader') out = this.setHeader(p, out);
      else if (p.id === 'setqueryparameter') out = this.setQueryParameter(p, out);
      else if (p.id === 'routerequesttoendpoint') out = this.route(p, operationId, out);
    }
    return out;
  }

  private setHeader(p: Policy, call: PolicyCall): PolicyCall {
    const section: unknown = p.parameters['x-ms-apimTemplate-policySection'] ?? 'Request';
    if (section !== 'Request') return call;
    const name = String(this.text(p, 'name', call));
    const value = this.text(p, 'value', call);
    const headers = { ...call.headers };
    // The call's own, by any case, is the one a policy overrides or skips.
    const given = headerNamed(headers, name);
    const action = this.existsAction(p);
    if (given !== undefined && action === 'skip') return call;
    if (given !== undefined) delete headers[given];
    headers[given ?? name] = given !== undefined && action === 'append' ? `${call.headers[given]},${value}` : value;
    return { ...call, headers };
  }

  private setQueryParameter(p: Policy, call: PolicyCall): PolicyCall {
    const name = this.text(p, 'name', call);
    const value = this.text(p, 'value', call);
    const query = new URLSearchParams(call.query);
    const action = this.existsAction(p);
    if (query.has(name) && action === 'skip') return call;
    if (action === 'append') query.append(name, value);
    else query.set(name, value);
    return { ...call, query };
  }

  private route(p: Policy, operationId: string, call: PolicyCall): PolicyCall {
    const newPath = this.text(p, 'newPath', call);
    const path = newPath.replace(/\{([^{}]+)\}/g, (_, name: string) => {
      const value = Object.hasOwn(call.pathValues, name) ? call.pathValues[name] : undefined;
      if (value === undefined)
        throw new Error(
          `policy "${p.title}" routes ${operationId} to ${newPath}, whose {${name}} it has no path parameter for`,
        );
      return value;
    });
    const method: unknown = p.parameters[`${PARAMETER}httpMethod`];
    return {
      ...call,
      path: path.startsWith('/') ? path : `/${path}`,
      method: typeof method === 'string' && method !== ORIGINAL_METHOD ? method.toUpperCase() : call.method,
    };
  }

  private existsAction(p: Policy): string {
    const action: unknown = p.parameters[`${PARAMETER}existsAction`];
    return typeof action === 'string' ? action.toLowerCase() : 'override';
  }

  /** A parameter of the policy with its expressions evaluated against the connection and the call. */
  private text(p: Policy, key: string, call: PolicyCall): string {
    const template: unknown = p.parameters[`${PARAMETER}${key}`];
    if (typeof template !== 'string') throw new Error(`policy "${p.title}" has no ${key}`);
    const other = OTHER_EXPRESSION.exec(template.replace(EXPRESSION, ''));
    if (other)
      throw new Error(
        `policy "${p.title}" holds an expression FlowHost cannot evaluate (${other[0]}…); it evaluates @connectionParameters, @header and @queryParameters`,
      );
    return template.replace(EXPRESSION, (whole, kind: string, name: string, fallback?: string) => {
      const value =
        kind === 'connectionParameters'
          ? this.connectionParameter(name)
          : kind === 'header'
            ? headerValue(call.headers, name)
            : (call.query.get(name) ?? undefined);
      if (value !== undefined) return value;
      if (fallback !== undefined) return fallback;
      throw new Error(
        kind === 'connectionParameters'
          ? `policy "${p.title}" reads the connection parameter "${name}": give its value in FlowHost.start({ connectionParameters })`
          : `policy "${p.title}" reads ${whole}, which the call does not carry and gives no default for`,
      );
    });
  }

  private connectionParameter(name: string): string | undefined {
    return Object.hasOwn(this.connectionParameters, name) ? this.connectionParameters[name] : undefined;
  }
}

/** The name `headers` hold a header by: header names are not case-sensitive. */
function headerNamed(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const key = headerNamed(headers, name);
  return key === undefined ? undefined : headers[key];
}

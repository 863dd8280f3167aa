import { misnamedOptions } from '@flowport/core';
import type { Json } from './definition';

/** Options of {@link FlowHost.start}. */
export interface FlowHostOptions {
  /**
   * Where the app is reached: scheme, host and port (and a prefix it is mounted under), standing
   * for the definition's `host`. The definition's `basePath` is added to each operation's path.
   */
  readonly api: string;
  /**
   * What the connection adds to every call, by name: headers, e.g. `{ 'Ocp-Apim-Subscription-Key':
   * key }`, and the query parameter of an API key the definition's security scheme sends `in:
   * query`, e.g. `{ code: key }`.
   */
  readonly connection?: Readonly<Record<string, string>>;
  /** The connector definition; fetched from `<api>/connector/apiDefinition.swagger.json` when omitted. */
  readonly definition?: Json;
  /**
   * The connector's `apiProperties.json`, whose request policies FlowHost applies to each call as
   * the connector runtime does (`setheader`, `setqueryparameter`, `routerequesttoendpoint`). Fetched
   * from `<api>/connector/apiProperties.json` along with the definition, when both are omitted.
   */
  readonly properties?: Json;
  /** The connection's parameter values by name, which a policy reads as `@connectionParameters('name')`. */
  readonly connectionParameters?: Readonly<Record<string, string>>;
  /** Multiplies `Retry-After` waits, so that a 60 s interval takes 60 ms at 0.001. Default 1. */
  readonly timeScale?: number;
}

const OPTIONS = [
  'api',
  'connection',
  'definition',
  'properties',
  'connectionParameters',
  'timeScale',
] as const satisfies readonly (keyof FlowHostOptions)[];
const complete: Exclude<keyof FlowHostOptions, (typeof OPTIONS)[number]> extends never ? true : false = true;
void complete;

/** An http(s) URL: `localhost:3000` parses too, with `localhost:` for its scheme. */
const isHttpUrl = (v: unknown): boolean =>
  typeof v === 'string' && URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Absent, or an object of strings by name (`connection`, `connectionParameters`). */
const isTextsByName = (v: unknown): boolean =>
  v === undefined || (isObject(v) && Object.values(v).every((text) => typeof text === 'string'));

/**
 * The options of FlowHost.start, checked before anything is called: `conection` for `connection`
 * was ignored, and every call went without the connection's key, a 401 that looked like the API's
 * doing. One Error names each problem; a header's value (a key) is never shown.
 */
export function checkHostOptions(options: unknown): asserts options is FlowHostOptions {
  if (!isObject(options)) throw new TypeError('FlowHost.start takes an object with api, the base URL of the app');
  const problems = misnamedOptions('', options, new Set<string>(OPTIONS));
  if (!isHttpUrl(options.api)) problems.push('api must be the base URL of the app, such as http://127.0.0.1:3000');
  if (!isTextsByName(options.connection)) problems.push('connection must be an object of header values by name');
  if (options.definition !== undefined && !isObject(options.definition))
    problems.push('definition must be the connector definition, an object');
  if (options.properties !== undefined && !isObject(options.properties))
    problems.push("properties must be the connector's apiProperties.json, an object");
  if (!isTextsByName(options.connectionParameters))
    problems.push('connectionParameters must be an object of text values by name');
  const scale = options.timeScale;
  if (scale !== undefined && !(typeof scale === 'number' && Number.isFinite(scale) && scale >= 0))
    problems.push('timeScale must be a number, 0 or more');
  if (problems.length > 0) throw new TypeError(`FlowHost.start options: ${problems.join('; ')}`);
}

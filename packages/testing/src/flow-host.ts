import { isJsonMediaType, isTextMediaType } from '@flowport/core';
import { bodyOf, fetchDefinition, fetchProperties } from './answers';
import { uploadInChunks } from './chunked';
import { Definition, type Json } from './definition';
import { checkHostOptions, type FlowHostOptions } from './host-options';
import { formBody } from './form';
import { Designer } from './design-time';
import type { DynamicValue } from './dynamic-values';
import { OutputCheck } from './output-check';
import { RequestPolicies } from './policies';
import { callTarget, internalDefault, type CallTarget, type ParameterValues } from './parameters';
import { retryAfterSeconds } from './retry-after';
import { CallbackReceiver } from './receiver';
import { WebhookSubscription } from './webhook-subscription';

export type { FlowHostOptions } from './host-options';

/** The outcome of following a polling trigger to its first 200. */
export interface PollOutcome {
  readonly body: unknown;
  /** The Location of the 200, where the next poll would start. */
  readonly location: string;
  readonly retryAfter: number;
  /** How many requests it took, the first one included. */
  readonly polls: number;
}

/**
 * Behaves as Power Automate does with a connector's triggers, for tests: registers webhooks
 * through the definition's registration operation with a local callback URL, receives and checks
 * notifications, deletes subscriptions via their Location, and follows polling triggers' Location
 * and Retry-After until they answer 200.
 *
 * @example
 * ```ts
 * const host = await FlowHost.start({ api: url, connection: { 'Ocp-Apim-Subscription-Key': key } });
 * const sub = await host.webhook('OnNegativeText', { threshold: 0.4 });
 * // … make the API emit …
 * const n = await sub.notification();
 * await sub.unsubscribe();
 * await host.close();
 * ```
 */
export class FlowHost {
  private readonly reader: Definition;
  private readonly check: OutputCheck;
  private readonly policies: RequestPolicies;
  private readonly designer: Designer;

  private constructor(
    private readonly options: FlowHostOptions,
    readonly definition: Json,
    properties: Json | undefined,
    readonly receiver: CallbackReceiver,
  ) {
    this.reader = new Definition(definition);
    this.check = new OutputCheck(this.reader);
    this.policies = new RequestPolicies(properties, options.connectionParameters ?? {});
    this.designer = new Designer(this.reader, this.check, (id, body, parameters) => this.action(id, body, parameters));
  }

  static async start(options: FlowHostOptions): Promise<FlowHost> {
    checkHostOptions(options);
    const definition = options.definition ?? (await fetchDefinition(options.api));
    if (typeof definition?.paths !== 'object' || definition.paths === null) {
      throw new Error('the connector definition has no paths: it is not a Swagger 2.0 definition');
    }
    const properties =
      options.properties ?? (options.definition === undefined ? await fetchProperties(options.api) : undefined);
    return new FlowHost(options, definition, properties, await CallbackReceiver.start());
  }

  /** @internal A call through the connection: its headers and the parameters', nothing else. */
  async call(
    method: string,
    url: string,
    body?: unknown,
    parameterHeaders: Readonly<Record<string, string>> = {},
  ): Promise<Response> {
    // The connection's values go where the definition's security schemes put them: a key `in:
    // query` is added to the URL of every call, links followed included, as the platform adds it.
    const target = new URL(url);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.options.connection ?? {})) {
      if (this.reader.queryCredentials.has(name)) target.searchParams.append(name, value);
      else headers[name] = value;
    }
    Object.assign(headers, parameterHeaders);
    // A form goes with the type fetch gives it (a multipart boundary); bytes (a file) as they are,
    // JSON otherwise.
    const form = body instanceof FormData || body instanceof URLSearchParams;
    const bytes = body instanceof Uint8Array;
    if (body !== undefined && !form)
      headers['content-type'] ??= bytes ? 'application/octet-stream' : 'application/json';
    return fetch(target, {
      method,
      headers,
      body: body === undefined ? undefined : form || bytes ? body : JSON.stringify(body),
      redirect: 'manual',
    });
  }

  /**
   * Sends content to an action in chunks, as the engine does when the maker allows chunking on a
   * step whose operation declares `x-ms-capabilities.chunkTransfer`: an empty opening request,
   * then PATCHes of `chunkSize` bytes (the API's `x-ms-chunk-size` when omitted). Resolves to the
   * answer to the last chunk, checked as {@link FlowHost.action} checks it, or to the first
   * refusal.
   */
  async upload(
    operationId: string,
    content: Uint8Array,
    parameters: ParameterValues = {},
    options: { readonly chunkSize?: number } = {},
  ): Promise<{ status: number; body: unknown; chunks: number }> {
    const target = this.target(operationId, parameters);
    if ((target.op['x-ms-capabilities'] as Json | undefined)?.chunkTransfer !== true) {
      throw new Error(
        `${operationId} does not declare x-ms-capabilities.chunkTransfer, so the platform sends its content whole: use action()`,
      );
    }
    const contentType = (target.op.consumes as string[] | undefined)?.[0] ?? 'application/octet-stream';
    const { response, chunks } = await uploadInChunks(
      (method, url, body, headers) => this.call(method, url, body, headers),
      target,
      content,
      contentType,
      options.chunkSize,
    );
    const body = await bodyOf(response, operationId);
    this.check.answer(operationId, response.status, body, operationId, response.headers);
    return { status: response.status, body, chunks };
  }

  /** Where a call of the operation with these parameter values goes, and its headers. */
  private target(
    operationId: string,
    values: ParameterValues,
  ): { url: string; headers: CallTarget['headers']; method: string; op: Json; item: Json; parameters: Json[] } {
    const { path, method, op, item } = this.reader.operation(operationId);
    const parameters = this.reader.parametersOf(op, item);
    const placed = callTarget(operationId, path, parameters, values);
    // As the connector runtime does between the flow and the API.
    const call = this.policies.apply(operationId, { ...placed, method: method.toUpperCase() });
    const search = call.query.toString();
    return {
      url: this.url(search ? `${call.path}?${search}` : call.path),
      headers: call.headers,
      method: call.method,
      op,
      item,
      parameters,
    };
  }

  /**
   * Registers a webhook trigger as the platform does when a flow is saved: the user's `inputs` plus
   * the callback URL in the notification-url field, and its path, query and header `parameters` by
   * their declared names. Expects 201 with a Location.
   */
  async webhook(
    operationId: string,
    inputs: Readonly<Record<string, unknown>> = {},
    parameters: ParameterValues = {},
  ): Promise<WebhookSubscription> {
    const { url, headers, method, op, item } = this.target(operationId, parameters);
    if (op['x-ms-trigger'] !== 'single')
      throw new Error(`${operationId} is not a webhook trigger (x-ms-trigger single)`);
    const content = item['x-ms-notification-content'];
    if (!content?.schema) throw new Error(`${operationId} has no x-ms-notification-content on its path`);
    const body = ((op.parameters ?? []) as Json[]).map((p) => this.reader.parameter(p)).find((p) => p.in === 'body');
    const field = body && this.reader.notificationField(body.schema);
    if (!field) throw new Error(`${operationId} has no body field with x-ms-notification-url`);
    const inbox = this.receiver.inbox();
    const payload: Json = structuredClone(inputs) as Json;
    let cursor = payload;
    for (const k of field.slice(0, -1)) cursor = cursor[k] ??= {};
    cursor[field[field.length - 1]] = inbox.url;
    const res = await this.call(method, url, this.reader.withInternalDefaults(body.schema as Json, payload), headers);
    if (res.status !== 201 && res.status !== 200) {
      throw new Error(`registering ${operationId} answered ${res.status}: ${await res.text()}`);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`registering ${operationId} gave no Location: the platform could not delete it`);
    const validate = this.check.compile(content.schema);
    return new WebhookSubscription(this, operationId, new URL(location, this.options.api).href, inbox, validate);
  }

  /**
   * Follows a polling trigger as the engine does: the first call sets the baseline, then it calls
   * the Location after each Retry-After (scaled) until an answer is 200, whose body must match the
   * schema the trigger declares for 200, as {@link FlowHost.action}'s must. `between` runs after each
   * 202, so a test can make something happen; what it returns is awaited, and otherwise ignored
   * (`(n) => n === 2 && scoreSomething()` is fine).
   */
  async poll(
    operationId: string,
    parameters: ParameterValues = {},
    options: { maxPolls?: number; between?: (polls: number) => unknown; from?: string } = {},
  ): Promise<PollOutcome> {
    const target = this.target(operationId, parameters);
    if (target.item['x-ms-notification-content'] !== undefined)
      throw new Error(
        `${operationId} is a webhook trigger (its path has x-ms-notification-content): register it with webhook()`,
      );
    if (target.op['x-ms-trigger'] === undefined)
      throw new Error(`${operationId} is not a polling trigger (it has no x-ms-trigger): call it with action()`);
    let url = options.from ?? target.url;
    for (let polls = 1; polls <= (options.maxPolls ?? 20); polls++) {
      const res = await this.call('GET', url, undefined, target.headers);
      const location = res.headers.get('location');
      const retryAfter = retryAfterSeconds(res.headers.get('retry-after'), 0);
      if (res.status === 200) {
        if (!location) {
          // A trigger the connector polls through the pollingtrigger policy (reference §4.3) is an
          // ordinary list: the connector runtime, not the API, speaks 202 and Location.
          throw new Error(
            `${operationId} answered 200 without a Location, where a polling trigger gives the URL of its next poll; a list the connector polls through the pollingtrigger policy is polled by the connector runtime, which FlowHost does not stand in for: call it with action()`,
          );
        }
        // The items start a run only if they are what the trigger declares, as an action's answer.
        const body = await bodyOf(res, operationId);
        this.check.answer(operationId, 200, body, operationId, res.headers);
        return { body, location: new URL(location, url).href, retryAfter, polls };
      }
      if (res.status !== 202) throw new Error(`${operationId} answered ${res.status}: ${await res.text()}`);
      if (!location) throw new Error(`${operationId} answered 202 without a Location`);
      url = new URL(location, url).href;
      await new Promise((r) => setTimeout(r, retryAfter * 1000 * (this.options.timeScale ?? 1)));
      await options.between?.(polls);
    }
    throw new Error(`${operationId} did not answer 200 within ${options.maxPolls ?? 20} polls`);
  }

  /**
   * Calls an action and, when it answers 202 (a long-running action), follows its Location after
   * each Retry-After (scaled) until the answer is final, as the engine does. `parameters` are the
   * path, query and header parameters by their declared names; a body of bytes is sent as it is,
   * as the operation's first `consumes`, and so is a string where that lists no JSON type (a
   * `text/plain` body). For an operation with form fields, `body` is the fields by name (a file as
   * bytes or a `FormFileValue`), sent as a form ({@link formBody}). The body of the final answer
   * is parsed when it is JSON, a string when it is text, and handed over as bytes otherwise (a
   * file, an image).
   */
  async action(
    operationId: string,
    body?: unknown,
    parameters: ParameterValues = {},
    maxPolls = 50,
  ): Promise<{ status: number; body: unknown; polls: number }> {
    const target = this.target(operationId, parameters);
    let url = target.url;
    const own = target.op.consumes as string[] | undefined;
    const consumes = own ?? (this.definition.consumes as string[] | undefined) ?? [];
    // A string goes as text to an operation that takes text and no JSON, as the engine sends it;
    // bytes go as the operation's own first type.
    const text =
      typeof body === 'string' && !consumes.some(isJsonMediaType) ? consumes.find(isTextMediaType) : undefined;
    const fields = target.parameters.filter((p) => p.in === 'formData');
    // A form with an internal field is sent even when the test gives none: the platform fills it.
    const declared = target.parameters.find((p) => p.in === 'body');
    const sent =
      fields.length > 0 && (body !== undefined || fields.some((p) => internalDefault(p) !== undefined))
        ? formBody(operationId, fields, consumes, body ?? {})
        : text
          ? Buffer.from(body as string)
          : declared?.schema && body !== undefined
            ? this.reader.withInternalDefaults(declared.schema as Json, body)
            : body;
    const type = text ?? (body instanceof Uint8Array ? own?.[0] : undefined);
    const headers = type ? { ...target.headers, 'content-type': type } : target.headers;
    let res = await this.call(target.method, url, sent, headers);
    let polls = 0;
    while (res.status === 202) {
      const location = res.headers.get('location');
      if (!location) throw new Error(`${operationId} answered 202 without a Location`);
      if (polls === maxPolls) throw new Error(`${operationId} was still running after ${maxPolls} polls`);
      await res.arrayBuffer();
      await new Promise((r) =>
        setTimeout(r, retryAfterSeconds(res.headers.get('retry-after'), 1) * 1000 * (this.options.timeScale ?? 1)),
      );
      url = new URL(location, url).href;
      res = await this.call('GET', url);
      polls++;
    }
    const result = await bodyOf(res, operationId);
    this.check.answer(operationId, res.status, result, operationId, res.headers);
    return { status: res.status, body: result, polls };
  }

  /**
   * Runs the connection test as the platform does when a connection is created: the operation in
   * `x-ms-capabilities.testConnection` with its literal parameters. Resolves to the status.
   */
  async testConnection(): Promise<number> {
    const test = this.definition['x-ms-capabilities']?.testConnection as Json | undefined;
    if (!test?.operationId) throw new Error('the definition declares no x-ms-capabilities.testConnection');
    const target = this.target(test.operationId, (test.parameters ?? {}) as ParameterValues);
    const res = await this.call(target.method, target.url, undefined, target.headers);
    await res.arrayBuffer();
    return res.status;
  }

  /**
   * Fills a field's dropdown as the designer does (`x-ms-dynamic-values`, or `x-ms-dynamic-list`):
   * calls the operation it names with its literal arguments and those it takes from `filled` (the
   * values the user gave other fields, by parameter name or body path), and reads the entries at
   * the declared paths. `field` is a parameter name or a path into the body (`documents/language`,
   * through arrays' items). A value the field itself would refuse fails the test: the user could
   * pick it, and the call would then be a 400.
   */
  async dynamicValues(
    operationId: string,
    field: string,
    filled: Readonly<Record<string, unknown>> = {},
  ): Promise<DynamicValue[]> {
    return this.designer.dynamicValues(operationId, field, filled);
  }

  /**
   * Fetches a schema that depends on what the user chose, as the designer does
   * (`x-ms-dynamic-schema`, or `x-ms-dynamic-properties`): calls the operation it names with its
   * literal arguments and those it takes from `filled`, and reads the schema at the declared path.
   * `field` is the body parameter's name (the whole body), a path into the body, or `response`
   * (the first success answer's schema). An answer with no schema there, or one ajv cannot
   * compile, fails the test: the designer would show no fields.
   */
  async dynamicSchema(
    operationId: string,
    field: string,
    filled: Readonly<Record<string, unknown>> = {},
  ): Promise<Record<string, unknown>> {
    return this.designer.dynamicSchema(operationId, field, filled);
  }

  /**
   * Follows a pageable operation's next links (`x-ms-pageable.nextLinkName`) as the designer does
   * with pagination on, until a page has none. Each page must match the schema the operation
   * declares for 200. Returns every item and the number of pages.
   */
  async pages(
    operationId: string,
    parameters: ParameterValues = {},
    maxPages = 100,
  ): Promise<{ items: unknown[]; pages: number }> {
    const target = this.target(operationId, parameters);
    const name = target.op['x-ms-pageable']?.nextLinkName as string | undefined;
    if (!name) throw new Error(`${operationId} is not pageable (no x-ms-pageable)`);
    let url: string | undefined = target.url;
    const items: unknown[] = [];
    const followed = new Set<string>();
    let pages = 0;
    while (url && pages < maxPages) {
      // A link already followed would give the same pages again, until the designer's limit.
      if (followed.has(url)) {
        throw new Error(`${operationId} page ${pages} links back to a page already read (${url}): paging never ends`);
      }
      followed.add(url);
      const res = await this.call('GET', url, undefined, target.headers);
      if (res.status !== 200)
        throw new Error(`${operationId} page ${pages + 1} answered ${res.status}: ${await res.text()}`);
      // Each page is an answer of the operation, checked as action() checks one.
      const body = (await bodyOf(res, operationId)) as Json;
      this.check.answer(operationId, 200, body, `${operationId} page ${pages + 1}`, res.headers);
      for (const item of (body.value ?? []) as unknown[]) items.push(item);
      pages++;
      url = typeof body[name] === 'string' ? new URL(body[name], url).href : undefined;
    }
    return { items, pages };
  }

  private url(path: string): string {
    const base = (this.definition.basePath as string | undefined) ?? '/';
    return `${this.options.api}${base === '/' ? '' : base}${path}`;
  }

  async close(): Promise<void> {
    await this.receiver.close();
  }
}

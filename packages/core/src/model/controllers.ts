import { checkAgentic } from './agentic-checks';
import 'reflect-metadata';
import type { TriggerOptions } from '../decorators/operation';
import type { DiagnosticBag } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import { PARAMETER_DECORATOR } from '../decorators/params';
import type { MethodRecord, ParameterRecord } from '../metadata/records';
import { controllerOf, memberOf, methodsOf } from '../metadata/store';
import type { SchemaRegistry } from '../schema/registry';
import type { Class } from '../types';
import { checkControllerOptions, checkOperationOptions, checkRoutePath } from './declared-options';
import { badVisibility } from '../diagnostics/option-checks';
import { parameterModel } from './parameters';
import { checkBoundType } from './handed-over';
import { queryClassOf, queryClassParameters } from './query-class';
import { firstDefaultInCode } from './code-defaults';
import { bytesConsumes, bytesProduces, formConsumes } from './media-types';
import { joinPath, operationIdOf } from './paths';
import { responseModel } from './responses';
import { checkReturnedType } from './returned-type';
import { designType } from '../schema/design-type';
import { isBinarySchema, isBytesSchema } from '../schema/bytes';
import type { OperationModel, ParameterModel } from './types';

/** The statuses whose answers have no content, as the diagnostic names them. */
const BODILESS: Readonly<Record<string, string>> = {
  '204': 'a 204 (No Content) answer',
  '304': 'a 304 (Not Modified) answer',
};

/** Operation thunks are resolved later; this maps each handler function to its operation. */
export type HandlerIndex = Map<Function, OperationModel>;

/** Turns every routed method of the listed controllers into an operation model. */
export function controllerOperations(
  controllers: readonly Class[],
  registry: SchemaRegistry,
  bag: DiagnosticBag,
  handlers: HandlerIndex,
): OperationModel[] {
  const operations: OperationModel[] = [];
  const listed = new Set<Class>();
  for (const controller of controllers) {
    if (listed.has(controller)) {
      // Its operations would each be reported as declared twice, with a hint to rename one.
      const at = { class: controller.name };
      bag.report('listedTwice', at, { what: 'controller', name: controller.name, list: 'controllers' });
      continue;
    }
    listed.add(controller);
    const record = controllerOf(controller);
    if (!record) {
      bag.report('controllerNotDecorated', { class: controller.name }, { class: controller.name });
      continue;
    }
    checkControllerOptions(record.path, record.options, { class: controller.name }, bag);
    for (const [method, rec] of methodsOf(controller)) {
      const at = { class: controller.name, method };
      if (!rec.route) {
        if (rec.operation || rec.responses.length > 0 || rec.parameters.length > 0) {
          bag.report('missingHttpMethod', at, {
            what: rec.operation ? `@${capital(rec.operation.kind)}` : '@Returns/parameter',
          });
        }
        continue;
      }
      // A route on a property (JavaScript, or a build that does not type-check) was served, and
      // every request to it was a 500 ("fn.apply is not a function").
      const member = memberOf(controller, method)?.descriptor;
      if (typeof member?.value !== 'function') {
        const kind = member?.get || member?.set ? 'an accessor' : 'a property';
        bag.report('routeOnProperty', at, { decorators: rec.applied.join(' '), kind, method });
        continue;
      }
      const op = operation(controller, record.path, method, rec, registry, bag, at);
      operations.push(op);
      const fn = (controller.prototype as Record<string, unknown>)[method];
      if (typeof fn === 'function' && !handlers.has(fn)) handlers.set(fn, op);
    }
  }
  return operations;
}

function capital(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

function operation(
  controller: Class,
  prefix: string,
  method: string,
  rec: MethodRecord,
  registry: SchemaRegistry,
  bag: DiagnosticBag,
  at: SourceLocation,
): OperationModel {
  const ctl = controllerOf(controller)!.options;
  const o = rec.operation?.options ?? { summary: '' };
  const trigger = rec.operation?.kind === 'trigger' ? (o as TriggerOptions) : undefined;
  reportRepeated(rec, bag, at);
  checkRoutePath(rec.route!, at, bag);
  if (rec.operation) checkOperationOptions(rec.operation.options, trigger !== undefined, at, bag);
  const responses = rec.responses.map((r) => responseModel(r, registry, at));
  if (!responses.some((r) => /^2\d\d$/.test(r.status))) bag.report('noSuccessResponse', at);
  // The answer a plain return value goes out as; a long-running action's result is never its 202.
  const success = responses.find((r) => /^2\d\d$/.test(r.status) && !(o.async && r.status === '202'));
  checkReturnedType(controller, method, success, registry, at);
  if (o.async) {
    // The result waits in the job store as JSON until the caller polls for it.
    for (const r of responses) {
      if (isBytesSchema(r.schema) && /^2\d\d$/.test(r.status))
        bag.report('asyncFileResponse', { ...at, response: r.status });
      // The runtime's 202 is empty: it says where to poll. A body declared for it is never sent.
      else if (r.status === '202' && r.schema) bag.report('asyncAcceptedBody', { ...at, response: r.status });
    }
  }
  // RFC 9110: a 204 or 304 answer, and any answer to HEAD, has no content. Node drops what the
  // handler returns, and a flow would wait for outputs the schema promised. Imported definitions
  // keep theirs (the corpus has 204s with schemas).
  if (registry.conventions) {
    for (const r of responses) {
      if (!r.schema) continue;
      const what = rec.route!.method === 'head' ? 'an answer to HEAD' : BODILESS[r.status];
      if (what) bag.report('bodilessResponse', { ...at, response: r.status }, { what });
    }
  }
  const params = parameters(controller, method, rec, registry, bag);
  reportBoundTwice(controller, method, rec, bag);
  const exchangeIndex = rec.parameters.find((p) => p.in === 'exchange')?.index;
  const isTrigger = trigger !== undefined;
  checkAgentic({ options: o, isTrigger, method: rec.route!.method, parameters: params, exchangeIndex }, at, bag);
  const body = params.find((p) => p.in === 'body');
  // A raw body reaches the handler as the request's stream.
  const rawBody = isBinarySchema(body?.schema);
  if (o.async && body && rawBody) bag.report('asyncBinaryBody', body.at);
  if (o.chunkTransfer === true && registry.conventions) {
    const reason = chunkTransferProblem(rec.route!.method, rawBody, trigger !== undefined);
    if (reason) bag.report('chunkTransferWithoutUpload', at, { reason });
  }
  return {
    id: o.id ?? operationIdOf(method),
    method: rec.route!.method,
    path: joinPath(prefix, rec.route!.path),
    summary: o.summary,
    description: o.description,
    // A controller's visibility of another type is reported once, at the controller.
    visibility: rec.visibility ?? o.visibility ?? (badVisibility(ctl.visibility) ? undefined : ctl.visibility),
    deprecated: o.deprecated === true,
    annotation: o.annotation,
    noGenericTest: o.noGenericTest,
    openAiData: o.openAiData,
    // Reported by checkOperationOptions when it has no simulate.
    operationContext: o.operationContext?.simulate
      ? {
          target: o.operationContext.simulate.operation,
          operationId: '',
          parameters: o.operationContext.simulate.parameters,
        }
      : undefined,
    pageable: o.pageable,
    async: o.async ? { retryAfter: o.async.retryAfter ?? 5, expiresAfter: o.async.expiresAfter ?? 3600 } : undefined,
    chunkTransfer: o.chunkTransfer,
    safe: o.safe,
    consumes: o.consumes ?? (registry.conventions ? (formConsumes(params) ?? bytesConsumes(params)) : undefined),
    produces: o.produces ?? (registry.conventions ? bytesProduces(responses) : undefined),
    // A tag both the controller and the operation give is listed once: Swagger 2.0 refuses a
    // repeat. An imported operation keeps its own list as written.
    tags: registry.conventions
      ? [...new Set([...(ctl.tags ?? []), ...(o.tags ?? [])])]
      : [...(ctl.tags ?? []), ...(o.tags ?? [])],
    externalDocs: o.externalDocs,
    scopes: o.scopes ?? [],
    // `security: []` as written (an imported operation's) says no credentials too: before, the
    // definition promised an open operation and the adapter asked for a key.
    isPublic:
      rec.isPublic === true ||
      o.public === true ||
      ctl.public === true ||
      (Array.isArray(o.security) && o.security.length === 0),
    security: o.security,
    parameters: params,
    identityIndex: rec.parameters.find((p) => p.in === 'identity')?.index,
    agenticProtocol: o.agenticProtocol,
    exchangeIndex,
    responses,
    trigger: trigger ? { kind: trigger.kind, hint: trigger.hint, pollingMetadata: trigger.pollingMetadata } : undefined,
    notificationContent: trigger?.notificationContent
      ? {
          description: trigger.notificationContent.description,
          schema: registry.schemaFor(trigger.notificationContent.type, at),
        }
      : undefined,
    extensions: { ...ctl.extensions, ...o.extensions },
    pathExtensions: o.pathExtensions,
    source: { kind: 'method', controller, method },
    at,
  };
}

/**
 * Decorators of which a method takes one: a second route, operation declaration or response of
 * one status would otherwise replace the first without a word.
 */
function reportRepeated(rec: MethodRecord, bag: DiagnosticBag, at: SourceLocation): void {
  // Decorators apply bottom-up; messages list them as written.
  const applied = [...rec.applied].reverse();
  const routes = applied.filter((d) => d !== '@Action' && d !== '@Trigger');
  const declarations = applied.filter((d) => d === '@Action' || d === '@Trigger');
  const repeated = [...(routes.length > 1 ? routes : []), ...(declarations.length > 1 ? declarations : [])];
  if (repeated.length > 0) bag.report('repeatedDecorator', at, { decorators: repeated.join(', ') });
  const statuses = new Map<string, number>();
  for (const r of rec.responses) statuses.set(String(r.status), (statuses.get(String(r.status)) ?? 0) + 1);
  for (const [status, count] of statuses) {
    if (count > 1) bag.report('duplicateResponse', { ...at, response: status }, { status, count });
  }
}

/**
 * `@Identity()` or `@Exchange()` on two of a handler's parameters: the adapter fills one, and
 * before, the other reached the handler as undefined without a word.
 */
function reportBoundTwice(controller: Class, method: string, rec: MethodRecord, bag: DiagnosticBag): void {
  for (const kind of ['identity', 'exchange'] as const) {
    const [first, ...more] = rec.parameters.filter((p) => p.in === kind).sort((a, b) => a.index - b.index);
    for (const p of more) {
      bag.report(
        'boundOnce',
        { class: controller.name, method, parameter: { name: kind, index: p.index } },
        { decorator: `${PARAMETER_DECORATOR[kind]}()`, first: first.index, second: p.index },
      );
    }
  }
}

/** Why an operation cannot take its body in chunks (Logic Apps' chunked upload), if it cannot. */
function chunkTransferProblem(method: string, rawBody: boolean, isTrigger: boolean): string | undefined {
  if (isTrigger) return 'a trigger is never sent content in chunks';
  if (method !== 'post' && method !== 'put') return `this is a ${method.toUpperCase()}`;
  return rawBody ? undefined : 'this one takes no raw binary body';
}

function parameters(
  controller: Class,
  method: string,
  rec: MethodRecord,
  registry: SchemaRegistry,
  bag: DiagnosticBag,
): ParameterModel[] {
  const declared = (
    (Reflect.getMetadata('design:paramtypes', controller.prototype, method) as unknown[] | undefined) ?? []
  ).map(designType);
  const byIndex = new Map<number, ParameterRecord[]>();
  for (const p of rec.parameters) byIndex.set(p.index, [...(byIndex.get(p.index) ?? []), p]);
  const count = Math.max(declared.length, ...rec.parameters.map((p) => p.index + 1));
  const firstDefault = firstDefaultInCode((controller.prototype as Record<string, unknown>)[method], count);
  const out: ParameterModel[] = [];
  for (let index = 0; index < count; index++) {
    const bound = byIndex.get(index);
    if (bound && bound.length > 1) {
      // Decorators apply right to left; the message lists them as written.
      const decorators = bound.map((q) => `${PARAMETER_DECORATOR[q.in]}('${q.name}')`).reverse();
      bag.report(
        'parameterBoundTwice',
        { class: controller.name, method, parameter: { name: bound[0].name, index } },
        { index, decorators: decorators.join(', ') },
      );
      continue;
    }
    const p = bound?.[0];
    if (!p) {
      bag.report(
        'undecoratedParameter',
        { class: controller.name, method, parameter: { name: '?', index } },
        { index },
      );
      continue;
    }
    const at = { class: controller.name, method, parameter: { name: p.name, index } };
    if (p.in === 'identity' || p.in === 'exchange') {
      checkBoundType(p.in, declared[index], bag, at);
      continue;
    }
    // Before, the handler used a default the definition did not show: the designer offered none.
    if (index === firstDefault && p.in !== 'body')
      bag.report('defaultInCode', at, { decorator: PARAMETER_DECORATOR[p.in].split('/')[0], name: String(p.name) });
    const queryClass = p.in === 'query' && p.name === undefined ? queryClassOf(declared[index]) : undefined;
    if (queryClass) {
      // Only JavaScript (or a cast) gets options past the overload that takes none.
      const given = Object.keys(p.options ?? {});
      if (given.length > 0)
        bag.report('parameterOptionMisplaced', at, {
          option: given.join(', '),
          where: 'a class of query parameters',
          reason: 'each field is a parameter, described by its own decorators',
          fix: `Move them onto the fields of ${queryClass.name}: @Field({ … }), @Summary(…) or a constraint.`,
        });
      const where = (name: string) => ({ class: controller.name, method, parameter: { name, index } });
      out.push(...queryClassParameters(queryClass, registry, bag, where, index));
    } else out.push(parameterModel({ ...p, in: p.in }, declared[index], registry, bag, at));
  }
  return out;
}

import { isBinarySchema, type ApiModel, type Class, type OperationModel, type TriggerRuntime } from '@flowport/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { failureOf } from './failure';
import type { Guard } from './auth/guard';
import type { Instantiator } from './binding/instantiate';
import { compileArguments } from './binding/arguments';
import { queryClassArguments } from './binding/query-class';
import { runtimeConstraintCheck } from './binding/runtime-constraints';
import { bodyParsers, heldNoBytes } from './body-parsers';
import { hasBody, jsonReadAhead, readAhead } from './read-ahead';
import type { ChunkedUploads, FinishUpload } from './chunked-upload';
import { HttpError } from './errors';
import { sendProblem } from './problem';
import type { Identity } from './identity';
import { originOf } from './origin';
import { isPage, pageBody } from './page';
import type { Jobs } from './jobs';
import type { Limits } from './limits';
import type { Logger } from './options';
import { queryCredentialNames } from './auth/query-credentials';
import { compileResponder, textMediaType } from './respond';
import { responseCheck } from './response-check';
import type { emittedOperation } from './validation/emitted';
import type { Validators } from './validation/validators';
import { invalidRequestDetail } from './validation/errors';
import { triggerHandler, type TriggerCall } from './trigger-handlers';
import { RequestValidator, type ValidInput } from './validation/request-validator';
import { queryOf } from './validation/escaped-text';

const NO_HEADERS: Readonly<Record<string, unknown>> = Object.freeze({});

/** Everything compiled once at start-up that operations share. */
export interface CompileContext {
  readonly model: ApiModel;
  readonly validators: Validators;
  /** Each operation's emitted Swagger parameters and responses, by operationId. */
  readonly emitted: ReadonlyMap<string, ReturnType<typeof emittedOperation>>;
  readonly guardFor: (op: OperationModel) => Guard;
  readonly instantiator: Instantiator;
  readonly instanceOf: (controller: Class) => object;
  readonly limits: Limits;
  readonly triggers?: TriggerRuntime;
  readonly validateResponses?: boolean;
  readonly jobs?: Jobs;
  /** Chunked uploads, when an operation takes its binary body in chunks. */
  readonly uploads?: ChunkedUploads;
  readonly logger: Logger;
}

type Handler = (args: unknown[], call?: TriggerCall) => unknown;

/** One operation as one Express handler: guard, body parsing, validation, binding, handler, reply. */
export function compileOperation(op: OperationModel, ctx: CompileContext): RequestHandler {
  const guard = ctx.guardFor(op);
  const validator = new RequestValidator(ctx.validators, ctx.emitted.get(op.id)?.parameters ?? []);
  const queryClasses = queryClassArguments(op, ctx.instantiator);
  const args = compileArguments(op, ctx, queryClasses);
  const body = op.parameters.find((p) => p.in === 'body');
  // Custom class-validator constraints, run on the instances the handler gets.
  const custom = [
    ...(body?.index !== undefined
      ? [{ index: body.index, check: runtimeConstraintCheck(ctx.model, body.schema) }]
      : []),
    ...queryClasses.map((a) => ({ index: a.index, check: runtimeConstraintCheck(ctx.model, a.schema, '/query') })),
  ].flatMap(({ index, check }) => (check ? [{ index, check }] : []));
  /** Runs the custom constraints on the handler's arguments (the body's too, unless `withoutBody`). */
  const checkCustom = async (values: readonly unknown[], withoutBody = false): Promise<void> => {
    for (const { index, check } of custom) {
      if (withoutBody && index === body?.index) continue;
      const problems = await check(values[index]);
      if (problems.length > 0)
        throw new HttpError(
          400,
          index === body?.index
            ? 'The request body breaks a rule of the operation.'
            : 'The query parameters break a rule of the operation.',
          problems,
        );
    }
  };
  const call = handlerOf(op, ctx);
  const produces = op.produces ?? ctx.model.produces;
  const credentials = queryCredentialNames(ctx.model);
  const check = ctx.validateResponses ? responseCheck(op, ctx) : undefined;
  const send = compileResponder(op, produces, check, ctx.logger);
  if (op.async) {
    if (!ctx.jobs) {
      throw new Error(
        `${op.id} is a long-running action (async), whose jobs need a store: createApp(connector, { jobs: { store: new MemoryJobStore() } }), or a SqliteJobStore (@flowport/store-sqlite) for jobs that outlive the process`,
      );
    }
    if (body && isBinarySchema(body.schema))
      throw new Error(`${op.id} is async and takes a raw binary body, which cannot be stored to run later`);
    ctx.jobs.register(op, async (input, identity) => call(args(input, identity)), textMediaType(produces), check);
  }
  const queryNames = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  const doubleEncoded = op.parameters.filter((p) => p.in === 'path' && p.urlEncoding === 'double').map((p) => p.name);

  const parsers = bodyParsers(op, op.consumes ?? ctx.model.consumes, ctx.limits);
  const takesBody = body !== undefined || op.parameters.some((p) => p.in === 'formData');
  const uploads = body && isBinarySchema(body.schema) && op.chunkTransfer ? ctx.uploads : undefined;

  /** The request's inputs as the validator reads them. */
  const rawInput = (req: Request, hasBody: boolean) => {
    // express.json() makes `{}` of a request without bytes (`Content-Length: 0` with a JSON type,
    // or a chunked one that ended at once): no body, as without the type. Before, the handler of
    // an optional body got an instance the schema refuses (its required properties missing),
    // where the same `{}` sent was refused.
    const sent = hasBody && req.body !== undefined && !heldNoBytes(req);
    const path = { ...(req.params as Record<string, string>) };
    for (const name of doubleEncoded) {
      try {
        path[name] = decodeURIComponent(path[name]);
      } catch {
        throw new HttpError(400, 'A path parameter is not valid percent-encoding.', [
          { pointer: `/path/${name}`, message: 'is not valid double percent-encoding', code: 'urlEncoding' },
        ]);
      }
    }
    return {
      path,
      query: queryOf(req, queryNames),
      // One entry per header line: a repeated header of one value is named as repeated,
      // where `req.headers` joins the lines (or keeps only the first, for some names). Built
      // on first read, so only for operations that declare a header.
      header: validator.readsHeaders ? req.headersDistinct : NO_HEADERS,
      formData: isObject(req.body) ? req.body : {},
      body: sent ? req.body : undefined,
      hasBody: sent,
    };
  };

  /** The last chunk of a chunked upload has come: the handler runs on the whole content. */
  const finishUpload: FinishUpload<ValidInput> = async (start, content, req, res, next) => {
    const result = await call(args({ ...start.input, body: content }, start.identity), {
      input: start.input,
      identity: start.identity,
      req,
    });
    send(res, isPage(result) ? pageBody(op, result, req, credentials) : result, next);
  };

  /**
   * Logic Apps opens a chunked upload with an empty request: its other inputs are checked now,
   * and the handler runs when the last chunk has come. An operation that does not take its body
   * in chunks says so, rather than run on the empty body.
   */
  const startUpload = async (req: Request, res: Response, identity: Identity | undefined): Promise<void> => {
    if (!uploads) {
      throw new HttpError(
        400,
        `${op.id} does not take its body in chunks (x-ms-transfer-mode: chunked); send the body whole.`,
      );
    }
    req.body = undefined;
    const { input, errors, truncated } = validator.check(rawInput(req, false), {});
    const problems = errors.filter((e) => e.pointer !== '/body');
    if (problems.length > 0) {
      sendProblem(req, res, 400, invalidRequestDetail(truncated), problems);
      return;
    }
    // The rules of a query class with no schema form, as a whole body's request meets them: before,
    // an upload in chunks skipped them, and its handler ran on what a whole body's request was refused.
    await checkCustom(args(input, identity), true);
    uploads.open({ op, input, identity }, finishUpload, req, res);
  };

  // Guard, parsers and handler run as one Express handler: each extra handler costs a dispatch
  // step of Express's router on every request.
  const serve: RequestHandler = (req, res, proceed) => {
    const next = failureOf(proceed);
    const sent = hasBody(req);
    const parse = (i: number): void => {
      if (i === parsers.length) return void handle(req, res, next);
      try {
        parsers[i](req, res, (err?: unknown) => (err === undefined || err === null ? parse(i + 1) : next(err)));
      } catch (err) {
        next(err);
      }
    };
    guard(req).then((identity) => {
      if (op.agenticProtocol) {
        converse(req, res, identity).catch(next);
        return;
      }
      if (takesBody && isChunkedStart(req)) {
        startUpload(req, res, identity).catch(next);
        return;
      }
      (req as FlowportRequest).flowport = { identity, hasBody: sent };
      parse(0);
    }, next);
  };
  /**
   * An MCP server operation (`agenticProtocol`): its path, query and header parameters are
   * checked, and the handler gets the exchange with the body unread, answering the protocol's
   * messages itself (JSON, or an event stream). One that returns without answering is a 500.
   */
  const converse = async (req: Request, res: Response, identity: Identity | undefined): Promise<void> => {
    const { input, errors, truncated } = validator.check(rawInput(req, false), {});
    if (errors.length > 0) {
      sendProblem(req, res, 400, invalidRequestDetail(truncated), errors);
      return;
    }
    // JSON an app-wide parser read ahead of the router is handed on; the bytes of anything else are gone.
    const parsedBody = readAhead(req) ? jsonReadAhead(op, req) : undefined;
    await call(args(input, identity, { request: req, response: res, parsedBody }), { input, identity, req });
    if (!res.headersSent && !res.writableEnded) {
      throw new Error(
        `${op.id} speaks ${op.agenticProtocol}, and its handler returned without answering through its exchange: ` +
          'await what answers it, such as transport.handleRequest(request, response, parsedBody), before returning',
      );
    }
  };

  const handle = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const state = (req as FlowportRequest).flowport;
      // multer's fields(): one file per declared name.
      const uploaded = (req.files ?? {}) as Record<string, Express.Multer.File[]>;
      const files = Object.fromEntries(Object.entries(uploaded).map(([name, [file]]) => [name, file]));
      const { input, errors, truncated } = validator.check(rawInput(req, state.hasBody), files);
      if (errors.length > 0) {
        // An expected answer, not an exception: no Error (and stack trace) per invalid request.
        sendProblem(req, res, 400, invalidRequestDetail(truncated), errors);
        return;
      }
      // A job's Location and a page's next link are absolute: a host that is not one is refused
      // here, before the handler runs or a job is stored.
      if (op.async || op.pageable) originOf(req);
      const values = args(input, state.identity);
      await checkCustom(values);
      if (op.async) {
        await ctx.jobs!.start(op, input, state.identity, req, res);
        return;
      }
      const result = await call(values, { input, identity: state.identity, req });
      send(res, isPage(result) ? pageBody(op, result, req, credentials) : result, next);
    } catch (err) {
      next(err);
    }
  };
  return serve;
}

/** Whether a request opens a chunked upload (Logic Apps' protocol: an empty POST or PUT saying so). */
function isChunkedStart(req: Request): boolean {
  const mode = req.headers['x-ms-transfer-mode'];
  return typeof mode === 'string' && mode.toLowerCase() === 'chunked';
}

interface FlowportRequest extends Request {
  flowport: { identity?: Identity; hasBody: boolean };
}

function handlerOf(op: OperationModel, ctx: CompileContext): Handler {
  if (op.source.kind !== 'method') {
    if (!ctx.triggers) {
      throw new Error(
        `the connector declares the trigger ${op.id}, which needs a trigger runtime: const triggers = new TriggerRuntime({ store, secret }); triggers.start(); createApp(connector, { triggers })`,
      );
    }
    const handle = triggerHandler(op, ctx.model, ctx.triggers);
    return (_args, call) => handle(call!);
  }
  const { controller, method } = op.source;
  const instance = ctx.instanceOf(controller) as Record<string, unknown>;
  const fn = instance[method];
  // An instance of another class, from a factory that mixed up its classes: before, every call
  // was a 500 with "Cannot read properties of undefined (reading 'apply')".
  if (typeof fn !== 'function') {
    // An async factory (a container's getAsync) gave a promise: before, "an object without the handler".
    const given =
      typeof (instance as { then?: unknown }).then === 'function'
        ? 'a promise; the factory must return the instance itself: make the controllers before createApp (await each of an async container), and hand them over from a Map'
        : `an object without the handler ${method}() of ${op.id}; return an instance of ${controller.name}`;
    throw new TypeError(`options.controllers gave ${controller.name} ${given}`);
  }
  return (args) => (fn as (...a: unknown[]) => unknown).apply(instance, args);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

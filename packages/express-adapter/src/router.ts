import {
  connectorDefinition,
  isBinarySchema,
  resolve,
  type ApiModel,
  type Class,
  type Connector,
  type OperationModel,
} from '@flowport/core';
import express, { type Router } from 'express';
import { checkAdapterOptions } from './adapter-options';
import { compileGuards } from './auth/guard';
import type * as Chunked from './chunked-upload';
import { Instantiator } from './binding/instantiate';
import { problemHandler } from './error-handler';
import { bySpecificity, toExpressPath } from './express-path';
import { Jobs, JOBS_PATH } from './jobs';
import { allowing, methodNotAllowed } from './method-not-allowed';
import { compileOperation, type CompileContext } from './operation';
import { limitsOf } from './limits';
import { consoleLogger, type AdapterOptions, type Logger } from './options';
import { jsonDefinitions } from './validation/ajv';
import { payloadCheck } from './payload-check';
import { emittedOperation } from './validation/emitted';
import { loadPrecompiled } from './validation/precompiled';
import { Validators } from './validation/validators';

/**
 * An Express router that serves the connector's operations at their paths (relative to
 * `basePath`; mount it there). Everything is compiled here, once: no reflection or schema work
 * happens per request.
 *
 * @example `app.use('/', createRouter(connector, { credentials: { apiKeys: ['…'] } }))`
 */
export function createRouter(connector: Connector, options: AdapterOptions = {}): Router {
  return routerFor(resolve(connector), options);
}

type Json = Record<string, unknown>;

/**
 * A controller made without a factory. One whose constructor takes parameters is refused: made
 * without them, its handlers met `undefined` services only when called, each call a 500.
 */
function newWithoutArguments(cls: Class): object {
  if (cls.length > 0) {
    const parameters = cls.length === 1 ? '1 parameter' : `${cls.length} parameters`;
    throw new TypeError(
      `${cls.name}'s constructor takes ${parameters} that nothing gives: pass options.controllers, (cls) => instance, to make ${cls.name} with its services`,
    );
  }
  return new (cls as new () => object)();
}

/** {@link createRouter} for an already resolved model. */
export function routerFor(model: ApiModel, options: AdapterOptions = {}): Router {
  checkAdapterOptions(options);
  const definition = connectorDefinition(model) as { paths: Record<string, Record<string, Json>>; definitions?: Json };
  const emitted = new Map(model.operations.map((op) => [op.id, emittedOperation(definition, op)]));
  const logger = options.logger ?? consoleLogger;
  const controllers = new Map<Class, object>();
  const limits = limitsOf(options);
  const create = options.controllers ?? newWithoutArguments;
  const ctx: CompileContext = {
    model,
    validators: validatorsFor(definition.definitions, options.precompiledValidators, logger),
    emitted,
    validateResponses: options.validateResponses,
    guardFor: compileGuards(model, options.credentials),
    instantiator: new Instantiator(model),
    instanceOf: (cls) => {
      let instance = controllers.get(cls);
      if (!instance) {
        instance = create(cls) as object | undefined;
        if (typeof instance !== 'object' || instance === null)
          throw new TypeError(
            `options.controllers gave ${cls.name} ${instance === null ? 'null' : typeof instance}; return an instance of ${cls.name}`,
          );
        controllers.set(cls, instance);
      }
      return instance;
    },
    limits,
    triggers: options.triggers,
    jobs: options.jobs ? new Jobs(options.jobs, (m, d) => logger.error(m, d)) : undefined,
    uploads: model.operations.some(takesChunks) ? chunkedUploads(limits.file) : undefined,
    logger,
  };
  // Events are what a flow reads as a trigger's output: checked as answers are.
  if (options.validateResponses && options.triggers)
    options.triggers.checkPayloads(payloadCheck(model, definition, ctx.validators));
  refuseShadowed(
    model,
    ctx.jobs ? { method: 'get', path: JOBS_PATH, serves: 'the status of long-running actions' } : undefined,
  );
  refuseShadowed(
    model,
    ctx.uploads ? { method: 'patch', path: ctx.uploads.path, serves: 'the chunks of uploads' } : undefined,
  );
  const router = express.Router();
  if (ctx.jobs)
    router.get(
      `${JOBS_PATH}/:id`,
      ctx.jobs.statusRoute((op, req) => ctx.guardFor(op)(req)),
    );
  if (ctx.uploads)
    router.patch(
      `${ctx.uploads.path}/:id`,
      ctx.uploads.chunkRoute((op, req) => ctx.guardFor(op)(req)),
    );
  // Express takes the first route that matches, so the most specific path first; and every
  // operation before any 405, so that POST /users/me still reaches POST /users/{id} when only
  // GET /users/me is declared (the method picks the operation, as the platform's gateway does).
  const routes = [...model.paths]
    .sort((a, b) => bySpecificity(a.path, b.path))
    .map((item) => ({ route: toExpressPath(item.path), operations: item.operations }));
  for (const { route, operations } of routes) {
    for (const op of operations) router[op.method](route, compileOperation(op, ctx));
  }
  for (const { route, operations } of routes) router.all(route, allowing(operations));
  router.use(methodNotAllowed);
  router.use(problemHandler(logger));
  return router;
}

/**
 * An operation at a path the router serves itself (`GET /_jobs/{id}`, `PATCH /_uploads/{id}`)
 * would never be reached: that route comes first. Refused at start-up, naming it.
 */
function refuseShadowed(model: ApiModel, own: { method: string; path: string; serves: string } | undefined): void {
  if (!own) return;
  // Express matches paths without regard to case.
  const shadowed = model.operations.find(
    (op) =>
      op.method === own.method && op.path.toLowerCase().startsWith(`${own.path}/`) && op.path.split('/').length === 3,
  );
  if (shadowed) {
    throw new Error(
      `${shadowed.id} (${own.method.toUpperCase()} ${shadowed.path}) is at the path where Flowport serves ${own.serves}, so it would never be reached; give it another path`,
    );
  }
}

/** Loaded only for connectors with an operation that takes chunks, as multer is for forms. */
function chunkedUploads(fileLimit: number): Chunked.ChunkedUploads {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ChunkedUploads } = require('./chunked-upload') as typeof Chunked;
  return new ChunkedUploads(fileLimit);
}

/** An operation that takes its raw binary body in chunks (Logic Apps' chunked upload). */
function takesChunks(op: OperationModel): boolean {
  return op.chunkTransfer === true && op.parameters.some((p) => p.in === 'body' && isBinarySchema(p.schema));
}

/** The app's validators, with the precompiled ones when given and built for these definitions. */
function validatorsFor(definitions: Json | undefined, precompiled: string | undefined, logger: Logger): Validators {
  const schema = jsonDefinitions(definitions);
  if (precompiled === undefined) return new Validators(schema);
  const loaded = loadPrecompiled(precompiled, schema);
  if (loaded.problem) {
    logger.error('Precompiled validators not used; each schema is compiled on first use instead', {
      reason: loaded.problem,
      fix: 'run flowport build with --validators again',
    });
  }
  return new Validators(schema, loaded.validators);
}

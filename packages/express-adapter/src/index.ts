/**
 * @flowport/express-adapter — serve a Flowport connector on Express 5.
 * @packageDocumentation
 */
export { createApp } from './app';
export { createRouter, routerFor } from './router';
export { createServer, listen, shutdown, urlOf, type ShutdownOptions } from './server';
export { DOC_PATHS } from './docs';
export { reply, type Reply } from './reply';
export { page, type PageResult } from './page';
export { download, downloadFile, type Download, type DownloadOptions, type FileOnDisk } from './download';
export { type JobOptions } from './job-options';
export {
  HttpError,
  BadRequestError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  GoneError,
  UnprocessableError,
  TooManyRequestsError,
  NotImplementedError,
  ServiceUnavailableError,
} from './errors';
export type { Identity, VerifiedCaller } from './identity';
export type { AdapterOptions, CredentialOptions, Logger } from './options';
export type { ProblemError } from './problem';
export { matchesAnyKey } from './auth/api-key';
export { validatorsModule } from './validation/standalone';

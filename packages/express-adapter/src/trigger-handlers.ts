import {
  CallbackLookupError,
  CallbackRefusedError,
  InvalidCursorError,
  SubscriptionLimitError,
  type ApiModel,
  type OperationModel,
  type TriggerRuntime,
} from '@flowport/core';
import type { Request } from 'express';
import { queryCredentialNames } from './auth/query-credentials';
import { HttpError } from './errors';
import { ownerOf, type Identity } from './identity';
import { originOf } from './origin';
import { queryParameters } from './query-string';
import { reply, type Reply } from './reply';
import type { ValidInput } from './validation/request-validator';
import { urlPath } from './express-path';

/** What a generated operation's handler receives. */
export interface TriggerCall {
  readonly input: ValidInput;
  readonly identity: Identity | undefined;
  readonly req: Request;
}

/** The base URL of the API as the caller reached it (proxy headers only when `trust proxy` is set). */
function baseUrl(req: Request): string {
  return `${originOf(req)}${req.baseUrl}`;
}

/**
 * Handlers of the operations generated for trigger declarations: webhook registration (201 +
 * Location), subscription deletion (204, or 404 also for other callers' subscriptions, so that
 * their existence is not revealed) and polling (202/200 + Location + Retry-After).
 */
export function triggerHandler(
  op: OperationModel,
  model: ApiModel,
  runtime: TriggerRuntime,
): (call: TriggerCall) => Promise<Reply> {
  const source = op.source;
  if (source.kind === 'webhookRegister') {
    const trigger = source.trigger;
    const field = trigger.callbackField ?? 'callbackUrl';
    const del = model.operations.find((o) => o.source.kind === 'webhookDelete' && o.source.trigger === trigger)!;
    return async ({ input, identity, req }) => {
      const { [field]: callbackUrl, ...filters } = input.body as Record<string, unknown>;
      // Before subscribing: without its Location, nobody could delete the subscription.
      const base = baseUrl(req);
      try {
        const s = await runtime.subscribe(trigger, ownerOf(identity), String(callbackUrl), filters);
        // A path's literal characters as a URL carries them (a space, é): a header takes no other.
        const location = `${base}${urlPath(del.path).replace('{subscriptionId}', encodeURIComponent(s.id))}`;
        return reply(201, undefined, { Location: location });
      } catch (err) {
        if (err instanceof CallbackRefusedError) {
          throw new HttpError(400, `The callback URL was refused: ${err.message}.`, [
            { pointer: `/body/${field}`, message: err.message, code: 'callbackRefused' },
          ]);
        }
        // A DNS failure: answered 503 so that the flow's save can be tried again, and not blamed on its URL.
        if (err instanceof CallbackLookupError)
          throw new HttpError(
            503,
            `The callback URL could not be checked now: ${err.message}.`,
            [],
            { 'retry-after': '30' },
            { cause: err },
          );
        if (err instanceof SubscriptionLimitError)
          throw new HttpError(409, `The subscription was refused: ${err.message}.`);
        throw err;
      }
    };
  }
  if (source.kind === 'webhookDelete') {
    return async ({ input, identity }) => {
      const ok = await runtime.unsubscribe(source.trigger, String(input.path.subscriptionId), ownerOf(identity));
      if (!ok) throw new HttpError(404, 'No such subscription.');
      return reply(204, undefined);
    };
  }
  if (source.kind === 'polling') {
    const trigger = source.trigger;
    const credentials = queryCredentialNames(model);
    return async ({ input, identity, req }) => {
      const { cursor, ...filters } = input.query;
      const base = baseUrl(req);
      let answer;
      try {
        answer = await runtime.poll(
          trigger,
          ownerOf(identity),
          cursor === undefined ? undefined : String(cursor),
          filters,
        );
      } catch (err) {
        if (err instanceof InvalidCursorError) {
          throw new HttpError(400, 'The polling cursor is invalid.', [
            { pointer: '/query/cursor', message: err.message, code: 'invalidCursor' },
          ]);
        }
        throw err;
      }
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(queryParameters(req))) {
        if (k === 'cursor' || credentials.has(k)) continue;
        for (const one of Array.isArray(v) ? v : [v]) query.append(k, one);
      }
      query.set('cursor', answer.cursor);
      const headers = { Location: `${base}${urlPath(op.path)}?${query}`, 'Retry-After': String(answer.retryAfter) };
      return reply(answer.status, answer.body, headers);
    };
  }
  throw new Error(`${op.id} is not a generated trigger operation`);
}

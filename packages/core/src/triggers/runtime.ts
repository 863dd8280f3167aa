import { randomUUID } from 'node:crypto';
import { checkCallbackUrl, type CallbackPolicy } from './callback-url';
import { Turns } from './turns';
import { ownerTag, readCursor, signCursor, type CursorState } from './cursor';
import { locationCursor, pollResult, type PollAnswer } from './poll-result';
import { InvalidCursorError, InvalidPayloadError } from './runtime-errors';
import { addSubscription } from './registration';
import type { PollingTriggerDeclaration, WebhookTriggerDeclaration } from './declarations';
import { DeliveryWorker } from './delivery';
import { DEFAULT_DELIVERY, type DeliveryOptions } from './delivery-options';
import { logFunction, messageOf, type LogFunction, type TriggerLogger } from './logger';
import { checkRuntimeOptions } from './runtime-options';
import type { Delivery, Subscription, TriggerStore } from './store';
import { jsonText } from '../json-text';

export { InvalidCursorError, InvalidPayloadError, SubscriptionLimitError } from './runtime-errors';
export type { PollAnswer } from './poll-result';

/** Options of {@link TriggerRuntime}. */
export interface TriggerRuntimeOptions {
  readonly store: TriggerStore;
  /** Signs polling cursors and notifications (HMAC-SHA256). Keep it secret and stable across restarts. */
  readonly secret: string | Buffer;
  /**
   * Secrets used before `secret`, whose polling cursors are still read (never used to sign), so
   * that a rotation does not break the flows polling with a cursor signed by the old one: the
   * platform keeps polling its Location URL, and an unreadable cursor is a 400 at every poll.
   * Each poll moves a flow to a cursor signed with `secret`; a flow that is turned off keeps its
   * old cursor until it runs again.
   */
  readonly previousSecrets?: readonly (string | Buffer)[];
  readonly callbacks?: CallbackPolicy;
  /**
   * How many subscriptions one caller (identity subject) may hold to one trigger; default 1,000.
   * A flow holds one while it is on, so the bound is far above what flows need, and keeps one
   * caller from filling the store (and the memory the store keeps them in) with registrations;
   * processes that share a store hold it together (`TriggerStore.addSubscription(s, max)`).
   */
  readonly maxSubscriptionsPerOwner?: number;
  readonly delivery?: Partial<DeliveryOptions>;
  /**
   * Where deliveries that failed for good (and the store's failures) are logged: the adapter's
   * `logger` (an object with `error(message, details)`), so that one logger serves both, or a
   * function. Default `console.error(message, JSON.stringify(details))`.
   */
  readonly logger?: TriggerLogger;
}

/** Options of {@link TriggerRuntime.emit}. */
export interface EmitOptions {
  /** Deliver only to subscriptions this identity subject created. */
  readonly owner?: string;
}

/**
 * Checks an event as its flows receive it (its JSON, parsed again) against the trigger's
 * notification schema: the problems found, or undefined. See {@link TriggerRuntime.checkPayloads}.
 */
export type PayloadCheck = (trigger: string, payload: unknown) => readonly string[] | undefined;

/** The subscriptions one caller may hold to one trigger, unless the options say otherwise. */
export const DEFAULT_MAX_SUBSCRIPTIONS_PER_OWNER = 1000;

/**
 * The trigger runtime: webhook subscriptions, durable delivery of emitted events, and the
 * polling protocol. Framework-neutral; the Express adapter routes the generated operations here.
 *
 * @example
 * ```ts
 * const triggers = new TriggerRuntime({ store: new SqliteTriggerStore('triggers.db'), secret });
 * triggers.start();
 * await triggers.emit(negativeText, { id: doc.id, score });
 * ```
 */
export class TriggerRuntime {
  private readonly worker: DeliveryWorker;
  private readonly secret: string | Buffer;
  /** The secrets a cursor may be signed with: the current one first. */
  private readonly readable: readonly (string | Buffer)[];
  private payloadCheck?: PayloadCheck;
  private readonly log: LogFunction;
  /** Subscriptions whose filters made a trigger's `matches` throw: logged once each. */
  private readonly unmatchable = new Set<string>();
  private readonly registrations = new Turns();

  constructor(private readonly options: TriggerRuntimeOptions) {
    checkRuntimeOptions(options);
    this.secret = options.secret;
    this.readable = [options.secret, ...(options.previousSecrets ?? [])];
    this.log = logFunction(options.logger);
    this.worker = new DeliveryWorker(
      options.store,
      options.secret,
      options.callbacks ?? {},
      { ...DEFAULT_DELIVERY, ...options.delivery },
      this.log,
    );
  }

  get store(): TriggerStore {
    return this.options.store;
  }

  /**
   * Checks every emitted event before it is queued; an event that fails makes `emit` reject with
   * an {@link InvalidPayloadError} and queues none of its batch. The Express adapter installs its
   * check when it validates answers (`validateResponses`), from the notification schemas of the
   * definition it publishes: a flow reads an event by that schema, so an event that breaks it
   * fails in the flow's run, where the app's developer never sees why. `undefined` removes it.
   */
  checkPayloads(check: PayloadCheck | undefined): void {
    this.payloadCheck = check;
  }

  /** Starts delivering; deliveries left from an earlier run (a crash) are picked up. */
  start(): void {
    this.worker.start();
  }

  /** Stops delivering and waits for the attempts in flight; the outbox keeps the rest. */
  async stop(): Promise<void> {
    await this.worker.stop();
  }

  /**
   * Registers a subscription after checking its callback URL (refusals throw
   * `CallbackRefusedError`) and the caller's count (`SubscriptionLimitError`; a caller's
   * registrations to a trigger are counted one at a time in this process, while processes sharing
   * a store may each pass the last place). It replaces the caller's subscriptions to this trigger
   * with the same callback URL: a flow saved again registers its trigger's URL again, after a
   * DELETE of the old subscription that may never have arrived (the API was down), and two
   * subscriptions to one URL start every run twice.
   */
  async subscribe<T>(
    trigger: WebhookTriggerDeclaration<T>,
    owner: string,
    callbackUrl: string,
    filters: Readonly<Record<string, unknown>>,
  ): Promise<Subscription> {
    const url = await checkCallbackUrl(callbackUrl, this.options.callbacks);
    // A caller's registrations to a trigger are counted and added one at a time in this process:
    // before, registrations sent together each counted the same subscriptions, and all were added.
    const max = this.options.maxSubscriptionsPerOwner ?? DEFAULT_MAX_SUBSCRIPTIONS_PER_OWNER;
    return this.registrations.run(`${trigger.id}\u0000${owner}`, () =>
      addSubscription(this.options.store, { trigger: trigger.id, owner, url, filters, max }),
    );
  }

  /** Deletes the owner's subscription; false when there is none (or it is someone else's). */
  async unsubscribe<T>(trigger: WebhookTriggerDeclaration<T>, id: string, owner: string): Promise<boolean> {
    const s = await this.options.store.getSubscription(id);
    if (!s || s.trigger !== trigger.id || s.owner !== owner) return false;
    return this.options.store.deleteSubscription(id);
  }

  /**
   * Emits an event: one delivery per subscription whose filters match (and, with `owner`, that
   * this identity created: an event about one user's data reaches only that user's flows),
   * written durably to the outbox before this resolves. Resolves to the number queued.
   */
  async emit<T>(trigger: WebhookTriggerDeclaration<T>, payload: T, options: EmitOptions = {}): Promise<number> {
    return this.emitAll(trigger, [payload], options);
  }

  /**
   * Emits several events of one trigger at once: one look-up of the subscriptions and one durable
   * write for all of them (what a request that scores many documents wants).
   */
  async emitAll<T>(
    trigger: WebhookTriggerDeclaration<T>,
    payloads: readonly T[],
    options: EmitOptions = {},
  ): Promise<number> {
    if (payloads.length === 0) return 0;
    if (this.payloadCheck) this.check(trigger.id, payloads, this.payloadCheck);
    const subscriptions = (await this.options.store.subscriptionsOf(trigger.id)).filter(
      (s) => options.owner === undefined || s.owner === options.owner,
    );
    if (subscriptions.length === 0) return 0;
    const now = Date.now();
    const deliveries: Delivery[] = [];
    for (const payload of payloads) {
      const matching = subscriptions.filter((s) => this.matches(trigger, payload, s));
      if (matching.length === 0) continue;
      const body = jsonText(payload);
      for (const s of matching) {
        deliveries.push({
          id: randomUUID(),
          subscriptionId: s.id,
          trigger: trigger.id,
          callbackUrl: s.callbackUrl,
          body,
          attempts: 0,
          nextAttemptAt: now,
          createdAt: new Date(now).toISOString(),
        });
      }
    }
    if (deliveries.length === 0) return 0;
    await this.options.store.enqueue(deliveries);
    this.worker.wake();
    return deliveries.length;
  }

  /**
   * Whether an event goes to a subscription. A `matches` that throws on one subscription's filters
   * (stored by an older version of the app, say) keeps the event from that one only, logged once:
   * before, the throw rejected the whole emit, and no subscriber got the event.
   */
  private matches<T>(trigger: WebhookTriggerDeclaration<T>, payload: T, s: Subscription): boolean {
    if (!trigger.matches) return true;
    try {
      return Boolean(trigger.matches(payload, s.filters));
    } catch (err) {
      if (!this.unmatchable.has(s.id)) {
        this.unmatchable.add(s.id);
        this.log(
          'flowport: the matches function of a trigger threw on a subscription; it gets no events it throws on (logged once)',
          {
            trigger: trigger.id,
            subscription: s.id,
            error: messageOf(err),
          },
        );
      }
      return false;
    }
  }

  /** Every event of a batch, before any is queued: the batch goes whole or not at all. */
  private check(trigger: string, payloads: readonly unknown[], check: PayloadCheck): void {
    const found: string[] = [];
    for (const [i, payload] of payloads.entries()) {
      const problems = check(trigger, payload === undefined ? undefined : JSON.parse(jsonText(payload)));
      if (problems?.length) found.push(`${payloads.length > 1 ? `event #${i + 1}: ` : ''}${problems.join('; ')}`);
    }
    if (found.length > 0) {
      throw new InvalidPayloadError(
        `${trigger}: an event does not match the trigger's notification schema, so flows could not read it: ${found.join(' | ')}`,
      );
    }
  }

  /**
   * One poll of a polling trigger. The first poll (no cursor) sets the baseline and answers 202;
   * later ones answer 202 while nothing is new, else 200 with the items (an array for batch, one
   * item per answer with `Retry-After: 0` while more wait for single triggers).
   */
  async poll<F>(
    trigger: PollingTriggerDeclaration<unknown, F>,
    owner: string,
    token: string | undefined,
    filters: F,
  ): Promise<PollAnswer> {
    const wait = trigger.retryAfter ?? 60;
    const sign = (state: Omit<CursorState, 'trigger' | 'owner'>) =>
      locationCursor(
        trigger.id,
        signCursor({ trigger: trigger.id, owner: ownerTag(owner, this.secret), ...state }, this.secret),
      );
    if (token === undefined) {
      const first = pollResult(trigger.id, await trigger.poll(undefined, filters, { owner }));
      return { status: 202, cursor: sign({ cursor: first.cursor }), retryAfter: wait };
    }
    let state: CursorState | undefined;
    let tag: string | undefined;
    for (const secret of this.readable) {
      state = readCursor(token, secret);
      if (state) {
        tag = ownerTag(owner, secret);
        break;
      }
    }
    // A cursor signed before owners were tagged carries the owner as it is.
    if (!state || state.trigger !== trigger.id || (state.owner !== tag && state.owner !== owner)) {
      throw new InvalidCursorError('the cursor is not one this API issued to this connection');
    }
    const result = pollResult(trigger.id, await trigger.poll(state.cursor, filters, { owner }));
    const skip = state.skip ?? 0;
    if (result.items.length <= skip) {
      return { status: 202, cursor: sign({ cursor: skip > 0 ? result.cursor : state.cursor }), retryAfter: wait };
    }
    // Items past this page wait: the platform is asked back at once rather than after the interval.
    const after = result.more === true ? 0 : wait;
    if (trigger.batch)
      return { status: 200, body: result.items, cursor: sign({ cursor: result.cursor }), retryAfter: after };
    const more = skip + 1 < result.items.length;
    return {
      status: 200,
      body: result.items[skip],
      cursor: more ? sign({ cursor: state.cursor, skip: skip + 1 }) : sign({ cursor: result.cursor }),
      retryAfter: more ? 0 : after,
    };
  }

  /** Deliveries that will not be attempted again, for `delivery.deadLetterRetentionMs` (30 days). */
  deadLetters(): Promise<Delivery[]> {
    return this.options.store.deadLetters();
  }
}

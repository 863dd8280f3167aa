import type { Class, Visibility } from '../types';

/**
 * A webhook trigger (`x-ms-trigger: single`). From this one declaration Flowport generates the
 * registration operation (a body whose `callbackUrl` field is the internal, required
 * `x-ms-notification-url`), the path-level `x-ms-notification-content`, a `201` with the
 * subscription's `Location`, and the `DELETE` operation the platform calls on that location.
 */
export interface WebhookTriggerDeclaration<TPayload = unknown> {
  readonly kind: 'webhook';
  /** operationId of the registration operation, e.g. `OnNegativeText`. */
  readonly id: string;
  /** Collection path of subscriptions, e.g. `/hooks/negative-text`. */
  readonly path: string;
  /** Title, phrased "When …". */
  readonly summary: string;
  /** Phrased "This operation triggers when …". */
  readonly description: string;
  /** The event the service posts to each subscriber. */
  readonly payload: Class<TPayload>;
  readonly payloadDescription?: string;
  /** DTO whose fields the flow author sets when adding the trigger (e.g. a score threshold). */
  readonly filters?: Class;
  readonly hint?: string;
  readonly visibility?: Visibility;
  /** Name of the body field that receives the callback URL; default `callbackUrl`. */
  readonly callbackField?: string;
  /** operationId of the generated DELETE; default `<id>Unsubscribe`. */
  readonly deleteId?: string;
  /** Whether an event goes to a subscription with these filters; every event when omitted. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly matches?: (payload: TPayload, filters: any) => boolean;
}

/** Who polls: each Power Platform connection has its own identity. */
export interface PollCaller {
  /** The identity subject of the connection (`anonymous` without auth). */
  readonly owner: string;
}

/** The items a polling function returns and the cursor to resume from. */
export interface PollResult<TItem> {
  readonly items: readonly TItem[];
  readonly cursor: string;
  /**
   * True when more items wait after `cursor` (the function returned a page of them): the answer
   * then asks the platform to poll again at once (`Retry-After: 0`) instead of after `retryAfter`,
   * so that a busy source is not read a page per interval and left ever further behind.
   */
  readonly more?: boolean;
}

/**
 * A polling trigger implemented by the API (`202` + `Location` + `Retry-After` until there is
 * something new, then `200` with the items). The app supplies `poll(cursor, filters)`.
 */
export interface PollingTriggerDeclaration<TItem = unknown, TFilters = unknown> {
  readonly kind: 'polling';
  readonly id: string;
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  /** `batch`: the 200 body is an array of items; `single`: one item per response. */
  readonly batch: boolean;
  readonly item: Class<TItem>;
  /** DTO of primitive fields, sent as query parameters the flow author sets. */
  readonly filters?: Class<TFilters>;
  readonly hint?: string;
  readonly visibility?: Visibility;
  /** Seconds the platform waits between polls; default 60. */
  readonly retryAfter?: number;
  /**
   * Reads what is new for this caller after `cursor`. On the first call `cursor` is undefined:
   * return no items and the current position (the baseline). For single triggers the same
   * cursor must give the same items again, as they are handed out one by one.
   */
  readonly poll: (
    cursor: string | undefined,
    filters: TFilters,
    caller: PollCaller,
  ) => Promise<PollResult<TItem>> | PollResult<TItem>;
}

/** Any trigger declaration; `any` because `poll` takes its filter type contravariantly. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TriggerDeclaration = WebhookTriggerDeclaration<any> | PollingTriggerDeclaration<any, any>;

/**
 * Declares a webhook trigger.
 * @example
 * ```ts
 * export const negativeText = webhookTrigger({ id: 'OnNegativeText', path: '/hooks/negative-text',
 *   summary: 'When negative text is detected', description: 'This operation triggers when …',
 *   payload: NegativeTextEvent, filters: ScoreThreshold });
 * ```
 */
export function webhookTrigger<T>(options: Omit<WebhookTriggerDeclaration<T>, 'kind'>): WebhookTriggerDeclaration<T> {
  return { kind: 'webhook', ...options };
}

/** Declares a polling trigger; see {@link PollingTriggerDeclaration}. */
export function pollingTrigger<TItem, TFilters = Record<string, never>>(
  options: Omit<PollingTriggerDeclaration<TItem, TFilters>, 'kind'>,
): PollingTriggerDeclaration<TItem, TFilters> {
  return { kind: 'polling', ...options };
}

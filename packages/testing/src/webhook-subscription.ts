import type { ValidateFunction } from 'ajv';
import type { FlowHost } from './flow-host';
import { errorsOf } from './output-check';
import type { Inbox, Notification } from './receiver';

/** A registered webhook subscription, with the inbox its notifications arrive in. */
export class WebhookSubscription {
  /** @internal Made by {@link FlowHost.webhook}. */
  constructor(
    private readonly host: FlowHost,
    readonly operationId: string,
    /** The subscription URL from the registration's `Location` header. */
    readonly location: string,
    readonly inbox: Inbox,
    private readonly validate: ValidateFunction,
  ) {}

  /** Every notification received, each checked against the trigger's notification content. */
  get notifications(): readonly Notification[] {
    return this.inbox.received;
  }

  /** The `n`-th notification (1-based), checked against `x-ms-notification-content`. */
  async notification(n = 1, timeoutMs?: number): Promise<Notification> {
    const got = await this.inbox.nth(n, timeoutMs);
    if (!this.validate(got.body)) {
      throw new Error(
        `notification ${n} of ${this.operationId} does not match x-ms-notification-content: ${errorsOf(this.validate)}`,
      );
    }
    return got;
  }

  /** What the platform does when the flow is turned off: DELETE the Location, with the connection only. */
  async unsubscribe(): Promise<number> {
    return (await this.host.call('DELETE', this.location)).status;
  }
}
